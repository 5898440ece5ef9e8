// Single-server membership changes (Raft thesis 4.1; etcd TestAddNode, TestRemoveNode,
// TestCommitAfterRemoveNode, TestStepConfig...). Changes take effect when applied.
import { describe, expect, it } from 'vitest';
import { Net, diskWithLog } from './harness';

describe('membership changes', () => {
  it('a new node with an empty log and no peers joins, catches up from the log and learns the configuration (thesis 4.1, etcd TestAddNode)', () => {
    const net = new Net(['a', 'b', 'c']);
    net.campaign('a');
    net.propose('a', 'before');
    net.deliver();
    net.addNode('d', []);
    expect(net.status('d')).toMatchObject({ voters: [], lastIndex: 0, term: 0 });
    expect(net.proposeConfChange('a', { type: 'addNode', nodeId: 'd' })).toEqual({ ok: true, index: 6 });
    net.deliver();
    net.tickAll(2);
    for (const id of ['a', 'b', 'c', 'd']) expect(net.status(id).voters).toEqual(['a', 'b', 'c', 'd']);
    expect(net.disks.get('d')!.entries).toEqual(net.disks.get('a')!.entries);
    expect(net.appliedData('d')).toEqual(['before']);
    // Quorum is now 3 of 4: with two nodes down nothing commits.
    net.kill('c');
    net.kill('d');
    net.propose('a', 'stuck');
    net.tickAll(2);
    expect(net.appliedData('a')).toEqual(['before']);
  });

  it('a new node catches up through a snapshot when the leader has compacted its log (thesis 5.3)', () => {
    const net = new Net(['a', 'b', 'c'], { snapshotEvery: 10, raft: { snapshotCatchUpEntries: 2 } });
    net.campaign('a');
    for (let i = 0; i < 12; i++) net.propose('a', `v${i}`);
    net.deliver();
    expect(net.status('a').firstIndex).toBeGreaterThan(1);
    net.addNode('d', []);
    net.proposeConfChange('a', { type: 'addNode', nodeId: 'd' });
    net.deliver();
    net.tickAll(3);
    const snapReady = net.readies.get('d')!.find((rd) => rd.snapshot);
    expect(snapReady).toBeDefined();
    expect(net.status('d')).toMatchObject({ voters: ['a', 'b', 'c', 'd'], commit: net.status('a').commit });
    expect(net.appliedData('d')).toEqual(net.appliedData('a'));
  });

  it('removing a member shrinks the quorum once applied (thesis 4.1, etcd TestRemoveNode / TestCommitAfterRemoveNode)', () => {
    const net = new Net(['a', 'b', 'c', 'd']);
    net.campaign('a');
    net.kill('d');
    expect(net.proposeConfChange('a', { type: 'removeNode', nodeId: 'd' })).toEqual({ ok: true, index: 6 });
    net.deliver();
    for (const id of ['a', 'b', 'c']) expect(net.status(id).voters).toEqual(['a', 'b', 'c']);
    expect(net.status('a').progress).not.toHaveProperty('d');
    net.kill('c'); // 2 of 3 is a quorum now (2 of 4 was not)
    net.propose('a', 'two-of-three');
    net.deliver();
    expect(net.appliedData('a')).toEqual(['two-of-three']);
    expect(net.appliedData('b')).toEqual(['two-of-three']);
  });

  it('a leader that removes itself steps down once the change applies; the rest elect a new leader (etcd stepDownOnRemoval)', () => {
    const net = new Net(['a', 'b', 'c']);
    net.campaign('a');
    net.proposeConfChange('a', { type: 'removeNode', nodeId: 'a' });
    net.deliver();
    expect(net.status('a')).toMatchObject({ role: 'follower', voters: ['b', 'c'] });
    expect(net.propose('a', 'x')).toEqual({ ok: false, error: 'not a member' });
    for (let i = 0; i < 40 && net.leader() === undefined; i++) net.tickAll();
    const leader = net.leader();
    expect(['b', 'c']).toContain(leader);
    expect(net.status(leader!).voters).toEqual(['b', 'c']);
    // The removed node never campaigns again.
    net.tickAll(60);
    expect(net.sentOfType('MsgVote', 'MsgPreVote').filter((m) => m.from === 'a' && m.term > 2)).toEqual([]);
  });

  it('only one change at a time: a second is refused until the first is applied, and only on the leader (thesis 4.1)', () => {
    const net = new Net(['a', 'b', 'c']);
    net.campaign('a');
    net.cut('a', 'b');
    net.cut('a', 'c');
    expect(net.proposeConfChange('a', { type: 'addNode', nodeId: 'd' })).toEqual({ ok: true, index: 5 });
    expect(net.proposeConfChange('a', { type: 'addNode', nodeId: 'e' })).toEqual({
      ok: false, error: 'a membership change is already in progress',
    });
    expect(net.proposeConfChange('b', { type: 'addNode', nodeId: 'e' })).toEqual({ ok: false, error: 'not the leader' });
    net.heal();
    net.tickAll(2);
    expect(net.status('a').voters).toEqual(['a', 'b', 'c', 'd']);
    expect(net.proposeConfChange('a', { type: 'addNode', nodeId: 'e' })).toEqual({ ok: true, index: 6 });
  });

  it('a freshly elected leader accepts a change only after applying every entry it had at election (etcd pendingConfIndex)', () => {
    const net = new Net(['a', 'b', 'c'], {
      disks: { a: diskWithLog([1, 1, 1, 1], 1, 2), b: diskWithLog([1, 1], 1, 2), c: diskWithLog([1, 1], 1, 2) },
    });
    net.dropIf = (m) => m.type === 'MsgApp';
    net.campaign('a');
    expect(net.status('a')).toMatchObject({ role: 'leader', applied: 2, lastIndex: 5 });
    // Entries 3 and 4 might hold a conf change nobody has applied yet.
    expect(net.proposeConfChange('a', { type: 'removeNode', nodeId: 'c' })).toEqual({
      ok: false, error: 'a membership change is already in progress',
    });
    net.dropIf = null;
    net.tickAll(2);
    expect(net.status('a').applied).toBe(5);
    expect(net.proposeConfChange('a', { type: 'removeNode', nodeId: 'c' })).toEqual({ ok: true, index: 6 });
  });
});
