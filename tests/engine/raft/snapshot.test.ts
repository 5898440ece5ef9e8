// Snapshots, compaction and InstallSnapshot (Raft paper 7; etcd TestRestoreFromSnapMsg,
// TestRestoreIgnoreSnapshot, TestSendingSnapshotSetPendingSnapshot; swarmkit keeps 500 entries).
import { describe, expect, it } from 'vitest';
import type { Snapshot } from '../../../src/engine/raft';
import { Net, diskWithLog, msg, soloNode, takeReady } from './harness';

function snapAt(index: number, term: number, voters = ['a', 'b', 'c']): Snapshot {
  return { meta: { index, term, conf: { voters } }, data: '[]' };
}

describe('snapshots and compaction', () => {
  it('after a snapshot the log keeps snapshotCatchUpEntries entries behind it (swarmkit LogEntriesForSlowFollowers)', () => {
    const net = new Net(['a', 'b', 'c'], { snapshotEvery: 10, raft: { snapshotCatchUpEntries: 3 } });
    net.campaign('a');
    for (let i = 0; i < 12; i++) net.propose('a', `v${i}`);
    net.deliver();
    const st = net.status('a');
    expect(st.snapshotIndex).toBe(10);
    expect(st.firstIndex).toBe(8);
    expect(st.lastIndex).toBe(16);
    const disk = net.disks.get('a')!;
    expect(disk.snapshot!.meta).toEqual({ index: 10, term: 2, conf: { voters: ['a', 'b', 'c'] } });
    expect(disk.entries[0].index).toBe(8);
    // A follower three entries behind the snapshot is still served from the log.
    net.isolate('c');
    net.propose('a', 'more');
    net.deliver();
    expect(net.status('a').progress!.c.match).toBe(16);
  });

  it('a follower behind the compacted log receives InstallSnapshot, reports it in Ready.snapshot and resumes replication (paper 7)', () => {
    const net = new Net(['a', 'b', 'c'], { snapshotEvery: 10, raft: { snapshotCatchUpEntries: 2 } });
    net.campaign('a');
    net.isolate('c');
    for (let i = 0; i < 25; i++) net.propose('a', `v${i}`);
    net.deliver();
    expect(net.status('a').firstIndex).toBeGreaterThan(net.status('c').lastIndex + 1);
    net.heal();
    net.tickAll(3);
    const snaps = net.sentOfType('MsgSnap');
    expect(snaps).toHaveLength(1);
    expect(snaps[0]).toMatchObject({ from: 'a', to: 'c', term: 2 });
    const rd = net.readies.get('c')!.find((r) => r.snapshot)!;
    expect(rd.snapshot!.meta.index).toBe(snaps[0].snapshot!.meta.index);
    expect(rd.committedEntries).toEqual([]);
    expect(net.appliedData('c')).toEqual(net.appliedData('a'));
    expect(net.status('a').progress!.c).toMatchObject({ state: 'replicate', match: net.status('a').lastIndex });
    net.propose('a', 'after');
    net.deliver();
    expect(net.appliedData('c').at(-1)).toBe('after');
  });

  it('a snapshot at or below the follower\'s commit is ignored; one its log already holds only advances commit (etcd TestRestoreIgnoreSnapshot)', () => {
    const disk = diskWithLog([1, 1, 1, 2, 2, 2], 2, 5);
    const b = soloNode('b', ['a', 'b', 'c'], { checkQuorum: false }, 1, disk);
    b.step(msg('MsgSnap', 'a', 'b', 2, { snapshot: snapAt(4, 2) }));
    let rd = takeReady(b);
    expect(rd.snapshot).toBeUndefined();
    expect(rd.messages).toEqual([msg('MsgAppResp', 'b', 'a', 2, { index: 5 })]);
    b.step(msg('MsgSnap', 'a', 'b', 2, { snapshot: snapAt(6, 2) }));
    rd = takeReady(b);
    expect(rd.snapshot).toBeUndefined();
    expect(rd.hardState).toEqual({ term: 2, vote: '', commit: 6 });
    expect(b.status()).toMatchObject({ lastIndex: 6, commit: 6, snapshotIndex: 0 });
  });

  it('a newer snapshot replaces the whole log and the configuration (paper 7, etcd TestRestoreFromSnapMsg)', () => {
    const b = soloNode('b', ['a', 'b', 'c'], { checkQuorum: false }, 1, diskWithLog([1, 1, 1], 1, 2));
    const snap = snapAt(11, 3, ['a', 'b', 'c', 'd']);
    b.step(msg('MsgSnap', 'a', 'b', 3, { snapshot: snap }));
    const rd = takeReady(b);
    expect(rd.snapshot).toBe(snap);
    expect(rd.hardState).toEqual({ term: 3, vote: '', commit: 11 });
    expect(rd.messages).toEqual([msg('MsgAppResp', 'b', 'a', 3, { index: 11 })]);
    expect(b.status()).toMatchObject({
      firstIndex: 12, lastIndex: 11, lastTerm: 3, commit: 11, applied: 11, snapshotIndex: 11, voters: ['a', 'b', 'c', 'd'], lead: 'a',
    });
  });

  it('a lost MsgSnap is sent again after the follower answers a heartbeat (etcd ReportSnapshot failure path)', () => {
    const net = new Net(['a', 'b', 'c'], { snapshotEvery: 10, raft: { snapshotCatchUpEntries: 0 } });
    net.campaign('a');
    net.isolate('c');
    for (let i = 0; i < 12; i++) net.propose('a', `v${i}`);
    net.deliver();
    net.heal();
    let dropped = 0;
    net.dropIf = (m) => m.type === 'MsgSnap' && dropped++ === 0;
    net.tickAll(4);
    expect(net.sentOfType('MsgSnap')).toHaveLength(2);
    expect(net.appliedData('c')).toEqual(net.appliedData('a'));
  });

  it('createSnapshot and compact refuse impossible requests with clear errors (etcd MemoryStorage ErrSnapOutOfDate, ErrCompacted)', () => {
    const net = new Net(['a', 'b', 'c']);
    net.campaign('a');
    const a = net.node('a');
    expect(() => a.createSnapshot(9, '')).toThrow(/beyond commit 4/);
    const snap = a.createSnapshot(4, 'state');
    expect(snap.meta).toEqual({ index: 4, term: 2, conf: { voters: ['a', 'b', 'c'] } });
    expect(() => a.createSnapshot(3, '')).toThrow(/out of date/);
    expect(() => a.compact(5)).toThrow(/beyond the snapshot at 4/);
    a.compact(4);
    expect(a.status().firstIndex).toBe(5);
  });
});
