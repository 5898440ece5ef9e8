// The simulation as the page sees it: the configuration of the current run, whether it is
// booting, running or failed, and the latest view of it.
import type { StateCreator } from 'zustand/vanilla';
import type { SimView } from '../../sim/api';
import { DEFAULT_CONFIG, type SessionConfig } from './session-config';
import type { AppState } from './store';

export type SimPhase = 'booting' | 'running' | 'failed';

export interface SimSlice {
  config: SessionConfig;
  phase: SimPhase;
  error: string | null;
  view: SimView | null;
  tickMs: number;
  setConfig(config: SessionConfig): void;
  setPhase(phase: SimPhase, error?: string | null): void;
  setView(view: SimView, tickMs: number): void;
}

export const createSimSlice: StateCreator<AppState, [], [], SimSlice> = (set) => ({
  config: DEFAULT_CONFIG,
  phase: 'booting',
  error: null,
  view: null,
  tickMs: 1000,
  setConfig: (config) => set({ config }),
  setPhase: (phase, error = null) => set({ phase, error }),
  setView: (view, tickMs) => set({ view, tickMs }),
});
