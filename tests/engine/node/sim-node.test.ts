// The node wrapper: Raft + key-value store + client replies, driven through step() alone.
import { describe, expect, it } from 'vitest';
import { bootNode, type SimNode } from '../../../src/engine/node/sim-node';
import type { DiskWrite, NodeConfig, NodeEvent, NodeOutput } from '../../../src/engine/node/types';
import { entryDigest, fnv1aHex } from '../../../src/engine/node/entry-digest';
import { SimDisk } from '../../../src/sim/disk/disk';

const ONE: NodeConfig = { id: 'n1', peers: ['n1'], raft: { electionTick: 10, snapshotInterval: 1000 } };

function events(outs: NodeOutput[], type: NodeEvent['type']): NodeEvent[] {
  return outs.flatMap((o) => o.events.filter((e) => e.type === type));
}

/** Ticks until the node leads (a one-node cluster elects itself within 2 x electionTick ticks). */
function tickToLeader(node: SimNode, disk: SimDisk): NodeOutput[] {
  const outs: NodeOutput[] = [];
  for (let i = 0; i < 40 && outs.at(-1)?.status.role !== 'leader'; i++) outs.push(apply(disk, node.step({ kind: 'tick' }, i * 1000)));
  expect(outs.at(-1)?.status.role).toBe('leader');
  return outs;
}

function apply(disk: SimDisk, out: NodeOutput): NodeOutput {
  for (const w of out.diskWrites) disk.apply(w);
  return out;
}

describe('bootNode', () => {
  it('bootstraps a new cluster: conf change entries persisted, applied, membership reported', () => {
    const { output } = bootNode({ config: ONE, disk: null, seed: 1, nowMs: 0 });
    const types = output.diskWrites.map((w) => w.type);
    expect(types).toContain('hardState');
    const append = output.diskWrites.find((w): w is Extract<DiskWrite, { type: 'append' }> => w.type === 'append');
    expect(append?.entries.map((e) => [e.index, e.term, e.type])).toEqual([[1, 1, 'confChange']]);
    expect(events([output], 'applied')).toEqual([
      { type: 'applied', index: 1, term: 1, entryType: 'confChange', digest: entryDigest(append!.entries[0]), summary: 'add n1' },
    ]);
    expect(events([output], 'membershipChanged')).toEqual([{ type: 'membershipChanged', voters: ['n1'] }]);
    expect(output.status).toMatchObject({ id: 'n1', role: 'follower', term: 1, commit: 1, applied: 1, voters: ['n1'] });
  });

  it('reports the founding voters once, not once per bootstrap entry', () => {
    const config: NodeConfig = { id: 'n2', peers: ['n1', 'n2', 'n3'], raft: {} };
    const { output } = bootNode({ config, disk: null, seed: 2, nowMs: 0 });
    expect(events([output], 'applied')).toHaveLength(3);
    expect(events([output], 'membershipChanged')).toEqual([{ type: 'membershipChanged', voters: ['n1', 'n2', 'n3'] }]);
  });

  it('a one-node cluster elects itself and says so in events', () => {
    const disk = new SimDisk();
    const { node, output } = bootNode({ config: ONE, disk: null, seed: 1, nowMs: 0 });
    apply(disk, output);
    const outs = tickToLeader(node, disk);
    const last = outs.at(-1)!;
    expect(events(outs, 'becameLeader')).toEqual([{ type: 'becameLeader', term: 2 }]);
    expect(events(outs, 'voted')).toEqual([{ type: 'voted', term: 2, candidate: 'n1' }]);
    expect(events(outs, 'roleChanged').at(-1)).toEqual({ type: 'roleChanged', role: 'leader', term: 2, lead: 'n1' });
    expect(events(outs, 'applied').at(-1)).toMatchObject({ index: 2, term: 2, summary: 'empty entry of a new leader' });
    expect(last.status).toMatchObject({ role: 'leader', term: 2, lead: 'n1', commit: 2, applied: 2 });
  });
});

describe('client requests', () => {
  it('are answered by the node that took them once applied; gets read the value at apply time', () => {
    const disk = new SimDisk();
    const { node, output } = bootNode({ config: ONE, disk: null, seed: 1, nowMs: 0 });
    apply(disk, output);
    tickToLeader(node, disk);
    const put = node.step({ kind: 'client', clientId: 3, reqId: 1, op: { op: 'put', key: 'x', value: 'a' } }, 50_000);
    expect(events([put], 'clientReply')).toEqual([{ type: 'clientReply', clientId: 3, reqId: 1, ok: true, index: 3 }]);
    expect(events([put], 'applied')[0]).toMatchObject({ index: 3, summary: 'put x=a' });
    const get = node.step({ kind: 'client', clientId: 3, reqId: 2, op: { op: 'get', key: 'x' } }, 50_001);
    expect(events([get], 'clientReply')).toEqual([{ type: 'clientReply', clientId: 3, reqId: 2, ok: true, index: 4, value: 'a' }]);
    const cas = node.step({ kind: 'client', clientId: 3, reqId: 3, op: { op: 'cas', key: 'x', expected: 'b', value: 'c' } }, 50_002);
    expect(events([cas], 'clientReply')).toEqual([{ type: 'clientReply', clientId: 3, reqId: 3, ok: true, index: 5, casOk: false }]);
    expect(events([cas], 'applied')[0]).toMatchObject({ summary: 'cas x b->c (no match)' });
  });

  it('are refused at once when no leader is known, before anything is proposed', () => {
    const three: NodeConfig = { id: 'n1', peers: ['n1', 'n2', 'n3'], raft: {} };
    const { node } = bootNode({ config: three, disk: null, seed: 1, nowMs: 0 });
    const out = node.step({ kind: 'client', clientId: 0, reqId: 7, op: { op: 'put', key: 'x', value: 'v' } }, 10);
    expect(events([out], 'clientReply')).toEqual([{ type: 'clientReply', clientId: 0, reqId: 7, ok: false, error: 'no leader' }]);
    expect(out.diskWrites).toEqual([]);
  });
});

