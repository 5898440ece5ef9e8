// Each safety checker is shown a hand-made run that breaks its property (it must object) and one
// that keeps it (it must not), so none of them can pass by never firing.
import { describe, expect, it } from 'vitest';
import type { Entry, NodeEvent, Snapshot } from '../../src/engine/index';
import { entryDigest } from '../../src/engine/index';
import { ElectionSafety } from '../../src/sim/checkers/election-safety';
import { LeaderAppendOnly } from '../../src/sim/checkers/leader-append-only';
import { LeaderCompleteness } from '../../src/sim/checkers/leader-completeness';
import { LogMatching } from '../../src/sim/checkers/log-matching';
import { StateMachineSafety } from '../../src/sim/checkers/state-machine-safety';
import { SafetyCheckers } from '../../src/sim/checkers/suite';
import { SimDisk } from '../../src/sim/disk/disk';

const e = (index: number, term: number, data = `d${index}`): Entry => ({ index, term, type: 'normal', data });
const applied = (x: Entry): NodeEvent => ({ type: 'applied', index: x.index, term: x.term, entryType: x.type, digest: entryDigest(x), summary: '' });
const leader = (term: number): NodeEvent => ({ type: 'becameLeader', term });

function diskWith(...entries: Entry[]): SimDisk {
  const d = new SimDisk();
  if (entries.length) d.apply({ type: 'append', entries });
  return d;
}

describe('Election Safety (at most one leader per term, over the whole run)', () => {
  it('objects to a second leader in one term', () => {
    const c = new ElectionSafety();
    expect(c.onEvent('a', leader(3))).toBeNull();
    expect(c.onEvent('b', leader(4))).toBeNull();
    expect(c.onEvent('b', leader(3))).toBe('b became leader in term 3, but a was already leader in that term');
  });

  it('accepts one leader per term, and the same leader reported again', () => {
    const c = new ElectionSafety();
    expect(c.onEvent('a', leader(1))).toBeNull();
    expect(c.onEvent('a', leader(1))).toBeNull();
    expect(c.onEvent('b', leader(2))).toBeNull();
    expect(c.leaderOf(2)).toBe('b');
  });
});

describe('Leader Append-Only (a leader never overwrites or deletes its entries)', () => {
  it('objects when a leader writes over its own log', () => {
    const disk = diskWith(e(1, 1), e(2, 2), e(3, 2));
    const w = { type: 'append' as const, entries: [e(3, 3)] };
    expect(new LeaderAppendOnly().beforeWrite('a', 'leader', disk, w)).toBe('leader a wrote entries from index 3 over its log ending at 3');
  });

  it('objects when a leader installs a snapshot its log does not contain', () => {
    const disk = diskWith(e(1, 1), e(2, 2));
    const snap: Snapshot = { meta: { index: 2, term: 5, conf: { voters: ['a'] } }, data: '' };
    expect(new LeaderAppendOnly().beforeWrite('a', 'leader', disk, { type: 'snapshot', snapshot: snap })).toMatch(/does not contain/);
  });

  it('accepts a leader appending at the end, its own snapshots, and followers truncating', () => {
    const c = new LeaderAppendOnly();
    const disk = diskWith(e(1, 1), e(2, 2));
    expect(c.beforeWrite('a', 'leader', disk, { type: 'append', entries: [e(3, 2)] })).toBeNull();
    const own: Snapshot = { meta: { index: 2, term: 2, conf: { voters: ['a'] } }, data: '' };
    expect(c.beforeWrite('a', 'leader', disk, { type: 'snapshot', snapshot: own })).toBeNull();
    expect(c.beforeWrite('a', 'follower', disk, { type: 'append', entries: [e(2, 3)] })).toBeNull();
  });
});

