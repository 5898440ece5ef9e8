// Leader election (Raft paper 5.2, 5.4.1; etcd raft_test.go / raft_paper_test.go).
import { describe, expect, it } from 'vitest';
import { Net, diskWithLog, msg, soloNode, takeReady } from './harness';

describe('leader election', () => {
  it('a candidate with a majority of votes becomes leader; without one it stays candidate (paper 5.2, etcd TestLeaderElection)', () => {
    const net = new Net(['a', 'b', 'c', 'd', 'e']);
    net.kill('d');
    net.kill('e');
    net.campaign('a');
    expect(net.status('a')).toMatchObject({ role: 'leader', term: 2, lead: 'a' });
    for (const id of ['b', 'c']) expect(net.status(id)).toMatchObject({ role: 'follower', term: 2, lead: 'a', vote: 'a' });

    const minority = new Net(['a', 'b', 'c', 'd', 'e']);
    for (const id of ['c', 'd', 'e']) minority.kill(id);
    minority.campaign('a');
    expect(minority.status('a')).toMatchObject({ role: 'candidate', term: 2, vote: 'a' });
  });

  it('a single-node cluster elects itself at its first timeout and commits alone (etcd TestSingleNodeCommit)', () => {
    const net = new Net(['solo']);
    net.campaign('solo');
    expect(net.status('solo')).toMatchObject({ role: 'leader', term: 2 });
    expect(net.propose('solo', 'x')).toEqual({ ok: true, index: 3 });
    expect(net.status('solo').commit).toBe(3);
    expect(net.appliedData('solo')).toEqual(['x']);
  });

  it('a node votes at most once per term, but repeats a vote it already cast (paper 5.2, etcd TestRecvMsgVote)', () => {
    const b = soloNode('b', ['a', 'b', 'c']);
    b.step(msg('MsgVote', 'a', 'b', 2, { index: 3, logTerm: 1 }));
    expect(takeReady(b).messages).toEqual([msg('MsgVoteResp', 'b', 'a', 2)]);
    b.step(msg('MsgVote', 'c', 'b', 2, { index: 3, logTerm: 1 }));
    expect(takeReady(b).messages).toEqual([msg('MsgVoteResp', 'b', 'c', 2, { reject: true })]);
    b.step(msg('MsgVote', 'a', 'b', 2, { index: 3, logTerm: 1 }));
    expect(takeReady(b).messages).toEqual([msg('MsgVoteResp', 'b', 'a', 2)]);
    expect(b.status()).toMatchObject({ term: 2, vote: 'a' });
  });

  it('the vote is in the hardState of the same Ready as the reply, so it is durable before the reply leaves (paper Figure 2)', () => {
    const b = soloNode('b', ['a', 'b', 'c']);
    b.step(msg('MsgVote', 'a', 'b', 2, { index: 3, logTerm: 1 }));
    const rd = takeReady(b);
    expect(rd.hardState).toEqual({ term: 2, vote: 'a', commit: 3 });
    expect(rd.messages.map((m) => m.type)).toEqual(['MsgVoteResp']);
    // The candidate's own vote goes out with its MsgVotes too.
    const net = new Net(['a', 'b', 'c']);
    const st = net.status('a');
    net.tick('a', st.randomizedElectionTimeout);
    const candidateReady = net.readies.get('a')!.find((r) => r.messages.some((m) => m.type === 'MsgVote'))!;
    expect(candidateReady.hardState).toEqual({ term: 2, vote: 'a', commit: 3 });
  });

  it('votes go only to candidates whose log is at least as up to date: last term, then last index (paper 5.4.1, etcd TestVoter)', () => {
    const disk = diskWithLog([1, 1, 1, 2], 2);
    const cases = [
      { logTerm: 1, index: 10, granted: false }, // longer log but older last term
      { logTerm: 2, index: 3, granted: false }, // same last term, shorter
      { logTerm: 2, index: 4, granted: true }, // identical
      { logTerm: 3, index: 1, granted: true }, // newer last term wins even if shorter
    ];
    for (const c of cases) {
      const b = soloNode('b', ['a', 'b', 'c'], { checkQuorum: false }, 1, structuredClone(disk));
      b.step(msg('MsgVote', 'a', 'b', 3, { index: c.index, logTerm: c.logTerm }));
      const [resp] = takeReady(b).messages;
      expect(resp).toMatchObject({ type: 'MsgVoteResp', term: 3, reject: !c.granted });
      expect(b.status().vote).toBe(c.granted ? 'a' : '');
    }
  });

  it('a candidate that gets no majority starts a new election with term + 1 at its next timeout (paper 5.2, etcd TestCandidateStartNewElection)', () => {
    const net = new Net(['a', 'b', 'c']);
    net.kill('b');
    net.kill('c');
    net.campaign('a');
    const first = net.status('a');
    expect(first).toMatchObject({ role: 'candidate', term: 2, electionElapsed: 0 });
    net.tick('a', first.randomizedElectionTimeout - 1);
    expect(net.status('a').term).toBe(2);
    net.tick('a');
    expect(net.status('a')).toMatchObject({ role: 'candidate', term: 3, vote: 'a' });
    const votes = net.sentOfType('MsgVote').filter((m) => m.term === 3);
    expect(votes.map((m) => m.to)).toEqual(['b', 'c']);
  });

  it('a candidate that hears from a leader of its term becomes its follower (paper 5.2, etcd TestCandidateFallback)', () => {
    const net = new Net(['a', 'b', 'c']);
    net.kill('c');
    net.cut('a', 'b');
    net.campaign('a');
    net.campaign('b');
    expect(net.status('b')).toMatchObject({ role: 'candidate', term: 2 });
    net.heal();
    net.node('b').step(msg('MsgApp', 'a', 'b', 2, { index: 3, logTerm: 1, commit: 3 }));
    net.drain('b');
    expect(net.status('b')).toMatchObject({ role: 'follower', term: 2, lead: 'a' });
  });

  it('a leader that sees a higher term steps down to follower of that term (paper 5.1, etcd TestLeaderStepdownOnHigherTerm)', () => {
    const net = new Net(['a', 'b', 'c']);
    net.campaign('a');
    expect(net.status('a').role).toBe('leader');
    net.node('a').step(msg('MsgHeartbeatResp', 'b', 'a', 7));
    net.drain('a');
    expect(net.status('a')).toMatchObject({ role: 'follower', term: 7, lead: '', vote: '' });
    const soft = net.readies.get('a')!.at(-1)!.softState;
    expect(soft).toEqual({ lead: '', role: 'follower' });
  });

  it('election timeouts are drawn in [E, 2E), redrawn on every reset, and differ between nodes (etcd TestFollowerElectionTimeoutRandomized)', () => {
    const seen = new Set<number>();
    for (let seed = 1; seed <= 40; seed++) {
      const net = new Net(['a', 'b', 'c'], { seed });
      const timeouts = ['a', 'b', 'c'].map((id) => net.status(id).randomizedElectionTimeout);
      for (const t of timeouts) {
        expect(t).toBeGreaterThanOrEqual(10);
        expect(t).toBeLessThan(20);
        seen.add(t);
      }
      // A follower fires exactly at its drawn timeout.
      const t = net.status('a').randomizedElectionTimeout;
      net.tick('a', t - 1);
      expect(net.status('a').role).toBe('follower');
      net.tick('a');
      expect(net.status('a').role).toBe('candidate');
      expect(net.status('a').randomizedElectionTimeout).toBeGreaterThanOrEqual(10);
    }
    expect(seen.size).toBe(10); // all of 10..19 occur
  });

  it('a cluster started together elects exactly one leader within two election timeouts (paper 5.2)', () => {
    for (let seed = 1; seed <= 30; seed++) {
      const net = new Net(['a', 'b', 'c', 'd', 'e'], { seed });
      let ticks = 0;
      while (net.leader() === undefined && ticks < 40) {
        net.tickAll();
        ticks++;
      }
      const leader = net.leader();
      expect(leader, `seed ${seed}`).toBeDefined();
      const term = net.status(leader!).term;
      for (const id of net.ids) expect(net.status(id).lead).toBe(leader);
      expect([...net.leaderOfTerm.entries()].filter(([t]) => t === term)).toHaveLength(1);
    }
  });

  it('messages from older terms are ignored; with checkQuorum an old leader gets our term back (paper 5.1, etcd TestStepIgnoreOldTermMsg)', () => {
    const disk = diskWithLog([1, 1, 2], 3, 2);
    const plain = soloNode('b', ['a', 'b', 'c'], { checkQuorum: false }, 1, structuredClone(disk));
    plain.step(msg('MsgApp', 'a', 'b', 2, { index: 3, logTerm: 2, entries: [{ term: 2, index: 4, type: 'normal', data: 'old' }], commit: 3 }));
    expect(plain.hasReady()).toBe(false);
    expect(plain.status()).toMatchObject({ term: 3, lastIndex: 3, commit: 2 });

    const cq = soloNode('b', ['a', 'b', 'c'], { checkQuorum: true }, 1, structuredClone(disk));
    cq.step(msg('MsgHeartbeat', 'a', 'b', 2, { commit: 3 }));
    const rd = takeReady(cq);
    expect(rd.messages).toEqual([msg('MsgAppResp', 'b', 'a', 3)]);
    expect(cq.status()).toMatchObject({ term: 3, commit: 2 });
  });
});
