// Browser benchmarks, exposed on window.swarmscope: how fast node workers start, and how fast the
// page runs the simulation in real time while it draws.
import { WorkerHost, type NodeBoot } from '../../sim/api';
import type { Actions } from '../store/actions';

/** Boots n node workers (a fresh cluster of n voters) and returns the ms until all are ready. */
export async function startWorkers(n: number, readyTimeoutMs = 60_000): Promise<number> {
  const host = new WorkerHost({ readyTimeoutMs });
  const ids = Array.from({ length: n }, (_, i) => `node-${i + 1}`);
  const boots: NodeBoot[] = ids.map((id, i) => ({ config: { id, peers: ids, raft: {} }, disk: null, seed: i + 1, nowMs: 0 }));
  const started = performance.now();
  try {
    await Promise.all(boots.map((b) => host.boot(b)));
    return performance.now() - started;
  } finally {
    host.dispose();
  }
}

export interface RealtimeReport {
  host: string;
  managers: number;
  speed: number;
  wallMs: number;
  virtualMs: number;
  /** Virtual ms per wall ms actually reached (compare with speed). */
  ratio: number;
  frames: number;
  frameP50Ms: number;
  frameP95Ms: number;
  frameMaxMs: number;
}

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return 0;
  return sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))];
}

/** Collects animation-frame intervals until durationMs has passed. */
function frameIntervals(durationMs: number): Promise<number[]> {
  return new Promise((resolve) => {
    const gaps: number[] = [];
    let first = -1;
    let last = -1;
    const frame = (t: number) => {
      if (first < 0) first = t;
      else gaps.push(t - last);
      last = t;
      if (t - first < durationMs) requestAnimationFrame(frame);
      else resolve(gaps);
    };
    requestAnimationFrame(frame);
  });
}

/**
 * Plays the page's current run at `speed` (beyond the slider's 100x if asked) for durationMs of
 * wall time while it draws, and reports the virtual time reached and the frame times.
 */
export async function measureRealtime(actions: Actions, speed: number, durationMs: number): Promise<RealtimeReport> {
  const session = actions.currentSession();
  if (!session) throw new Error('measureRealtime: no run is loaded');
  const { driver, sim, config } = session;
  const before = { playing: driver.playing, speed: driver.speed };
  driver.setSpeed(speed);
  const virtualStart = sim.nowMs;
  const wallStart = performance.now();
  driver.play();
  const gaps = await frameIntervals(durationMs);
  driver.pause();
  const wallMs = performance.now() - wallStart;
  const virtualMs = sim.nowMs - virtualStart;
  driver.setSpeed(before.speed);
  if (before.playing) driver.play();
  const sorted = gaps.slice().sort((x, y) => x - y);
  return {
    host: config.host,
    managers: config.managers,
    speed,
    wallMs,
    virtualMs,
    ratio: virtualMs / wallMs,
    frames: gaps.length,
    frameP50Ms: percentile(sorted, 0.5),
    frameP95Ms: percentile(sorted, 0.95),
    frameMaxMs: sorted[sorted.length - 1] ?? 0,
  };
}
