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
  saveFile: downloadFile,
});

/** Offers bytes as a download through a temporary link. */
function downloadFile(name: string, bytes: Uint8Array): void {
  const url = URL.createObjectURL(new Blob([bytes as Uint8Array<ArrayBuffer>], { type: 'application/x-tar' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  link.click();
  URL.revokeObjectURL(url);
}

export function useApp<T>(selector: (s: AppState) => T): T {
  return useStore(appStore, selector);
}
