// The randomized seed sweep: faults and clients with every safety checker on, then a heal and a
// liveness phase. A failing seed's error names it and the command that reproduces it.
import { describe, expect, it } from 'vitest';
import { checkSweepHistory, runSweepSeed } from '../../src/sim/sweep';

const SEEDS = 1000;
const CHUNK = 100;
/** Seeds whose client histories also get the (costlier) linearizability check. */
const LINEARIZABILITY_EVERY = 20;

/**
 * Seeds that once failed, kept as regressions. 466, 1799, 3062, 11176 and 11760: without PreVote a
 * node with a stale log kept knocking the others back to follower, so leadership took more than the
 * liveness bound of the time to settle; the bound now allows ten maximal election timeouts.
 */
const REGRESSIONS = [466, 1799, 3062, 11176, 11760];

describe('seed sweep', () => {
  for (let from = 0; from < SEEDS; from += CHUNK) {
    it(`seeds ${from}..${from + CHUNK - 1} (3 and 5 managers) keep every safety property and recover`, () => {
      let ops = 0;
      for (let seed = from; seed < from + CHUNK; seed++) {
        const result = runSweepSeed(seed);
        expect(result.stats.managers).toBe(seed % 2 === 0 ? 3 : 5);
        if (seed % LINEARIZABILITY_EVERY === 0) checkSweepHistory(result);
        ops += result.history.length;
      }
      expect(ops).toBeGreaterThan(CHUNK * 10);
    });
  }

  it('seeds 0..7 with the whole swarm stack (Raft inside mTLS, clients, faults) keep every property and recover', () => {
    for (let seed = 0; seed < 8; seed++) {
      const result = runSweepSeed(seed, { security: 'mtls' });
      checkSweepHistory(result);
      expect(result.history.length).toBeGreaterThan(10);
    }
  });

  it.each(REGRESSIONS)('regression seed %i', (seed) => {
    const result = runSweepSeed(seed);
    checkSweepHistory(result);
  });

  it('histories use exactly the documented fields for each operation', () => {
    const { history } = runSweepSeed(1);
    const shapes = new Set(history.map((op) => `${op.op}:${Object.keys(op).join(',')}`));
    for (const shape of shapes) {
      expect([
        'put:client,op,key,value,call,return',
        'append:client,op,key,value,call,return',
        'get:client,op,key,output,call,return',
        'cas:client,op,key,expected,value,ok,call,return',
      ]).toContain(shape);
    }
    expect(history.some((op) => op.return === null)).toBe(true);
    expect(history.some((op) => op.return !== null)).toBe(true);
  });

  it('a failure message starts with the seed and ends with how to reproduce it', () => {
    const result = runSweepSeed(4);
    const tampered = { ...result, history: [...result.history, { client: 9, op: 'get' as const, key: 'x', output: 'never-written', call: 1e9, return: 1e9 + 1 }] };
    expect(() => checkSweepHistory(tampered)).toThrow(/^seed 4: the client history is not linearizable on key 'x': [\s\S]*\nreproduce: npm run soak -- --seed 4$/);
  });
});
