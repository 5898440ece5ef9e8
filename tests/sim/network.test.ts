import { describe, expect, it } from 'vitest';
import { Rng } from '../../src/engine/core/prng';
import type { Message } from '../../src/engine/raft/types';
import { Network } from '../../src/sim/network/network';

function net(settings = { latencyMs: 5, jitterMs: 2, loss: 0 }, seed = 1): Network {
  const n = new Network(new Rng(seed), settings);
  for (const id of ['a', 'b', 'c']) n.addNode(id);
  return n;
}

describe('Network', () => {
  it('has a directed link for every ordered pair, with the defaults', () => {
    const n = net();
    expect(n.allLinks().map((l) => `${l.from}>${l.to}`)).toEqual(['a>b', 'a>c', 'b>a', 'b>c', 'c>a', 'c>b']);
    expect(n.link('a', 'b')).toMatchObject({ latencyMs: 5, jitterMs: 2, loss: 0, cut: false });
  });

  it('delays by latency +/- jitter, never below 1 ms', () => {
    const n = net({ latencyMs: 5, jitterMs: 2, loss: 0 });
    const delays = new Set<number>();
    for (let i = 0; i < 400; i++) {
      // Forget the previous receive time so FIFO ordering does not stretch the delay.
      n.link('b', 'c').lastRecvMs = 0;
      delays.add(n.send('b', 'c', 'X', 10, 1000).recvMs - 1000);
    }
    expect([...delays].sort()).toEqual([3, 4, 5, 6, 7]);
    const fast = net({ latencyMs: 0, jitterMs: 3, loss: 0 });
    for (let i = 0; i < 50; i++) {
      fast.link('a', 'b').lastRecvMs = 0;
      expect(fast.send('a', 'b', 'X', 1, 10).recvMs).toBeGreaterThanOrEqual(11);
    }
    expect(fast.minDelayMs()).toBe(1);
    expect(net().minDelayMs()).toBe(3);
  });

  it('is FIFO per link: a later send never arrives before an earlier one', () => {
    const n = net({ latencyMs: 20, jitterMs: 15, loss: 0 });
    let last = 0;
    for (let t = 0; t < 200; t++) {
      const { recvMs } = n.send('a', 'b', 'X', 1, t);
      expect(recvMs).toBeGreaterThanOrEqual(last);
      last = recvMs;
    }
  });

  it('drops at once on a cut link, and at arrival if the link was cut in flight', () => {
    const n = net();
    n.setCut('a', 'b', true);
    expect(n.send('a', 'b', 'X', 1, 0)).toMatchObject({ fate: 'cut', recvMs: 0 });
    expect(n.send('b', 'a', 'X', 1, 0).fate).toBe('sent'); // one direction only
    n.setCut('a', 'b', false);
    const m = n.send('a', 'b', 'X', 1, 0);
    expect(n.inflight(0).map((x) => x.id)).toContain(m.id);
    n.setCut('a', 'b', true);
    expect(n.arrive(m.id)).toBe('cut');
    expect(n.inflight(0).map((x) => x.id)).not.toContain(m.id);
  });

  it('isolate cuts every link of a node both ways; healAll restores them', () => {
    const n = net();
    n.isolate('c');
    expect(n.allLinks().filter((l) => l.cut).map((l) => `${l.from}>${l.to}`)).toEqual(['a>c', 'b>c', 'c>a', 'c>b']);
    n.healAll();
    expect(n.allLinks().some((l) => l.cut)).toBe(false);
  });

  it('loses about the configured ratio, and shows lost messages until they would have arrived', () => {
    const n = net({ latencyMs: 5, jitterMs: 0, loss: 0.25 });
    let lost = 0;
    for (let i = 0; i < 4000; i++) if (n.send('a', 'b', 'X', 1, 0).fate === 'lost') lost++;
    expect(lost / 4000).toBeGreaterThan(0.22);
    expect(lost / 4000).toBeLessThan(0.28);
    const n2 = net({ latencyMs: 5, jitterMs: 0, loss: 1 });
    const timeoutNow: Message = { type: 'MsgTimeoutNow', from: 'a', to: 'b', term: 1, logTerm: 0, index: 0, entries: [], commit: 0, reject: false, rejectHint: 0 };
    const lostMsg = n2.send('a', 'b', 'X', 1, 100, { kind: 'raft', msg: timeoutNow });
    expect(n2.inflight(104)).toEqual([
      { id: lostMsg.id, from: 'a', to: 'b', label: 'X', size: 1, summary: 'term 1', sendMs: 100, recvMs: 105, fate: 'lost' },
    ]);
    expect(n2.inflight(105)).toEqual([]);
  });

  it('the same seed draws the same delays and losses; another seed does not', () => {
    const draws = (seed: number): string => {
      const n = net({ latencyMs: 10, jitterMs: 9, loss: 0.3 }, seed);
      return Array.from({ length: 50 }, (_, i) => {
        const r = n.send('a', 'c', 'X', 1, i * 100);
        return `${r.fate}@${r.recvMs}`;
      }).join(',');
    };
    expect(draws(9)).toBe(draws(9));
    expect(draws(9)).not.toBe(draws(10));
  });

  it('latency and loss changes apply to every link', () => {
    const n = net();
    n.setLatency(100, 10);
    n.setLoss(0.5);
    expect(n.allLinks().every((l) => l.latencyMs === 100 && l.jitterMs === 10 && l.loss === 0.5)).toBe(true);
    expect(n.minDelayMs()).toBe(90);
  });
});
