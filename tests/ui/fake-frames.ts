// A frame clock the test fires by hand, standing in for requestAnimationFrame.
import type { FrameClock } from '../../src/sim/api';

export class FakeFrames implements FrameClock {
  private readonly callbacks = new Map<number, (wallMs: number) => void>();
  private nextHandle = 1;
  requested = 0;

  request(cb: (wallMs: number) => void): number {
    this.requested++;
    const handle = this.nextHandle++;
    this.callbacks.set(handle, cb);
    return handle;
  }

  cancel(handle: number): void {
    this.callbacks.delete(handle);
  }

  get pending(): number {
    return this.callbacks.size;
  }

  /** Runs the frame callbacks waiting now (new requests wait for the next fire). */
  fire(wallMs: number): void {
    const due = [...this.callbacks.values()];
    this.callbacks.clear();
    for (const cb of due) cb(wallMs);
  }
}

/** Lets pending promise callbacks run. */
export async function settle(): Promise<void> {
  for (let i = 0; i < 10; i++) await Promise.resolve();
}
