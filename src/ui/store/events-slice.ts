// The event list: the simulator's plain-words events, newest first, bounded.
import type { StateCreator } from 'zustand/vanilla';
import type { SimEvent } from '../../sim/api';
import type { AppState } from './store';

export const EVENT_LIST_LIMIT = 200;

export interface EventsSlice {
  events: readonly SimEvent[];
  /** Takes the view's recent events (oldest first); updates only when a new one arrived. */
  takeEvents(recent: readonly SimEvent[]): void;
  clearEvents(): void;
}

export const createEventsSlice: StateCreator<AppState, [], [], EventsSlice> = (set, get) => ({
  events: [],
  takeEvents: (recent) => {
    const newest = recent[recent.length - 1];
    if (newest === undefined || newest === get().events[0]) return;
    set({ events: recent.slice(-EVENT_LIST_LIMIT).reverse() });
  },
  clearEvents: () => set({ events: [] }),
});