describe('messages', () => {
  it('a candidate asks every peer for a vote, labelled and sized for drawing', () => {
    const three: NodeConfig = { id: 'n1', peers: ['n1', 'n2', 'n3'], raft: {} };
    const { node } = bootNode({ config: three, disk: null, seed: 5, nowMs: 0 });
    let out: NodeOutput | undefined;
    for (let i = 0; i < 25 && !out?.sends.length; i++) out = node.step({ kind: 'tick' }, i * 1000);
    expect(out!.status.role).toBe('candidate');
    expect(out!.sends.map((s) => [s.to, s.label])).toEqual([
      ['n2', 'RequestVote'],
      ['n3', 'RequestVote'],
    ]);
    for (const s of out!.sends) {
      expect(s.wire.kind).toBe('raft');
      expect(s.size).toBeGreaterThanOrEqual(40);
    }
    // The vote for itself is durable before the requests leave.
    expect(out!.diskWrites[0]).toEqual({ type: 'hardState', hardState: { term: 2, vote: 'n1', commit: 3 } });
  });
});

describe('snapshots and restart', () => {
  const SNAP: NodeConfig = { id: 'n1', peers: ['n1'], raft: { snapshotInterval: 4, snapshotCatchUpEntries: 2 } };

  function leaderWithWrites(count: number): { node: SimNode; disk: SimDisk; outs: NodeOutput[] } {
    const disk = new SimDisk();
    const { node, output } = bootNode({ config: SNAP, disk: null, seed: 2, nowMs: 0 });
    apply(disk, output);
    const outs = tickToLeader(node, disk);
    for (let i = 1; i <= count; i++) {
      outs.push(apply(disk, node.step({ kind: 'client', clientId: 1, reqId: i, op: { op: 'append', key: 'k', value: `${i}` } }, 60_000 + i)));
    }
    return { node, disk, outs };
  }

  it('snapshots every snapshotInterval applied entries and compacts, keeping catch-up entries', () => {
    const { disk, outs } = leaderWithWrites(4);
    // Entries: 1 conf, 2 empty, 3..6 appends: a snapshot at 4 (interval 4 from 0), compaction to 2.
    expect(events(outs, 'snapshotTaken')).toEqual([{ type: 'snapshotTaken', index: 4 }]);
    const writes = outs.flatMap((o) => o.diskWrites).filter((w) => w.type === 'snapshot' || w.type === 'compact');
    expect(writes.map((w) => (w.type === 'compact' ? ['compact', w.index] : ['snapshot', w.type === 'snapshot' && w.snapshot.meta.index]))).toEqual([
      ['snapshot', 4],
      ['compact', 2],
    ]);
    expect(disk.snapshot?.data).toBe('[["k","12"]]');
    expect(disk.snapshotIndex).toBe(4);
    expect(disk.lastIndex).toBe(6);
  });

  it('a restarted node rebuilds its store from the snapshot and replays the rest of the log', () => {
    const { disk } = leaderWithWrites(4);
    const { node, output } = bootNode({ config: SNAP, disk: disk.image(), seed: 3, nowMs: 100_000 });
    const applied = events([output], 'applied').map((e) => (e.type === 'applied' ? e.index : 0));
    expect(applied).toEqual([5, 6]);
    expect(output.status).toMatchObject({ term: 2, commit: 6, applied: 6, snapshotIndex: 4, role: 'follower' });
    apply(disk, output);
    tickToLeader(node, disk);
    const get = node.step({ kind: 'client', clientId: 1, reqId: 99, op: { op: 'get', key: 'k' } }, 200_000);
    expect(events([get], 'clientReply')[0]).toMatchObject({ ok: true, value: '1234' });
  });
});

describe('entry digests', () => {
  it('FNV-1a matches the published test vectors', () => {
    expect(fnv1aHex('')).toBe('811c9dc5');
    expect(fnv1aHex('a')).toBe('e40c292c');
    expect(fnv1aHex('foobar')).toBe('bf9cf968');
  });

  it('depend on term, type and data but not on where the entry sits', () => {
    const e = { term: 2, index: 5, type: 'normal' as const, data: 'x' };
    expect(entryDigest(e)).toBe(entryDigest({ ...e, index: 9 }));
    expect(entryDigest(e)).not.toBe(entryDigest({ ...e, term: 3 }));
    expect(entryDigest(e)).not.toBe(entryDigest({ ...e, data: 'y' }));
  });
});
