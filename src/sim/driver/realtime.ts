// Drives a simulation against the wall clock: while playing, each animation frame advances virtual
// time by (wall time since the last advance) x speed. Paused means nothing is scheduled at all (no
// frame loop, no timers), so an idle page costs no CPU. With a host that answers asynchronously
// (Web Workers) a frame never starts an advance before the previous one finished; it skips instead,
// and the next advance covers the skipped wall time. User actions that arrive during an advance
// wait for it to finish, so the simulation only ever changes between advances.
import type { MaybePromise } from '../host/types';

export const MIN_SPEED = 0.1;
export const MAX_SPEED = 100;
/** A stalled tab (or a long advance) must not turn into one huge jump of virtual time. */
export const MAX_WALL_STEP_MS = 100;

/** What the driver needs from a simulation. */
export interface Advanceable {
  readonly nowMs: number;
  runUntil(tMs: number): Promise<void>;
  stepOnce(): MaybePromise<void>;
}

export interface FrameClock {
  request(cb: (wallMs: number) => void): number;
  cancel(handle: number): void;
}

export type DriverNotice =
  | { type: 'advanced'; nowMs: number }
  | { type: 'playback'; playing: boolean; speed: number }
  | { type: 'error'; error: Error }
  /** A change handed to perform() threw; the simulation itself is fine. */
  | { type: 'rejected'; error: Error };

export function browserFrameClock(): FrameClock {
  return {
    request: (cb) => requestAnimationFrame(cb),
    cancel: (handle) => cancelAnimationFrame(handle),
  };
}

export function clampSpeed(speed: number, maxSpeed = MAX_SPEED): number {
  if (!Number.isFinite(speed)) return 1;
  return Math.min(maxSpeed, Math.max(MIN_SPEED, speed));
}

export interface DriverOptions {
  clock?: FrameClock;
  /** Above MAX_SPEED only for benchmarks; the page's slider stops at MAX_SPEED. */
  maxSpeed?: number;
}

export class RealtimeDriver {
  private playingNow = false;
  private speedNow = 1;
  private frame: number | null = null;
  private lastWallMs: number | null = null;
  private carryMs = 0;
  private busy = false;
  private stopped = false;
  private readonly queued: (() => void)[] = [];
  private readonly clock: FrameClock;
  private readonly maxSpeed: number;

  constructor(
    private readonly sim: Advanceable,
    private readonly notify: (notice: DriverNotice) => void,
    opts: DriverOptions = {},
  ) {
    this.clock = opts.clock ?? browserFrameClock();
    this.maxSpeed = opts.maxSpeed ?? MAX_SPEED;
  }

  get playing(): boolean {
    return this.playingNow;
  }

  get speed(): number {
    return this.speedNow;
  }

  /** True while an advance is running (a worker batch may still be out). */
  get advancing(): boolean {
    return this.busy;
  }

  play(): void {
    if (this.playingNow || this.stopped) return;
    this.playingNow = true;
    this.lastWallMs = null;
    this.schedule();
    this.notifyPlayback();
  }

  pause(): void {
    if (!this.playingNow) return;
    this.playingNow = false;
    if (this.frame !== null) this.clock.cancel(this.frame);
    this.frame = null;
    this.lastWallMs = null;
    this.carryMs = 0;
    this.notifyPlayback();
  }

  setSpeed(speed: number): void {
    this.speedNow = clampSpeed(speed, this.maxSpeed);
    this.notifyPlayback();
  }

  /** Pauses, then runs exactly one event of the simulation. Ignored while an advance is running. */
  async step(): Promise<void> {
    this.pause();
    if (this.busy || this.stopped) return;
    await this.guard(() => this.sim.stepOnce());
  }

  /** Pauses and runs (as fast as possible) until virtual time tMs. */
  async runTo(tMs: number): Promise<void> {
    this.pause();
    if (this.busy || this.stopped) return;
    await this.guard(() => this.sim.runUntil(tMs));
  }

  /**
   * Changes the simulation between advances: now if none is running, else right after it. When
   * paused, whatever the change scheduled for the current instant runs at once, so a kill or a cut
   * shows without pressing play.
   */
  perform(change: () => void): void {
    if (this.stopped) return;
    if (this.busy) {
      this.queued.push(change);
      return;
    }
    change();
    this.settle();
  }

  /** Stops for good (the simulation is being replaced). */
  stop(): void {
    this.pause();
    this.stopped = true;
    this.queued.length = 0;
  }

  private schedule(): void {
    if (this.frame === null) this.frame = this.clock.request((wallMs) => this.onFrame(wallMs));
  }

  private onFrame(wallMs: number): void {
    this.frame = null;
    if (!this.playingNow || this.stopped) return;
    this.schedule();
    if (this.busy) return;
    const last = this.lastWallMs ?? wallMs;
    this.lastWallMs = wallMs;
    const wallStepMs = Math.min(MAX_WALL_STEP_MS, Math.max(0, wallMs - last));
    const virtualMs = wallStepMs * this.speedNow + this.carryMs;
    const wholeMs = Math.floor(virtualMs);
    this.carryMs = virtualMs - wholeMs;
    if (wholeMs > 0) void this.guard(() => this.sim.runUntil(this.sim.nowMs + wholeMs));
  }

  private async guard(work: () => MaybePromise<void>): Promise<void> {
    this.busy = true;
    try {
      await work();
      if (!this.stopped) this.notify({ type: 'advanced', nowMs: this.sim.nowMs });
    } catch (err) {
      this.pause();
      this.notify({ type: 'error', error: err instanceof Error ? err : new Error(String(err)) });
    } finally {
      this.busy = false;
    }
    this.runQueued();
  }

  private runQueued(): void {
    if (this.queued.length === 0 || this.stopped) return;
    for (const change of this.queued.splice(0)) {
      try {
        change();
      } catch (err) {
        this.notify({ type: 'rejected', error: err instanceof Error ? err : new Error(String(err)) });
      }
    }
    this.settle();
  }

  /** While paused, runs what is due at the current instant (a frame does it while playing). */
  private settle(): void {
    if (!this.playingNow && !this.stopped) void this.guard(() => this.sim.runUntil(this.sim.nowMs));
  }

  private notifyPlayback(): void {
    this.notify({ type: 'playback', playing: this.playingNow, speed: this.speedNow });
  }
}