describe('Log Matching (same index and term means same entry and same history), across time', () => {
  function persist(c: LogMatching, node: string, disk: SimDisk, entries: Entry[]): string | null {
    const w = { type: 'append' as const, entries };
    disk.apply(w);
    return c.afterWrite(node, disk, w);
  }

  it('objects to two different entries with the same index and term', () => {
    const c = new LogMatching();
    expect(persist(c, 'a', new SimDisk(), [e(1, 1, 'x'), e(2, 1, 'y')])).toBeNull();
    expect(persist(c, 'b', new SimDisk(), [e(1, 1, 'x'), e(2, 1, 'z')])).toMatch(/^b holds entry 2 term 1 with digest \w+, but a held \w+ there$/);
  });

  it('objects when the entries before a matching entry differ', () => {
    const c = new LogMatching();
    expect(persist(c, 'a', new SimDisk(), [e(1, 1), e(2, 2, 'same')])).toBeNull();
    expect(persist(c, 'b', new SimDisk(), [e(1, 2), e(2, 2, 'same')])).toBe(
      'b holds entry 2 term 2 after an entry of term 2, but a had term 1 before it',
    );
  });

  it('remembers entries that were since overwritten', () => {
    const c = new LogMatching();
    const a = new SimDisk();
    expect(persist(c, 'a', a, [e(1, 1), e(2, 1, 'old')])).toBeNull();
    expect(persist(c, 'a', a, [e(2, 2, 'new')])).toBeNull();
    expect(a.entry(2)?.data).toBe('new');
    expect(persist(c, 'b', new SimDisk(), [e(1, 1), e(2, 1, 'other')])).toMatch(/but a held/);
  });

  it('accepts identical prefixes on different nodes and a leader overwriting a follower suffix', () => {
    const c = new LogMatching();
    const b = new SimDisk();
    expect(persist(c, 'a', new SimDisk(), [e(1, 1), e(2, 1), e(3, 2)])).toBeNull();
    expect(persist(c, 'b', b, [e(1, 1), e(2, 1), e(3, 3)])).toBeNull();
    expect(persist(c, 'b', b, [e(3, 2), e(4, 2)])).toBeNull();
  });
});

describe('Leader Completeness (committed entries are in every later leader log)', () => {
  it('objects to a leader missing a committed entry', () => {
    const c = new LeaderCompleteness();
    const x = e(2, 1, 'committed');
    expect(c.onEvent('a', applied(e(1, 1)), diskWith(e(1, 1), x))).toBeNull();
    expect(c.onEvent('a', applied(x), diskWith(e(1, 1), x))).toBeNull();
    expect(c.onEvent('b', leader(2), diskWith(e(1, 1)))).toBe('b became leader in term 2 without committed entry 2 (its log ends at 1)');
  });

  it('objects to a leader holding a different entry where one was committed', () => {
    const c = new LeaderCompleteness();
    c.onEvent('a', applied(e(1, 1, 'x')), diskWith(e(1, 1, 'x')));
    expect(c.onEvent('b', leader(2), diskWith(e(1, 2, 'y')))).toMatch(/entry 1 of term 2, but the committed entry there has term 1/);
    expect(c.onEvent('b', leader(2), diskWith(e(1, 1, 'y')))).toMatch(/digest/);
  });

  it('accepts a leader whose log or snapshot covers everything committed', () => {
    const c = new LeaderCompleteness();
    c.onEvent('a', applied(e(1, 1)), diskWith(e(1, 1)));
    c.onEvent('a', applied(e(2, 1)), diskWith(e(1, 1), e(2, 1)));
    expect(c.onEvent('b', leader(2), diskWith(e(1, 1), e(2, 1), e(3, 2)))).toBeNull();
    const snapped = diskWith(e(1, 1), e(2, 1), e(3, 2));
    snapped.apply({ type: 'snapshot', snapshot: { meta: { index: 2, term: 1, conf: { voters: ['b'] } }, data: '' } });
    expect(c.onEvent('b', leader(3), snapped)).toBeNull();
  });
});

describe('State Machine Safety (no two nodes apply different entries at one index)', () => {
  it('objects to a different entry applied at an index', () => {
    const c = new StateMachineSafety();
    expect(c.onEvent('a', applied(e(5, 2, 'x')))).toBeNull();
    expect(c.onEvent('b', applied(e(5, 2, 'y')))).toMatch(/^b applied entry 5 \(term 2, digest \w+\) but a applied term 2, digest \w+ there$/);
  });

  it('objects even when the same node re-applies something else after a restart', () => {
    const c = new StateMachineSafety();
    c.onEvent('a', applied(e(5, 2, 'x')));
    expect(c.onEvent('a', applied(e(5, 3, 'x')))).toMatch(/a applied entry 5/);
  });

  it('accepts the same entry applied everywhere, again and again', () => {
    const c = new StateMachineSafety();
    for (const node of ['a', 'b', 'c', 'a']) expect(c.onEvent(node, applied(e(5, 2, 'x')))).toBeNull();
  });
});

describe('SafetyCheckers', () => {
  it('reports which checker found what', () => {
    const s = new SafetyCheckers();
    const disk = diskWith(e(1, 1));
    expect(s.onEvent('a', leader(1), disk)).toBeNull();
    expect(s.onEvent('b', leader(1), disk)).toEqual({ checker: 'electionSafety', detail: 'b became leader in term 1, but a was already leader in that term' });
    expect(s.beforeWrite('a', 'leader', disk, { type: 'append', entries: [e(1, 2)] })?.checker).toBe('leaderAppendOnly');
  });
});
