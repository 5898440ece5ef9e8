// The RawNode hand-off (etcd rawnode_test.go): Ready carries only what is new, hardState and
// softState only when changed, and the network cannot inject local events.
import { describe, expect, it } from 'vitest';
import type { MessageType } from '../../../src/engine/raft';
import { Net, msg, soloNode, takeReady } from './harness';

describe('RawNode Ready/advance', () => {
  it('a Ready holds only what changed since the last advance (etcd TestRawNodeReadyAdvance)', () => {
    const b = soloNode('b', ['a', 'b', 'c'], { checkQuorum: false });
    expect(b.hasReady()).toBe(false);
    b.step(msg('MsgHeartbeat', 'a', 'b', 1, { commit: 3 }));
    let rd = takeReady(b);
    expect(rd.softState).toEqual({ lead: 'a', role: 'follower' });
    expect(rd.hardState).toBeUndefined(); // term, vote and commit did not change
    expect(rd.messages).toEqual([msg('MsgHeartbeatResp', 'b', 'a', 1)]);
    b.step(msg('MsgHeartbeat', 'a', 'b', 1, { commit: 3 }));
    rd = takeReady(b);
    expect(rd.softState).toBeUndefined();
    expect(rd).toMatchObject({ entries: [], committedEntries: [] });
    b.step(msg('MsgApp', 'a', 'b', 1, { index: 3, logTerm: 1, commit: 4, entries: [{ term: 1, index: 4, type: 'normal', data: 'x' }] }));
    rd = takeReady(b);
    expect(rd.hardState).toEqual({ term: 1, vote: '', commit: 4 });
    expect(rd.entries.map((e) => e.index)).toEqual([4]);
    expect(rd.committedEntries.map((e) => e.index)).toEqual([4]);
    expect(b.hasReady()).toBe(false);
    expect(b.status()).toMatchObject({ commit: 4, applied: 4 });
  });

  it('ready() twice without advance(), or advance() without ready(), throws (etcd rawnode acceptReady panic)', () => {
    const b = soloNode('b', ['a', 'b', 'c']);
    b.step(msg('MsgHeartbeat', 'a', 'b', 1));
    const rd = b.ready();
    expect(() => b.ready()).toThrow(/ready\(\) called again before advance\(\)/);
    b.advance(rd);
    expect(() => b.advance(rd)).toThrow(/advance\(\) without a ready\(\)/);
  });

  it('local and unknown message types, misaddressed messages and replies from non-voters are dropped (etcd ErrStepLocalMsg, ErrStepPeerNotFound)', () => {
    const b = soloNode('b', ['a', 'b', 'c']);
    b.step(msg('MsgHup', 'a', 'b', 0));
    b.step(msg('MsgHup', 'a', 'b', 5));
    b.step(msg('MsgHeartbeat', 'a', 'x', 5));
    b.step(msg('MsgVoteResp', 'zz', 'b', 5));
    b.step(msg('MsgApp', 'a', 'b', 0, { index: 3, logTerm: 1 }));
    b.step(msg('MsgBogus' as MessageType, 'a', 'b', 9));
    expect(b.hasReady()).toBe(false);
    expect(b.status()).toMatchObject({ role: 'follower', term: 1 });
  });

  it('applying the same conf change twice is harmless, so a restarted host may replay it (etcd RawNode.Bootstrap applies changes twice)', () => {
    const net = new Net(['a', 'b', 'c']);
    const b = net.node('b');
    expect(b.applyConfChange({ type: 'addNode', nodeId: 'c' })).toEqual({ voters: ['a', 'b', 'c'] });
    expect(b.applyConfChange({ type: 'addNode', nodeId: 'd' })).toEqual({ voters: ['a', 'b', 'c', 'd'] });
    expect(b.applyConfChange({ type: 'addNode', nodeId: 'd' })).toEqual({ voters: ['a', 'b', 'c', 'd'] });
    expect(b.applyConfChange({ type: 'removeNode', nodeId: 'x' })).toEqual({ voters: ['a', 'b', 'c', 'd'] });
  });
});
