// Restart from persisted state (Raft paper Figure 2 "persistent state on all servers", 5.1;
// etcd TestRawNodeRestart, TestRawNodeRestartFromSnapshot).
import { describe, expect, it } from 'vitest';
import { Rng } from '../../../src/engine/core/prng';
import { RawNode } from '../../../src/engine/raft';
import type { PersistedState } from '../../../src/engine/raft';
import { Net, diskWithLog, msg, testConfig } from './harness';

describe('restart', () => {
  it('a restarted node keeps its term, vote and log and starts as a follower (paper Figure 2, etcd TestRawNodeRestart)', () => {
    const net = new Net(['a', 'b', 'c']);
    net.campaign('a');
    net.propose('a', 'x');
    net.deliver();
    const before = net.status('a');
    net.kill('a');
    net.restart('a');
    expect(net.status('a')).toMatchObject({
      role: 'follower', lead: '', term: before.term, vote: 'a', lastIndex: before.lastIndex, commit: before.commit,
    });
    expect(net.appliedData('a')).toEqual(['x']); // replayed from the log
  });

  it('the commit index is what was persisted, not what the node knew in memory (paper 5.1)', () => {
    const net = new Net(['a', 'b', 'c']);
    net.campaign('a');
    net.cut('a', 'c');
    net.propose('a', 'x');
    net.deliver();
    expect(net.status('c')).toMatchObject({ commit: 4, lastIndex: 4 });
    // c learns of entry 5 and commit 5 from an append, but dies before persisting that Ready.
    net.node('c').step(msg('MsgApp', 'a', 'c', 2, {
      index: 4, logTerm: 2, entries: [{ term: 2, index: 5, type: 'normal', data: 'x' }], commit: 5,
    }));
    expect(net.node('c').status().commit).toBe(5);
    net.kill('c');
    net.restart('c');
    expect(net.status('c')).toMatchObject({ commit: 4, lastIndex: 4, applied: 4 });
    expect(net.appliedData('c')).toEqual([]);
  });

  it('replays committed entries from snapshot index + 1 up to the persisted commit, no further (etcd TestRawNodeRestartFromSnapshot)', () => {
    const disk: PersistedState = {
      hardState: { term: 3, vote: 'b', commit: 7 },
      snapshot: { meta: { index: 5, term: 2, conf: { voters: ['a', 'b', 'c'] } }, data: 'kv@5' },
      entries: [6, 7, 8, 9].map((index) => ({ term: 3, index, type: 'normal' as const, data: `e${index}` })),
    };
    const node = new RawNode(testConfig('b', ['ignored']), new Rng(3), disk);
    expect(node.status()).toMatchObject({ firstIndex: 6, lastIndex: 9, commit: 7, applied: 5, snapshotIndex: 5, voters: ['a', 'b', 'c'] });
    const rd = node.ready();
    expect(rd.committedEntries.map((e) => e.index)).toEqual([6, 7]);
    expect(rd.entries).toEqual([]);
    expect(rd.snapshot).toBeUndefined();
    expect(rd.hardState).toBeUndefined();
    node.advance(rd);
    expect(node.hasReady()).toBe(false);
    expect(node.status().applied).toBe(7);
  });

  it('the configuration is rebuilt from committed conf change entries; uncommitted ones do not count (etcd: a change takes effect when applied)', () => {
    const cc = (type: 'addNode' | 'removeNode', nodeId: string) => JSON.stringify({ type, nodeId });
    const disk: PersistedState = {
      hardState: { term: 2, vote: '', commit: 4 },
      snapshot: null,
      entries: [
        { term: 1, index: 1, type: 'confChange', data: cc('addNode', 'a') },
        { term: 1, index: 2, type: 'confChange', data: cc('addNode', 'b') },
        { term: 2, index: 3, type: 'normal', data: '' },
        { term: 2, index: 4, type: 'confChange', data: cc('addNode', 'c') },
        { term: 2, index: 5, type: 'confChange', data: cc('removeNode', 'a') },
      ],
    };
    const node = new RawNode(testConfig('b', []), new Rng(1), disk);
    expect(node.status().voters).toEqual(['a', 'b', 'c']);
  });

  it('a disk whose commit is beyond its log is refused loudly (etcd raftLog.commitTo panic)', () => {
    const disk = diskWithLog([1, 1], 1, 5);
    expect(() => new RawNode(testConfig('b', ['a', 'b']), new Rng(1), disk)).toThrow(/commit 5 is beyond the last index 2/);
  });

  it('a restarted node rejoins and catches up on what it missed (paper 5.1)', () => {
    const net = new Net(['a', 'b', 'c']);
    net.campaign('a');
    net.propose('a', 'one');
    net.deliver();
    net.kill('c');
    net.propose('a', 'two');
    net.propose('a', 'three');
    net.deliver();
    net.restart('c');
    net.tickAll(2);
    expect(net.status('c')).toMatchObject({ role: 'follower', lead: 'a', term: 2, commit: net.status('a').commit });
    expect(net.appliedData('c')).toEqual(['one', 'two', 'three']);
  });

  it('a restarted node that had installed a snapshot restarts from it and keeps the catch-up entries out of its replay (paper 7, etcd TestRawNodeRestartFromSnapshot)', () => {
    const net = new Net(['a', 'b', 'c'], { snapshotEvery: 10, raft: { snapshotCatchUpEntries: 2 } });
    net.campaign('a');
    for (let i = 0; i < 12; i++) net.propose('a', `v${i}`);
    net.deliver();
    const st = net.status('b');
    net.kill('b');
    net.restart('b');
    const first = net.readies.get('b')!.at(-1)!;
    expect(first.committedEntries[0].index).toBe(st.snapshotIndex + 1);
    expect(first.committedEntries.at(-1)!.index).toBe(st.commit);
    expect(net.appliedData('b')).toEqual(net.appliedData('a'));
  });
});
