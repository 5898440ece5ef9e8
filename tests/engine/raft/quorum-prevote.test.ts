// CheckQuorum, leader stickiness and PreVote (Raft thesis 6.2, 4.2.3 and 9.6; etcd raft_test.go).
import { describe, expect, it } from 'vitest';
import { Net, msg, soloNode, takeReady } from './harness';

describe('CheckQuorum', () => {
  it('a leader that hears from no quorum for an election timeout steps down (thesis 6.2, etcd TestLeaderStepdownWhenQuorumLost)', () => {
    const net = new Net(['a', 'b', 'c'], { raft: { checkQuorum: true } });
    net.campaign('a');
    net.isolate('a');
    net.tick('a', 10);
    // The first check still counts the replies from before the cut, then clears them.
    expect(net.status('a').role).toBe('leader');
    net.tick('a', 9);
    expect(net.status('a').role).toBe('leader');
    net.tick('a');
    expect(net.status('a')).toMatchObject({ role: 'follower', term: 2, lead: '' });
  });

  it('a leader that keeps hearing from a quorum stays leader (etcd TestLeaderStepdownWhenQuorumActive)', () => {
    const net = new Net(['a', 'b', 'c'], { raft: { checkQuorum: true } });
    net.campaign('a');
    net.kill('c');
    for (let i = 0; i < 50; i++) {
      net.tick('a');
      net.deliver();
    }
    expect(net.status('a')).toMatchObject({ role: 'leader', term: 2 });
  });

  it('a follower that heard from its leader within the election timeout ignores a higher-term vote request (thesis 4.2.3, etcd TestLeaderSupersedingWithCheckQuorum)', () => {
    const net = new Net(['a', 'b', 'c'], { raft: { checkQuorum: true } });
    net.campaign('a');
    const b = net.node('b');
    b.step(msg('MsgVote', 'c', 'b', 3, { index: 4, logTerm: 2 }));
    expect(b.hasReady()).toBe(false);
    expect(b.status()).toMatchObject({ term: 2, vote: 'a', lead: 'a' });
    // Once the lease runs out the same request is answered.
    net.tick('b', 10);
    b.step(msg('MsgVote', 'c', 'b', 3, { index: 4, logTerm: 2 }));
    expect(takeReady(b).messages).toEqual([msg('MsgVoteResp', 'b', 'c', 3)]);
    // Without checkQuorum there is no lease.
    const plain = soloNode('b', ['a', 'b', 'c'], { checkQuorum: false });
    plain.step(msg('MsgHeartbeat', 'a', 'b', 2));
    takeReady(plain);
    plain.step(msg('MsgVote', 'c', 'b', 3, { index: 3, logTerm: 1 }));
    expect(takeReady(plain).messages).toEqual([msg('MsgVoteResp', 'b', 'c', 3)]);
  });
});

describe('PreVote', () => {
  it('a partitioned node with PreVote does not raise its term and rejoins without disrupting the leader (thesis 9.6, etcd TestPreVoteWithCheckQuorum)', () => {
    const net = new Net(['a', 'b', 'c'], { raft: { checkQuorum: true, preVote: true } });
    net.campaign('a');
    expect(net.status('a')).toMatchObject({ role: 'leader', term: 2 });
    net.isolate('c');
    for (let i = 0; i < 100; i++) net.tickAll();
    expect(net.status('c').term).toBe(2);
    expect(net.sentOfType('MsgPreVote').filter((m) => m.from === 'c').length).toBeGreaterThan(0);
    expect(net.sentOfType('MsgVote').filter((m) => m.from === 'c')).toEqual([]);
    net.propose('a', 'while-apart');
    net.deliver();
    net.heal();
    net.tickAll(3);
    expect(net.status('a')).toMatchObject({ role: 'leader', term: 2 });
    expect(net.status('c')).toMatchObject({ role: 'follower', term: 2, lead: 'a' });
    expect(net.appliedData('c')).toEqual(['while-apart']);
  });

  it('without PreVote the same partitioned node raises its term and forces the leader out when it rejoins (thesis 9.6)', () => {
    const net = new Net(['a', 'b', 'c'], { raft: { checkQuorum: true, preVote: false } });
    net.campaign('a');
    net.isolate('c');
    for (let i = 0; i < 100; i++) net.tickAll();
    const cTerm = net.status('c').term;
    expect(cTerm).toBeGreaterThan(4);
    net.heal();
    net.tickAll(1);
    expect(net.status('a').term).toBeGreaterThanOrEqual(cTerm);
    expect(net.leaderOfTerm.get(2)).toBe('a');
    net.tickAll(60);
    const leader = net.leader()!;
    expect(net.status(leader).term).toBeGreaterThan(cTerm);
  });

  it('a pre-vote never changes the voter\'s term or vote, and a pre-candidate keeps its term until it wins (thesis 9.6, etcd TestPreVote...)', () => {
    const b = soloNode('b', ['a', 'b', 'c'], { preVote: true, checkQuorum: false });
    b.step(msg('MsgPreVote', 'a', 'b', 2, { index: 3, logTerm: 1 }));
    const rd = takeReady(b);
    expect(rd.messages).toEqual([msg('MsgPreVoteResp', 'b', 'a', 2)]);
    expect(rd.hardState).toBeUndefined();
    expect(b.status()).toMatchObject({ term: 1, vote: '' });

    const net = new Net(['a', 'b', 'c'], { raft: { preVote: true } });
    net.cut('a', 'c');
    const st = net.status('a');
    net.tick('a', st.randomizedElectionTimeout);
    expect(net.status('a')).toMatchObject({ role: 'pre-candidate', term: 1, vote: '' });
    net.deliver(); // b grants the pre-vote: a now campaigns for real
    expect(net.status('a')).toMatchObject({ role: 'leader', term: 2 });
  });
});
