// A page without a browser: the real store and named actions over a run on InlineHost, driven by
// fake animation frames so a test decides when virtual time moves.
import { afterEach } from 'vitest';
import { createActions, type Actions } from '../../src/ui/store/actions';
import type { SessionConfig } from '../../src/ui/store/session-config';
import { createAppStore, type AppStore } from '../../src/ui/store/store';
import { FakeFrames, settle } from './fake-frames';

export interface TestPage {
  store: AppStore;
  actions: Actions;
  frames: FakeFrames;
}

let current: TestPage | null = null;

afterEach(() => {
  current?.actions.currentSession()?.dispose();
  current = null;
});

/** Files the page offered for download, newest last. */
export const saved: { name: string; bytes: Uint8Array }[] = [];

/**
 * Loads a paused run (seed 11, 100 ms links); "New seed" always draws 777. Raft-only (no PKI, no
 * workers) unless `extra` asks for a swarm: the Raft tests stay fast and exact.
 */
export async function openPage(seed = 11, managers = 3, extra: Partial<SessionConfig> = {}): Promise<TestPage> {
  const store = createAppStore();
  const frames = new FakeFrames();
  const actions = createActions(store, { clock: frames, drawSeed: () => 777, saveFile: (name, bytes) => saved.push({ name, bytes }) });
  await actions.loadSession({ seed, host: 'inline', managers, latencyMs: 100, security: 'none', workers: 0, ...extra });
  current = { store, actions, frames };
  return current;
}

/** Runs the simulation to virtual time tMs the way the page's driver does. */
export async function runTo({ actions }: { actions: Actions }, tMs: number): Promise<void> {
  await actions.currentSession()!.driver.runTo(tMs);
  await settle();
}
