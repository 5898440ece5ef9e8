// Proposals (etcd TestProposal, TestProposalByProxy; swarmkit proxies writes to the leader).
import { describe, expect, it } from 'vitest';
import { Net, msg } from './harness';

describe('proposals', () => {
  it('a follower forwards a proposal to the leader, which appends and commits it (etcd TestProposalByProxy)', () => {
    const net = new Net(['a', 'b', 'c']);
    net.campaign('a');
    expect(net.propose('b', 'via-b')).toEqual({ ok: true });
    const forwarded = net.queue.filter((m) => m.type === 'MsgProp');
    expect(forwarded).toHaveLength(1);
    expect(forwarded[0]).toMatchObject({ from: 'b', to: 'a', term: 0 });
    expect(forwarded[0].entries).toEqual([{ term: 0, index: 0, type: 'normal', data: 'via-b' }]);
    net.deliver();
    for (const id of net.ids) expect(net.appliedData(id)).toEqual(['via-b']);
    expect(net.disks.get('c')!.entries.at(-1)).toMatchObject({ term: 2, index: 5, data: 'via-b' });
  });

  it('with no leader known a proposal fails at once with "no leader" (etcd TestProposal, ErrProposalDropped)', () => {
    const net = new Net(['a', 'b', 'c']);
    expect(net.propose('b', 'x')).toEqual({ ok: false, error: 'no leader' });
    net.kill('b');
    net.kill('c');
    net.campaign('a');
    expect(net.status('a').role).toBe('candidate');
    expect(net.propose('a', 'x')).toEqual({ ok: false, error: 'no leader' });
  });

  it('a node that is not a voter refuses proposals with "not a member" (etcd stepLeader: no progress for self drops proposals)', () => {
    const net = new Net(['a', 'b', 'c']);
    net.campaign('a');
    net.addNode('d', []);
    expect(net.propose('d', 'x')).toEqual({ ok: false, error: 'not a member' });
  });

  it('the leader answers with the index it gave the entry (paper 5.3: the leader appends to its own log first)', () => {
    const net = new Net(['a', 'b', 'c']);
    net.campaign('a');
    expect(net.propose('a', 'one')).toEqual({ ok: true, index: 5 });
    expect(net.propose('a', 'two')).toEqual({ ok: true, index: 6 });
  });
});

describe('forwarded conf changes', () => {
  it('a relayed conf change is accepted once; a second or malformed one becomes an empty entry (etcd stepLeader MsgProp)', () => {
    const net = new Net(['a', 'b', 'c']);
    net.campaign('a');
    const prop = (data: string) => msg('MsgProp', 'b', 'a', 0, { entries: [{ term: 0, index: 0, type: 'confChange', data }] });
    net.cut('a', 'b');
    net.cut('a', 'c');
    net.node('a').step(prop('{"type":"addNode","nodeId":"d"}'));
    net.node('a').step(prop('{"type":"addNode","nodeId":"e"}'));
    net.drain('a');
    net.heal();
    net.tickAll(2);
    expect(net.status('a').voters).toEqual(['a', 'b', 'c', 'd']);
    net.node('a').step(prop('not json')); // no change pending any more, but unreadable
    net.drain('a');
    net.tickAll(2);
    const tail = net.disks.get('a')!.entries.slice(-3).map((e) => `${e.type}:${e.data}`);
    expect(tail).toEqual(['confChange:{"type":"addNode","nodeId":"d"}', 'normal:', 'normal:']);
    expect(net.status('a')).toMatchObject({ voters: ['a', 'b', 'c', 'd'], lastIndex: 7, commit: 7 });
  });
});
