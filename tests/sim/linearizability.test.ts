import { describe, expect, it } from 'vitest';
import { Rng } from '../../src/engine/core/prng';
import { checkLinearizable, stepRegister } from '../../src/sim/checkers/linearizability';
import type { HistoryOp } from '../../src/sim/clients/history';

const put = (client: number, key: string, value: string, call: number, ret: number | null): HistoryOp => ({ client, op: 'put', key, value, call, return: ret });
const append = (client: number, key: string, value: string, call: number, ret: number | null): HistoryOp => ({ client, op: 'append', key, value, call, return: ret });
const get = (client: number, key: string, output: string, call: number, ret: number): HistoryOp => ({ client, op: 'get', key, output, call, return: ret });
const cas = (client: number, key: string, expected: string, value: string, ok: boolean, call: number, ret: number | null): HistoryOp => ({
  client, op: 'cas', key, expected, value, ok, call, return: ret,
});

describe('checkLinearizable on hand-made histories', () => {
  it('accepts a sequential history', () => {
    const h = [put(1, 'x', 'a', 0, 10), get(2, 'x', 'a', 20, 30), append(1, 'x', 'b', 40, 50), get(2, 'x', 'ab', 60, 70)];
    expect(checkLinearizable(h)).toEqual({ ok: true, keys: 1, ops: 4 });
  });

  it('accepts reads that overlap a write seeing either value', () => {
    const h = [put(1, 'x', 'a', 0, 10), put(1, 'x', 'b', 20, 100), get(2, 'x', 'a', 30, 40), get(3, 'x', 'b', 50, 60), get(2, 'x', 'b', 70, 80)];
    expect(checkLinearizable(h).ok).toBe(true);
  });

  it('rejects a stale read after a newer write completed', () => {
    const h = [put(1, 'x', 'a', 0, 10), put(1, 'x', 'b', 20, 30), get(2, 'x', 'a', 40, 50)];
    const r = checkLinearizable(h);
    expect(r.ok).toBe(false);
    if (r.ok === false) expect(r.key).toBe('x');
  });

  it('rejects a read going back in time between two reads', () => {
    const h = [put(1, 'x', 'a', 0, 100), get(2, 'x', 'a', 10, 20), get(3, 'x', '', 30, 40)];
    expect(checkLinearizable(h).ok).toBe(false);
  });

  it('treats an unknown outcome as maybe-happened, at any time after its call', () => {
    const h = [put(1, 'x', 'a', 0, null), get(2, 'x', '', 10, 20), get(2, 'x', 'a', 500, 510), get(3, 'x', 'a', 600, 610)];
    expect(checkLinearizable(h).ok).toBe(true);
    expect(checkLinearizable([put(1, 'x', 'a', 0, null), get(2, 'x', '', 10, 20)]).ok).toBe(true);
    expect(checkLinearizable([put(1, 'x', 'a', 0, null), get(2, 'x', 'a', 10, 20), get(2, 'x', '', 30, 40)]).ok).toBe(false);
    // Never before its call.
    expect(checkLinearizable([get(2, 'x', 'a', 0, 5), put(1, 'x', 'a', 10, null)]).ok).toBe(false);
  });

  it('follows cas semantics: ok only if the value matched, no effect otherwise', () => {
    expect(checkLinearizable([put(1, 'x', 'a', 0, 10), cas(2, 'x', 'a', 'b', true, 20, 30), get(1, 'x', 'b', 40, 50)]).ok).toBe(true);
    expect(checkLinearizable([put(1, 'x', 'a', 0, 10), cas(2, 'x', 'z', 'b', true, 20, 30)]).ok).toBe(false);
    expect(checkLinearizable([put(1, 'x', 'a', 0, 10), cas(2, 'x', 'a', 'b', false, 20, 30)]).ok).toBe(false);
    expect(checkLinearizable([cas(2, 'x', 'q', 'b', false, 20, 30), get(1, 'x', '', 40, 50)]).ok).toBe(true);
  });

  it('checks each key on its own', () => {
    const h = [put(1, 'x', 'a', 0, 10), put(1, 'y', 'b', 0, 10), get(2, 'y', 'b', 20, 30), get(2, 'x', 'b', 20, 30)];
    const r = checkLinearizable(h);
    expect(r.ok).toBe(false);
    if (r.ok === false) expect(r.key).toBe('x');
  });

  it('rejects an operation that returns before it is called', () => {
    expect(checkLinearizable([put(1, 'x', 'a', 10, 5)]).ok).toBe(false);
  });

  it('gives up with "unknown" past its step limit', () => {
    const h: HistoryOp[] = [];
    for (let i = 0; i < 30; i++) h.push(append(i, 'x', `${i}`, 0, 1000));
    h.push(get(99, 'x', 'impossible', 2000, 2001));
    expect(checkLinearizable(h, 1000).ok).toBe('unknown');
  });
});

/** Tries every order of the operations that respects real time: the definition, slowly. */
function bruteForce(ops: HistoryOp[]): boolean {
  const known = ops.filter((o) => o.return !== null);
  const n = ops.length;
  const used = new Array<boolean>(n).fill(false);
  const search = (value: string, placedKnown: number, placed: number[]): boolean => {
    if (placedKnown === known.length) return true;
    for (let i = 0; i < n; i++) {
      if (used[i]) continue;
      // i may go next only if no unplaced op returned before i was called.
      const blocked = ops.some((o, j) => !used[j] && j !== i && o.return !== null && o.return < ops[i].call);
      if (blocked) continue;
      const next = stepRegister(value, ops[i]);
      if (next === null) continue;
      used[i] = true;
      const ok = search(next, placedKnown + (ops[i].return !== null ? 1 : 0), [...placed, i]);
      used[i] = false;
      if (ok) return true;
    }
    return false;
  };
  return search('', 0, []);
}

function randomHistory(rng: Rng): HistoryOp[] {
  const ops: HistoryOp[] = [];
  const values = ['a', 'b', ''];
  for (let i = 0; i < rng.int(1, 7); i++) {
    const call = rng.int(0, 40);
    const ret = rng.chance(0.15) ? null : call + rng.int(0, 20);
    const roll = rng.int(0, 4);
    if (roll === 0) ops.push(put(i, 'x', rng.pick(['a', 'b']), call, ret));
    else if (roll === 1) ops.push(append(i, 'x', rng.pick(['a', 'b']), call, ret));
    else if (roll === 2 && ret !== null) ops.push(get(i, 'x', rng.pick([...values, 'ab', 'ba', 'aa']), call, ret));
    else ops.push(cas(i, 'x', rng.pick(values), rng.pick(['a', 'b']), rng.chance(0.5), call, ret));
  }
  return ops;
}

describe('checkLinearizable agrees with brute force', () => {
  it('on 3000 random small histories, linearizable and not', () => {
    const rng = new Rng(2024);
    let yes = 0;
    let no = 0;
    for (let i = 0; i < 3000; i++) {
      const h = randomHistory(rng);
      const expected = bruteForce(h);
      const got = checkLinearizable(h).ok === true;
      if (got !== expected) expect({ history: h, expected }).toBe('the same verdict');
      if (expected) yes++;
      else no++;
    }
    expect(yes).toBeGreaterThan(300);
    expect(no).toBeGreaterThan(300);
  });
});
