// The real-time driver: virtual time follows wall time x speed while playing; paused means no
// frame is even requested; with a slow (worker) host frames are skipped, never overlapped.
import { describe, expect, it } from 'vitest';
import { MAX_SPEED, RealtimeDriver, type Advanceable, type DriverNotice } from '../../src/sim/api';
import { FakeFrames, settle } from './fake-frames';

class FakeSim implements Advanceable {
  nowMs = 0;
  calls: number[] = [];
  steps = 0;
  /** When set, runUntil waits for release() (like a WorkerHost round trip). */
  slow = false;
  private release: (() => void) | null = null;

  runUntil(tMs: number): Promise<void> {
    this.calls.push(tMs);
    if (!this.slow) {
      this.nowMs = tMs;
      return Promise.resolve();
    }
    return new Promise((resolve) => {
      this.release = () => {
        this.nowMs = tMs;
        resolve();
      };
    });
  }

  stepOnce(): void {
    this.steps++;
    this.nowMs += 1;
  }

  finish(): void {
    this.release?.();
    this.release = null;
  }
}

function setup() {
  const sim = new FakeSim();
  const frames = new FakeFrames();
  const notices: DriverNotice[] = [];
  const driver = new RealtimeDriver(sim, (n) => notices.push(n), { clock: frames });
  return { sim, frames, notices, driver };
}

describe('RealtimeDriver', () => {
  it('requests no frames until played and none after pause', () => {
    const { frames, driver } = setup();
    expect(frames.requested).toBe(0);
    driver.play();
    expect(frames.pending).toBe(1);
    driver.pause();
    expect(frames.pending).toBe(0);
    frames.fire(100);
    expect(frames.pending).toBe(0);
  });

  it('advances virtual time by wall time x speed, carrying fractions of a ms', async () => {
    const { sim, frames, driver } = setup();
    driver.setSpeed(2.5);
    driver.play();
    frames.fire(1000); // the first frame only sets the reference point
    expect(sim.calls).toEqual([]);
    frames.fire(1016.7);
    await settle();
    frames.fire(1033.4);
    await settle();
    expect(sim.calls).toEqual([41, 83]);
    expect(frames.pending).toBe(1);
  });

  it('never jumps more than 100 ms of wall time at once (a stalled tab)', async () => {
    const { sim, frames, driver } = setup();
    driver.play();
    frames.fire(0);
    frames.fire(5000);
    await settle();
    expect(sim.calls).toEqual([100]);
  });

  it('skips frames while a slow advance is out, then covers the skipped time', async () => {
    const { sim, frames, driver } = setup();
    sim.slow = true;
    driver.setSpeed(10);
    driver.play();
    frames.fire(0);
    frames.fire(16);
    expect(sim.calls).toEqual([160]);
    frames.fire(32);
    frames.fire(48);
    expect(sim.calls).toEqual([160]);
    sim.finish();
    await settle();
    frames.fire(64);
    expect(sim.calls).toEqual([160, 160 + 480]);
  });

  it('clamps speed to 0.1x..100x by default', () => {
    const { driver } = setup();
    driver.setSpeed(1e6);
    expect(driver.speed).toBe(MAX_SPEED);
    driver.setSpeed(0);
    expect(driver.speed).toBe(0.1);
    driver.setSpeed(Number.NaN);
    expect(driver.speed).toBe(1);
  });

  it('step pauses and runs one event', async () => {
    const { sim, frames, driver, notices } = setup();
    driver.play();
    await driver.step();
    expect(driver.playing).toBe(false);
    expect(frames.pending).toBe(0);
    expect(sim.steps).toBe(1);
    expect(notices.at(-1)).toEqual({ type: 'advanced', nowMs: 1 });
  });

  it('applies a change made during an advance only after it, then settles the instant', async () => {
    const { sim, frames, driver } = setup();
    sim.slow = true;
    driver.play();
    frames.fire(0);
    frames.fire(20);
    const applied: number[] = [];
    driver.perform(() => applied.push(sim.nowMs));
    expect(applied).toEqual([]);
    driver.pause();
    sim.finish();
    await settle();
    expect(applied).toEqual([20]);
    // Paused, so the driver ran what the change scheduled for the current instant.
    expect(sim.calls).toEqual([20, 20]);
    sim.finish();
  });

  it('reports a change that throws as rejected and keeps playing', async () => {
    const { sim, frames, driver, notices } = setup();
    sim.slow = true;
    driver.play();
    frames.fire(0);
    frames.fire(20);
    driver.perform(() => {
      throw new Error('unknown node');
    });
    sim.finish();
    await settle();
    expect(notices).toContainEqual({ type: 'rejected', error: new Error('unknown node') });
    expect(driver.playing).toBe(true);
  });

  it('reports an error from the simulation and pauses', async () => {
    const { sim, frames, driver, notices } = setup();
    sim.runUntil = () => Promise.reject(new Error('safety violation'));
    driver.play();
    frames.fire(0);
    frames.fire(20);
    await settle();
    expect(driver.playing).toBe(false);
    expect(notices.some((n) => n.type === 'error' && n.error.message === 'safety violation')).toBe(true);
  });
});
