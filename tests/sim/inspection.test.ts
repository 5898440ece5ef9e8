// What the inspector reads from the simulator: a node's log from its disk (alive or dead, with
// snapshots and membership entries), a one-line summary of every message in flight, and how a
// message that left the wire ended.
import { describe, expect, it } from 'vitest';
import type { Message } from '../../src/engine/raft/types';
import { RecentLandings } from '../../src/sim/network/landings';
import { summarizeWire } from '../../src/sim/network/wire-summary';
import type { Simulation } from '../../src/sim/kernel/simulation';
import { runSync, scenario } from './helpers';

const msg = (m: Partial<Message> & Pick<Message, 'type'>): Message => ({
  from: 'node-1',
  to: 'node-2',
  term: 3,
  logTerm: 0,
  index: 0,
  entries: [],
  commit: 0,
  reject: false,
  rejectHint: 0,
  ...m,
});

const summary = (m: Partial<Message> & Pick<Message, 'type'>) => summarizeWire({ kind: 'raft', msg: msg(m) });

/** Steps until a message matching `pick` is in flight, and returns it. */
function awaitInflight(sim: Simulation, pick: (label: string) => boolean) {
  for (let i = 0; i < 500; i++) {
    const m = sim.view().inflight.find((x) => pick(x.label) && x.fate === 'inflight');
    if (m) return m;
    sim.stepOnce();
  }
  throw new Error('no such message in flight');
}

describe('node log', () => {
  it('lists the newest entries in plain words, committed up to the commit index on disk', () => {
    const sim = runSync(scenario({ seed: 21 }), 30_000);
    const leader = sim.leader()!;
    sim.act({ type: 'propose', value: 'v1' });
    sim.act({ type: 'propose', value: 'v2' });
    sim.runUntilSync(31_000);
    const log = sim.nodeLog(leader, 12);
    const status = sim.view().nodes.find((n) => n.id === leader)!.status!;
    expect(log.commit).toBe(status.commit);
    expect(log.lastIndex).toBe(status.lastIndex);
    expect(log.entries.at(-1)!.index).toBe(log.lastIndex);
    const texts = log.entries.map((e) => e.text);
    expect(texts).toContain('empty entry of a new leader');
    expect(texts.slice(-2)).toEqual(['put x=v1', 'put x=v2']);
    expect(log.entries.at(-1)).toMatchObject({ origin: 'proposal 2', via: leader });
    for (const e of log.entries) expect(e.committed).toBe(e.index <= log.commit);
    expect(sim.nodeLog(leader, 2).entries.map((e) => e.index)).toEqual([log.lastIndex - 1, log.lastIndex]);
  });

  it('shows entries not yet committed on a leader cut off from its followers', () => {
    const sim = runSync(scenario({ seed: 22 }), 30_000);
    const leader = sim.leader()!;
    sim.act({ type: 'isolate', node: leader });
    sim.act({ type: 'propose', value: 'stuck', node: leader });
    sim.runUntilSync(31_000);
    const log = sim.nodeLog(leader);
    const last = log.entries.at(-1)!;
    expect(last).toMatchObject({ text: 'put x=stuck', kind: 'command', committed: false });
    expect(last.index).toBeGreaterThan(log.commit);
  });

  it('reads a dead node from its disk, with membership entries and the snapshot point', () => {
    const sim = runSync(scenario({ seed: 14, options: { snapshotInterval: 3, snapshotCatchUpEntries: 1, security: 'none' } }), 30_000);
    sim.act({ type: 'addManager' });
    sim.runUntilSync(40_000);
    expect(sim.nodeLog(sim.leader()!).entries.at(-1)).toMatchObject({ kind: 'membership', text: 'add node-4', committed: true });
    for (let i = 0; i < 5; i++) sim.act({ type: 'propose', value: `v${i}` });
    sim.runUntilSync(45_000);
    sim.act({ type: 'kill', node: 'node-4' });
    sim.runUntilSync(46_000);
    expect(sim.view().nodes[3].up).toBe(false);
    const log = sim.nodeLog('node-4');
    expect(log.snapshotIndex).toBeGreaterThan(0);
    expect(log.snapshotTerm).toBeGreaterThan(0);
    expect(log.entries.length).toBeGreaterThan(0);
    expect(log.entries[0].index).toBe(log.snapshotIndex + 1);
    expect(log.entries.at(-1)).toMatchObject({ index: log.lastIndex, text: 'put x=v4', committed: true });
  });
});

