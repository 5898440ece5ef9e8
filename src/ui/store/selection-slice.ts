// What the inspector shows: one node, one link (an unordered pair), or nothing.
import type { StateCreator } from 'zustand/vanilla';
import type { AppState } from './store';

export type Selection = { kind: 'node'; id: string } | { kind: 'link'; a: string; b: string };

export interface SelectionSlice {
  selection: Selection | null;
  setSelection(selection: Selection | null): void;
}

export const createSelectionSlice: StateCreator<AppState, [], [], SelectionSlice> = (set) => ({
  selection: null,
  setSelection: (selection) => set({ selection }),
});
