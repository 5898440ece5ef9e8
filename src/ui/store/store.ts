// The page's one store: a vanilla zustand store made of slices, created outside React so the
// canvas layer, keyboard, tests and benchmarks can use it as well as components.
import { createStore, type StoreApi } from 'zustand/vanilla';
import { createEventsSlice, type EventsSlice } from './events-slice';
import { createPkiSlice, type PkiSlice } from './pki-slice';
import { createPlaybackSlice, type PlaybackSlice } from './playback-slice';
import { createSelectionSlice, type SelectionSlice } from './selection-slice';
import { createSimSlice, type SimSlice } from './sim-slice';

export type AppState = SimSlice & PlaybackSlice & SelectionSlice & EventsSlice & PkiSlice;
export type AppStore = StoreApi<AppState>;

export function createAppStore(): AppStore {
  return createStore<AppState>()((...a) => ({
    ...createSimSlice(...a),
    ...createPlaybackSlice(...a),
    ...createSelectionSlice(...a),
    ...createEventsSlice(...a),
    ...createPkiSlice(...a),
  }));
}
