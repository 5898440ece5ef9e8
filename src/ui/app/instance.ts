// The page's single store and its actions. Components, keys and the debug surface import these;
// tests build their own with createAppStore/createActions.
import { useStore } from 'zustand';
import { createActions } from '../store/actions';
import { createAppStore, type AppState } from '../store/store';
import { pageQuery } from './url-params';

export const appStore = createAppStore();

export const actions = createActions(appStore, {
  onConfig: (config) => {
    const query = pageQuery(config, window.location.search);
    if (query !== window.location.search) window.history.replaceState(null, '', query);
  },
});

export function useApp<T>(selector: (s: AppState) => T): T {
  return useStore(appStore, selector);
}
