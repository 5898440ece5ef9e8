// Leadership transfer (Raft thesis 3.10; etcd TestLeaderTransfer* in raft_test.go).
import { describe, expect, it } from 'vitest';
import { Net } from './harness';

function cluster(): Net {
  const net = new Net(['a', 'b', 'c'], { raft: { checkQuorum: true } });
  net.campaign('a');
  return net;
}

describe('leadership transfer', () => {
  it('to an up-to-date follower: MsgTimeoutNow at once, the follower wins the next term (etcd TestLeaderTransferToUpToDateNode)', () => {
    const net = cluster();
    expect(net.transfer('a', 'b')).toEqual({ ok: true });
    expect(net.queue.map((m) => `${m.type}>${m.to}`)).toEqual(['MsgTimeoutNow>b']);
    net.deliver();
    expect(net.status('b')).toMatchObject({ role: 'leader', term: 3 });
    expect(net.status('a')).toMatchObject({ role: 'follower', term: 3, lead: 'b' });
    // The transferee campaigns with context 'transfer', which passes leader stickiness.
    const votes = net.sentOfType('MsgVote').filter((m) => m.term === 3);
    expect(votes.every((m) => m.context === 'transfer')).toBe(true);
  });

  it('to a lagging follower: the leader catches it up first, then sends MsgTimeoutNow (etcd TestLeaderTransferToSlowFollower)', () => {
    const net = cluster();
    net.cut('a', 'c');
    for (let i = 0; i < 3; i++) net.propose('a', `p${i}`);
    net.deliver();
    expect(net.status('c').lastIndex).toBe(4);
    net.heal();
    net.transfer('a', 'c');
    expect(net.queue.map((m) => `${m.type}>${m.to}`)).toEqual(['MsgApp>c']);
    net.deliver();
    const order = net.sent.filter((m) => m.to === 'c' && (m.type === 'MsgApp' || m.type === 'MsgTimeoutNow')).map((m) => m.type);
    expect(order.at(-1)).toBe('MsgTimeoutNow');
    expect(net.status('c')).toMatchObject({ role: 'leader', term: 3 });
    expect(net.appliedData('c')).toEqual(['p0', 'p1', 'p2']);
  });

  it('is abandoned after an election timeout if the transferee never takes over (etcd TestLeaderTransferTimeout)', () => {
    const net = cluster();
    net.isolate('c');
    net.transfer('a', 'c');
    expect(net.status('a').leadTransferee).toBe('c');
    net.tick('a', 9);
    expect(net.status('a').leadTransferee).toBe('c');
    net.tick('a');
    expect(net.status('a')).toMatchObject({ role: 'leader', leadTransferee: '' });
    expect(net.propose('a', 'after')).toEqual({ ok: true, index: 5 });
  });

  it('refuses proposals and conf changes while it is under way (etcd TestLeaderTransferIgnoreProposal)', () => {
    const net = cluster();
    net.isolate('c');
    net.transfer('a', 'c');
    expect(net.propose('a', 'x')).toEqual({ ok: false, error: 'leadership transfer in progress' });
    expect(net.proposeConfChange('a', { type: 'addNode', nodeId: 'd' })).toEqual({ ok: false, error: 'leadership transfer in progress' });
    expect(net.status('a').lastIndex).toBe(4);
  });

  it('a follower forwards the request to its leader; bad targets are refused (etcd TestLeaderTransferToSelf, TestLeaderTransferToNonExistingNode)', () => {
    const net = cluster();
    expect(net.transfer('b', 'c')).toEqual({ ok: true });
    net.deliver();
    expect(net.status('c')).toMatchObject({ role: 'leader', term: 3 });
    expect(net.transfer('c', 'c')).toEqual({ ok: false, error: 'already the leader' });
    expect(net.transfer('c', 'zz')).toEqual({ ok: false, error: 'zz is not a voter' });
  });
});
