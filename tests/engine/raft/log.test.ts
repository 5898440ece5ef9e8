// Unit tests of the pure pieces: the log (etcd log_test.go), progress/inflights
// (tracker/progress_test.go, inflights_test.go) and majority arithmetic (quorum/quorum_test.go).
import { describe, expect, it } from 'vitest';
import { RaftLog } from '../../../src/engine/raft/log';
import { Inflights } from '../../../src/engine/raft/inflights';
import { Progress } from '../../../src/engine/raft/progress';
import { committedIndex, voteResult } from '../../../src/engine/raft/quorum';
import type { Entry } from '../../../src/engine/raft';

/** Entries from index 1 with the given terms. */
function ents(terms: number[], from = 1): Entry[] {
  return terms.map((term, i) => ({ term, index: from + i, type: 'normal', data: `e${from + i}` }));
}

function logOf(terms: number[]): RaftLog {
  return RaftLog.fromPersisted(null, ents(terms), 0);
}

function terms(log: RaftLog): number[] {
  const out: number[] = [];
  for (let i = log.firstIndex(); i <= log.lastIndex(); i++) out.push(log.term(i)!);
  return out;
}

describe('RaftLog', () => {
  it('findConflict returns the first new or mismatching index (etcd TestFindConflict)', () => {
    const log = logOf([1, 2, 3]);
    expect(log.findConflict([])).toBe(0);
    expect(log.findConflict(ents([1, 2, 3]))).toBe(0);
    expect(log.findConflict(ents([2, 3], 2))).toBe(0);
    expect(log.findConflict(ents([2, 3, 4, 4], 2))).toBe(4);
    expect(log.findConflict(ents([4, 4], 4))).toBe(4);
    expect(log.findConflict(ents([4, 4], 1))).toBe(1);
    expect(log.findConflict(ents([1, 4, 4], 2))).toBe(2);
  });

  it('findConflictByTerm skips entries with larger terms (etcd TestFindConflictByTerm)', () => {
    const log = logOf([2, 2, 5, 5, 5, 5, 7]);
    expect(log.findConflictByTerm(7, 9)).toBe(7);
    expect(log.findConflictByTerm(7, 6)).toBe(6);
    expect(log.findConflictByTerm(7, 4)).toBe(2);
    expect(log.findConflictByTerm(7, 1)).toBe(0);
    expect(log.findConflictByTerm(4, 5)).toBe(4);
  });

  it('maybeAppend keeps matching entries, truncates at the first conflict, never truncates on a duplicate (paper 5.3)', () => {
    const log = logOf([1, 2, 3]);
    expect(log.maybeAppend(3, 2, 0, [])).toBe(-1); // wrong prevTerm
    expect(log.maybeAppend(4, 3, 0, [])).toBe(-1); // beyond the end
    expect(log.maybeAppend(1, 1, 0, ents([2], 2))).toBe(2); // a stale duplicate
    expect(terms(log)).toEqual([1, 2, 3]);
    expect(log.maybeAppend(1, 1, 0, ents([4], 2))).toBe(2); // a conflict at 2 truncates 2..3
    expect(terms(log)).toEqual([1, 4]);
    expect(log.maybeAppend(2, 4, 2, ents([4, 4], 3))).toBe(4);
    expect(terms(log)).toEqual([1, 4, 4, 4]);
    expect(log.committed).toBe(2);
  });

  it('commit only moves forward, only to an index we hold, and conflicts with committed entries throw', () => {
    const log = logOf([1, 1, 2]);
    log.commitTo(2);
    log.commitTo(1);
    expect(log.committed).toBe(2);
    expect(() => log.commitTo(4)).toThrow(/beyond the last index 3/);
    expect(() => log.maybeAppend(1, 1, 0, ents([5], 2))).toThrow(/conflicts with committed/);
    expect(() => log.append(ents([3], 5))).toThrow(/gap after last index 3/);
    expect(log.maybeCommit(3, 1)).toBe(false); // entry 3 is term 2
    expect(log.maybeCommit(3, 2)).toBe(true);
  });

  it('isUpToDate compares last term first, then last index (paper 5.4.1)', () => {
    const log = logOf([1, 2, 2]);
    expect(log.isUpToDate(1, 3)).toBe(true);
    expect(log.isUpToDate(3, 2)).toBe(true);
    expect(log.isUpToDate(2, 2)).toBe(false);
    expect(log.isUpToDate(9, 1)).toBe(false);
  });

  it('compaction keeps the term at the compaction point and refuses to pass the snapshot', () => {
    const log = logOf([1, 1, 2, 2, 3]);
    log.commitTo(5);
    log.stabled = 5;
    expect(() => log.compact(2)).toThrow(/beyond the snapshot at 0/);
    log.snapshot = { meta: { index: 4, term: 2, conf: { voters: [] } }, data: '' };
    log.compact(3);
    expect(log.firstIndex()).toBe(4);
    expect(log.term(3)).toBe(2);
    expect(log.term(2)).toBeUndefined();
    expect(terms(log)).toEqual([2, 3]);
  });
});