describe('message summaries', () => {
  it('says what each kind of Raft message carries', () => {
    const entry = (index: number) => ({ index, term: 3, type: 'normal' as const, data: '' });
    expect(summary({ type: 'MsgApp', index: 4, logTerm: 2, entries: [entry(5)], commit: 4 })).toBe('term 3, prev 4 (term 2), 1 entry (5), commit 4');
    expect(summary({ type: 'MsgApp', index: 4, logTerm: 2, entries: [entry(5), entry(6)], commit: 4 })).toBe(
      'term 3, prev 4 (term 2), 2 entries (5-6), commit 4',
    );
    expect(summary({ type: 'MsgAppResp', index: 6 })).toBe('term 3, accepted up to 6');
    expect(summary({ type: 'MsgAppResp', index: 6, reject: true, rejectHint: 3, logTerm: 2 })).toBe('term 3, rejected at 6, hint 3 (term 2)');
    expect(summary({ type: 'MsgHeartbeat', commit: 7 })).toBe('term 3, commit 7');
    expect(summary({ type: 'MsgVote', index: 9, logTerm: 2 })).toBe('term 3, last entry 9 (term 2)');
    expect(summary({ type: 'MsgPreVote', index: 9, logTerm: 2, context: 'transfer' })).toBe('term 3, last entry 9 (term 2), leadership transfer');
    expect(summary({ type: 'MsgVoteResp' })).toBe('term 3, granted');
    expect(summary({ type: 'MsgPreVoteResp', reject: true })).toBe('term 3, rejected');
    expect(summary({ type: 'MsgProp', term: 0, entries: [{ index: 0, term: 0, type: 'normal', data: 'x' }] })).toBe('1 entry');
    const snapshot = { meta: { index: 100, term: 2, conf: { voters: ['node-1'] } }, data: '' };
    expect(summary({ type: 'MsgSnap', snapshot })).toBe('term 3, snapshot up to 100 (term 2)');
    expect(summary({ type: 'MsgTimeoutNow' })).toBe('term 3');
  });

  it('every message in flight carries its summary', () => {
    const sim = runSync(scenario({ seed: 5, options: { latencyMs: 200, jitterMs: 0 } }), 30_000);
    const m = awaitInflight(sim, (l) => l === 'Heartbeat');
    // Raft runs inside mTLS: the sender's plaintext, then what the wire actually carried.
    expect(m.summary).toMatch(/^term \d+, commit \d+ \(inside \d+ bytes of AES-128-GCM ciphertext\)$/);
    const bare = runSync(scenario({ seed: 5, options: { latencyMs: 200, jitterMs: 0, security: 'none' } }), 30_000);
    expect(awaitInflight(bare, (l) => l === 'Heartbeat').summary).toMatch(/^term \d+, commit \d+$/);
  });
});

describe('landings', () => {
  it('remembers that a message was delivered, and when', () => {
    const sim = runSync(scenario({ seed: 5, options: { latencyMs: 200, jitterMs: 0 } }), 30_000);
    const m = awaitInflight(sim, () => true);
    expect(sim.landing(m.id)).toBeNull();
    sim.runUntilSync(m.recvMs);
    expect(sim.landing(m.id)).toEqual({ atMs: m.recvMs, outcome: 'delivered' });
  });

  it('says a message was dropped when its link was cut or its receiver died on the way', () => {
    const sim = runSync(scenario({ seed: 5, options: { latencyMs: 200, jitterMs: 0 } }), 30_000);
    const a = awaitInflight(sim, () => true);
    sim.act({ type: 'cut', from: a.from, to: a.to, both: false });
    sim.runUntilSync(a.recvMs);
    expect(sim.landing(a.id)).toEqual({ atMs: a.recvMs, outcome: 'cut' });
    sim.act({ type: 'healAll' });
    const b = awaitInflight(sim, () => true);
    sim.act({ type: 'kill', node: b.to });
    sim.runUntilSync(b.recvMs);
    expect(sim.landing(b.id)).toEqual({ atMs: b.recvMs, outcome: 'down' });
  });

  it('keeps only the newest landings', () => {
    const l = new RecentLandings(3);
    for (let id = 1; id <= 5; id++) l.add(id, id * 10, 'delivered');
    expect(l.get(2)).toBeNull();
    expect(l.get(3)).toEqual({ atMs: 30, outcome: 'delivered' });
    expect(l.get(5)).toEqual({ atMs: 50, outcome: 'delivered' });
  });
});
