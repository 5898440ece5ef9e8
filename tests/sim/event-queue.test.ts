import { describe, expect, it } from 'vitest';
import { Rng } from '../../src/engine/core/prng';
import { EventQueue, type Queued } from '../../src/sim/kernel/event-queue';

interface Ev extends Queued {
  name: string;
}

function ev(timeMs: number, name: string, rank = 0): Ev {
  return { timeMs, rank, seq: 0, name };
}

describe('EventQueue', () => {
  it('pops by time, then by rank (user actions last), then in scheduling order', () => {
    const q = new EventQueue<Ev>();
    q.push(ev(5, 'a'));
    q.push(ev(3, 'b'));
    q.push(ev(5, 'action', 1));
    q.push(ev(5, 'c'));
    q.push(ev(0, 'd'));
    const out: string[] = [];
    for (let e = q.pop(); e; e = q.pop()) out.push(e.name);
    expect(out).toEqual(['d', 'b', 'a', 'c', 'action']);
  });

  it('pops exactly what a naive sorted list would, with pushes and pops interleaved', () => {
    const rng = new Rng(7);
    const q = new EventQueue<Ev>();
    const naive: Ev[] = [];
    const key = (e: Ev): number => e.timeMs * 1e9 + e.rank * 1e8 + e.seq;
    const fromHeap: string[] = [];
    const fromNaive: string[] = [];
    for (let i = 0; i < 5000; i++) {
      if (rng.chance(0.4) && naive.length > 0) {
        fromHeap.push(q.pop()!.name);
        naive.sort((a, b) => key(a) - key(b));
        fromNaive.push(naive.shift()!.name);
      } else {
        naive.push(q.push(ev(rng.int(0, 60), `e${i}`, rng.chance(0.1) ? 1 : 0)));
      }
    }
    expect(fromHeap.length).toBeGreaterThan(1000);
    expect(fromHeap).toEqual(fromNaive);
  });

  it('rejects times that are not whole non-negative milliseconds', () => {
    const q = new EventQueue<Ev>();
    expect(() => q.push(ev(1.5, 'x'))).toThrow(/bad time/);
    expect(() => q.push(ev(-1, 'x'))).toThrow(/bad time/);
  });
});
