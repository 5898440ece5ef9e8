import { describe, expect, it } from 'vitest';
import type { Entry, Snapshot } from '../../src/engine/raft/types';
import { SimDisk } from '../../src/sim/disk/disk';

const e = (index: number, term: number, data = `d${index}`): Entry => ({ index, term, type: 'normal', data });
const snap = (index: number, term: number, data = 'S'): Snapshot => ({ meta: { index, term, conf: { voters: ['a'] } }, data });

describe('SimDisk', () => {
  it('appends, and an append at i replaces i and everything after it', () => {
    const d = new SimDisk();
    d.apply({ type: 'append', entries: [e(1, 1), e(2, 1), e(3, 1)] });
    d.apply({ type: 'append', entries: [e(2, 2), e(3, 2)] });
    expect(d.entries.map((x) => `${x.index}/${x.term}`)).toEqual(['1/1', '2/2', '3/2']);
    d.apply({ type: 'append', entries: [e(2, 3)] });
    expect(d.lastIndex).toBe(2);
    expect(() => d.apply({ type: 'append', entries: [e(5, 3)] })).toThrow(/gap/);
  });

  it('keeps the hard state and counts writes and bytes', () => {
    const d = new SimDisk();
    expect(d.blank).toBe(true);
    d.apply({ type: 'hardState', hardState: { term: 3, vote: 'b', commit: 0 } });
    d.apply({ type: 'append', entries: [e(1, 3, 'abcd')] });
    expect(d.blank).toBe(false);
    expect(d.hardState).toEqual({ term: 3, vote: 'b', commit: 0 });
    expect(d.counters).toEqual({ writes: 2, bytes: 24 + 16 + 4 });
  });

  it('a snapshot that agrees with the log drops only what it covers', () => {
    const d = new SimDisk();
    d.apply({ type: 'append', entries: [e(1, 1), e(2, 1), e(3, 2), e(4, 2)] });
    d.apply({ type: 'snapshot', snapshot: snap(3, 2) });
    expect(d.snapshotIndex).toBe(3);
    expect(d.term(3)).toBe(2);
    expect(d.entries.map((x) => x.index)).toEqual([4]);
    expect(d.entry(3)).toBeUndefined();
    // An append reaching back under the snapshot only keeps what lies above it.
    d.apply({ type: 'append', entries: [e(3, 2), e(4, 2), e(5, 2)] });
    expect(d.entries.map((x) => x.index)).toEqual([4, 5]);
  });

  it('a snapshot that disagrees with the log replaces all of it', () => {
    const d = new SimDisk();
    d.apply({ type: 'append', entries: [e(1, 1), e(2, 1), e(3, 1)] });
    d.apply({ type: 'snapshot', snapshot: snap(2, 5) });
    expect(d.entries).toEqual([]);
    expect(d.lastIndex).toBe(2);
    expect(() => d.apply({ type: 'snapshot', snapshot: snap(1, 1) })).toThrow(/older/);
  });

  it('compaction never goes past the snapshot', () => {
    const d = new SimDisk();
    d.apply({ type: 'append', entries: [e(1, 1), e(2, 1)] });
    d.apply({ type: 'snapshot', snapshot: snap(2, 1) });
    d.apply({ type: 'compact', index: 1 });
    expect(() => d.apply({ type: 'compact', index: 3 })).toThrow(/beyond the snapshot/);
  });

  it('an image is a copy: later writes do not change it', () => {
    const d = new SimDisk();
    d.apply({ type: 'hardState', hardState: { term: 1, vote: '', commit: 1 } });
    d.apply({ type: 'append', entries: [e(1, 1)] });
    const img = d.image();
    d.apply({ type: 'append', entries: [e(2, 1)] });
    d.apply({ type: 'hardState', hardState: { term: 2, vote: 'a', commit: 2 } });
    expect(img.entries.map((x) => x.index)).toEqual([1]);
    expect(img.hardState).toEqual({ term: 1, vote: '', commit: 1 });
    expect(img.snapshot).toBeNull();
  });
});