describe('Progress and Inflights', () => {
  it('inflights fill, free up to an index, and refuse a full add (etcd TestInflightsFreeTo)', () => {
    const inf = new Inflights(3);
    inf.add(2);
    inf.add(5);
    inf.add(9);
    expect(inf.full()).toBe(true);
    expect(() => inf.add(10)).toThrow(/full/);
    inf.freeLE(5);
    expect(inf.size).toBe(1);
    inf.add(11);
    inf.add(12);
    expect(inf.full()).toBe(true);
    inf.freeLE(100);
    expect(inf.size).toBe(0);
  });

  it('maybeDecrTo ignores stale rejections and uses the hint in probe (etcd TestProgressMaybeDecr)', () => {
    const pr = new Progress(11, 4);
    pr.match = 5;
    pr.becomeReplicate(); // next = 6
    expect(pr.maybeDecrTo(5, 5)).toBe(false); // rejected <= match: stale
    pr.next = 10;
    expect(pr.maybeDecrTo(9, 9)).toBe(true);
    expect(pr.next).toBe(6); // replicate falls back to match + 1
    pr.becomeProbe();
    pr.next = 10;
    expect(pr.maybeDecrTo(8, 3)).toBe(false); // probe: only next-1 is a live rejection
    expect(pr.maybeDecrTo(9, 7)).toBe(true);
    expect(pr.next).toBe(8);
    expect(pr.maybeDecrTo(7, 0)).toBe(true);
    expect(pr.next).toBe(6); // never below match + 1
  });

  it('a probe pauses until acknowledged; replicate pauses only when the window is full', () => {
    const pr = new Progress(1, 2);
    pr.sentEntries(1);
    expect(pr.isPaused()).toBe(true);
    expect(pr.maybeUpdate(1)).toBe(true);
    expect(pr.isPaused()).toBe(false);
    pr.becomeReplicate();
    pr.sentEntries(3);
    expect(pr.isPaused()).toBe(false);
    pr.sentEntries(2);
    expect(pr.isPaused()).toBe(true);
    expect(pr.next).toBe(7);
    pr.inflights.freeLE(4);
    pr.maybeUpdate(4);
    expect(pr.isPaused()).toBe(false);
    pr.becomeSnapshot(20);
    expect(pr.isPaused()).toBe(true);
    pr.becomeProbe();
    expect(pr.next).toBe(21); // probe just past the snapshot
  });
});

describe('quorum', () => {
  it('committedIndex is the largest index a majority holds (etcd quorum data-driven tests)', () => {
    const match: Record<string, number> = { a: 5, b: 3, c: 9, d: 1, e: 4 };
    expect(committedIndex(['a', 'b', 'c'], (id) => match[id])).toBe(5);
    expect(committedIndex(['a', 'b', 'c', 'd'], (id) => match[id])).toBe(3);
    expect(committedIndex(['a', 'b', 'c', 'd', 'e'], (id) => match[id])).toBe(4);
    expect(committedIndex(['c'], (id) => match[id])).toBe(9);
    expect(committedIndex(['a', 'x'], (id) => match[id] ?? 0)).toBe(0);
  });

  it('voteResult is won by a majority, lost once a majority cannot be reached', () => {
    const v = new Map<string, boolean>([['a', true]]);
    expect(voteResult(['a', 'b', 'c'], v)).toBe('pending');
    v.set('b', false);
    expect(voteResult(['a', 'b', 'c'], v)).toBe('pending');
    v.set('c', false);
    expect(voteResult(['a', 'b', 'c'], v)).toBe('lost');
    v.set('c', true);
    expect(voteResult(['a', 'b', 'c'], v)).toBe('won');
    expect(voteResult(['a', 'b', 'c', 'd'], new Map([['a', true], ['b', true]]))).toBe('pending');
  });
});
