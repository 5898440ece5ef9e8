// Log replication (Raft paper 5.3, 5.4.2 and Figures 7 and 8; etcd raft_test.go).
import { describe, expect, it } from 'vitest';
import type { Entry } from '../../../src/engine/raft';
import { Net, diskTerms, diskWithLog, msg, soloNode, takeReady } from './harness';

const FIG7_LEADER = [1, 1, 1, 4, 4, 5, 5, 6, 6, 6];
const FIG7_FOLLOWERS: Record<string, number[]> = {
  a: [1, 1, 1, 4, 4, 5, 5, 6, 6],
  b: [1, 1, 1, 4],
  c: [1, 1, 1, 4, 4, 5, 5, 6, 6, 6, 6],
  d: [1, 1, 1, 4, 4, 5, 5, 6, 6, 6, 7, 7],
  e: [1, 1, 1, 4, 4, 4, 4],
  f: [1, 1, 1, 2, 2, 2, 3, 3, 3, 3, 3],
};

function entry(term: number, index: number, data = `t${term}i${index}`): Entry {
  return { term, index, type: 'normal', data };
}

describe('log replication', () => {
  it('a proposal is replicated, committed by a majority and applied everywhere in order (paper 5.3, etcd TestLogReplication)', () => {
    const net = new Net(['a', 'b', 'c']);
    net.campaign('a');
    expect(net.propose('a', 'x')).toEqual({ ok: true, index: 5 });
    expect(net.propose('a', 'y')).toEqual({ ok: true, index: 6 });
    net.deliver();
    for (const id of net.ids) {
      expect(net.status(id)).toMatchObject({ commit: 6, applied: 6, lastIndex: 6 });
      expect(net.appliedData(id)).toEqual(['x', 'y']);
    }
  });

  it('a new leader appends an empty entry of its term and commits it with everything before (paper 8)', () => {
    const net = new Net(['a', 'b', 'c']);
    net.campaign('a');
    const disk = net.disks.get('b')!;
    expect(disk.entries.at(-1)).toEqual({ term: 2, index: 4, type: 'normal', data: '' });
    for (const id of net.ids) expect(net.status(id).commit).toBe(4);
  });

  for (const [name, followerLog] of Object.entries(FIG7_FOLLOWERS)) {
    it(`the leader repairs the Figure 7 (${name}) follower log to match its own (paper 5.3 Figure 7, etcd TestLeaderSyncFollowerLog)`, () => {
      // A third node with an empty log gives the leader its majority even when the follower's
      // log is more up to date (case d).
      const net = new Net(['lead', 'follower', 'voter'], {
        raft: { checkQuorum: false },
        disks: {
          lead: diskWithLog(FIG7_LEADER, 7),
          follower: diskWithLog(followerLog, Math.max(...followerLog)),
          voter: diskWithLog([], 7),
        },
      });
      net.campaign('lead');
      expect(net.status('lead')).toMatchObject({ role: 'leader', term: 8 });
      net.propose('lead', 'after');
      net.deliver();
      const expected = [...FIG7_LEADER, 8, 8];
      expect(diskTerms(net, 'follower')).toEqual(expected);
      expect(diskTerms(net, 'lead')).toEqual(expected);
      expect(net.disks.get('follower')!.entries).toEqual(net.disks.get('lead')!.entries);
      expect(net.status('follower').commit).toBe(12);
    });
  }

  it('fast back-off skips a divergent tail in one rejection instead of one per entry (etcd TestFastLogRejection)', () => {
    const common = [1, 1, 1, 1, 1];
    const leaderLog = [...common, ...Array(10).fill(3)];
    const staleTail = [...common, ...Array(25).fill(2)];
    const net = new Net(['lead', 'slow', 'voter'], {
      raft: { checkQuorum: false },
      disks: { lead: diskWithLog(leaderLog, 3), slow: diskWithLog(staleTail, 2), voter: diskWithLog(leaderLog, 3) },
    });
    net.campaign('lead');
    const rejects = net.sentOfType('MsgAppResp').filter((m) => m.from === 'slow' && m.reject);
    // One rejection: the hint (index 15, term 2) lets the leader skip its own term-3 entries.
    expect(rejects).toHaveLength(1);
    expect(rejects[0]).toMatchObject({ index: 15, rejectHint: 15, logTerm: 2 });
    expect(diskTerms(net, 'slow')).toEqual([...leaderLog, 4]);
    // Probing one entry at a time would have needed a rejection per divergent entry.
    expect(leaderLog.length - common.length).toBe(10);
  });

  it('a follower rejects an append whose previous entry does not match and hints where to retry (paper 5.3, etcd TestFollowerCheckMsgApp)', () => {
    const b = soloNode('b', ['a', 'b', 'c'], { checkQuorum: false }, 1, diskWithLog([1, 2, 2], 2, 1));
    b.step(msg('MsgApp', 'a', 'b', 3, { index: 3, logTerm: 3, entries: [entry(3, 4)], commit: 3 }));
    expect(takeReady(b).messages).toEqual([msg('MsgAppResp', 'b', 'a', 3, { index: 3, reject: true, rejectHint: 3, logTerm: 2 })]);
    b.step(msg('MsgApp', 'a', 'b', 3, { index: 5, logTerm: 3, commit: 3 }));
    expect(takeReady(b).messages).toEqual([msg('MsgAppResp', 'b', 'a', 3, { index: 5, reject: true, rejectHint: 3, logTerm: 2 })]);
    expect(b.status()).toMatchObject({ lastIndex: 3, commit: 1 });
  });

  it('a duplicate or reordered MsgApp never truncates entries that match (paper 5.3, etcd TestFollowerAppendEntries)', () => {
    const b = soloNode('b', ['a', 'b', 'c'], { checkQuorum: false }, 1, diskWithLog([1, 1, 1], 2, 3));
    const first = msg('MsgApp', 'a', 'b', 2, { index: 3, logTerm: 1, entries: [entry(2, 4, 'x')], commit: 3 });
    const second = msg('MsgApp', 'a', 'b', 2, { index: 4, logTerm: 2, entries: [entry(2, 5, 'y'), entry(2, 6, 'z')], commit: 3 });
    b.step(first);
    b.step(second);
    takeReady(b);
    b.step(first); // delivered again, late
    const rd = takeReady(b);
    expect(rd.entries).toEqual([]);
    expect(rd.messages).toEqual([msg('MsgAppResp', 'b', 'a', 2, { index: 4 })]);
    expect(b.status()).toMatchObject({ lastIndex: 6, lastTerm: 2 });
  });

  it('heartbeats carry min(match, commit) and never lower a follower\'s commit (etcd TestHandleHeartbeat, TestBcastBeat)', () => {
    const b = soloNode('b', ['a', 'b', 'c'], { checkQuorum: false }, 1, diskWithLog([1, 1, 1, 2, 2, 2, 2], 2, 5));
    b.step(msg('MsgHeartbeat', 'a', 'b', 2, { commit: 3 }));
    expect(takeReady(b).messages).toEqual([msg('MsgHeartbeatResp', 'b', 'a', 2)]);
    expect(b.status().commit).toBe(5);
    b.step(msg('MsgHeartbeat', 'a', 'b', 2, { commit: 7 }));
    expect(takeReady(b).hardState).toEqual({ term: 2, vote: '', commit: 7 });

    const net = new Net(['a', 'b', 'c']);
    net.campaign('a');
    net.cut('a', 'c');
    net.propose('a', 'x');
    net.deliver();
    net.tick('a');
    const beats = net.sent.filter((m) => m.type === 'MsgHeartbeat' && m.term === 2);
    expect(beats.find((m) => m.to === 'b')!.commit).toBe(5);
    expect(beats.find((m) => m.to === 'c')!.commit).toBe(4); // c holds only up to 4
  });

  it('entries of an earlier term are committed only by committing an entry of the current term (paper 5.4.2, etcd TestLeaderOnlyCommitsLogFromCurrentTerm)', () => {
    for (const [acked, wantCommit] of [[1, 0], [2, 0], [3, 3]] as const) {
      const a = soloNode('a', ['a', 'b'], { checkQuorum: false }, 1, diskWithLog([1, 2], 2));
      a.tick();
      while (a.status().role !== 'candidate') a.tick();
      takeReady(a);
      a.step(msg('MsgVoteResp', 'b', 'a', 3));
      expect(a.status()).toMatchObject({ role: 'leader', term: 3, lastIndex: 3 });
      a.step(msg('MsgAppResp', 'b', 'a', 3, { index: acked }));
      expect(a.status().commit).toBe(wantCommit);
    }
  });
});

describe('Figure 8: an old-term entry on a majority is not committed', () => {
  /**
   * Paper Figure 8 with five nodes (indexes shifted by the five bootstrap entries and the first
   * leader's empty entry): s1 (term 2) gets "x" at index 7 onto s2 only; s5 wins term 3 and
   * writes its own entry 7; s1 comes back, wins term 4 and spreads its term-2 entry 7 to a
   * majority, but the term-4 entry 8 stays on s1 alone.
   */
  function figure8(): Net {
    const ids = ['s1', 's2', 's3', 's4', 's5'];
    const net = new Net(ids, { raft: { checkQuorum: false, maxEntriesPerMsg: 1 } });
    net.campaign('s1'); // (a) term 2, empty entry 6 committed everywhere
    for (const id of ['s3', 's4', 's5']) net.cut('s1', id);
    net.propose('s1', 'x');
    net.deliver();
    net.kill('s1'); // (b)
    net.heal();
    net.dropIf = (m) => m.from === 's5' && m.type === 'MsgApp';
    net.campaign('s5'); // votes from s3, s4: s2 has the longer log
    expect(net.status('s5')).toMatchObject({ role: 'leader', term: 3 });
    net.kill('s5'); // (c)
    net.restart('s1');
    // Entry 8 (term 4) never lands anywhere but on s1: drop every append that would place it.
    net.dropIf = (m) =>
      m.type === 'MsgApp' && m.entries.some((e) => e.term === 4) &&
      net.disks.get(m.to)!.entries.some((e) => e.index === m.index && e.term === m.logTerm);
    net.campaign('s1'); // term 3: s3 and s4 already voted for s5, s2 alone is no majority
    expect(net.status('s1')).toMatchObject({ role: 'candidate', term: 3 });
    net.campaign('s1');
    expect(net.status('s1')).toMatchObject({ role: 'leader', term: 4 });
    for (let i = 0; i < 6; i++) {
      net.tick('s1');
      net.deliver();
    }
    return net;
  }

  it('s1 does not commit its term-2 entry although a majority stores it (paper 5.4.2 Figure 8 c)', () => {
    const net = figure8();
    for (const id of ['s1', 's2', 's3', 's4']) {
      expect(net.disks.get(id)!.entries.find((e) => e.index === 7)).toMatchObject({ term: 2, data: 'x' });
    }
    expect(net.status('s1')).toMatchObject({ commit: 6, lastIndex: 8 });
    expect(net.appliedData('s1')).toEqual([]);
  });

  it('so s5 may still win and overwrite it, and nobody ever applied it (paper Figure 8 d)', () => {
    const net = figure8();
    net.kill('s1');
    net.dropIf = null;
    net.restart('s5');
    net.campaign('s5'); // term 4: everyone already voted for s1 in term 4
    expect(net.status('s5').role).toBe('follower');
    net.campaign('s5'); // term 5
    expect(net.status('s5')).toMatchObject({ role: 'leader', term: 5 });
    net.propose('s5', 'y');
    net.deliver();
    for (const id of ['s2', 's3', 's4', 's5']) {
      expect(net.disks.get(id)!.entries.find((e) => e.index === 7)!.term).toBe(3);
      expect(net.appliedData(id)).toEqual(['y']);
    }
  });

  it('once s1 commits an entry of term 4 on a majority, the term-2 entry rides along and s5 can no longer win (paper Figure 8 e)', () => {
    const net = figure8();
    net.dropIf = null;
    net.tick('s1');
    net.deliver();
    expect(net.status('s1').commit).toBe(8);
    expect(net.appliedData('s1')).toEqual(['x']);
    net.kill('s1');
    net.restart('s5');
    for (let i = 0; i < 4; i++) net.campaign('s5');
    expect(net.status('s5').role).not.toBe('leader');
  });
});

describe('flow control', () => {
  it('a leader sends at most maxEntriesPerMsg per MsgApp and maxInflightMsgs unacknowledged appends (etcd TestMsgAppFlowControlFull)', () => {
    const net = new Net(['a', 'b', 'c'], { raft: { maxInflightMsgs: 3, maxEntriesPerMsg: 2 } });
    net.campaign('a');
    expect(net.status('a').progress!.b.state).toBe('replicate');
    net.cutOneWay('b', 'a'); // b's acknowledgements are lost
    const before = net.sent.length;
    for (let i = 0; i < 5; i++) net.propose('a', `p${i}`);
    net.deliver();
    const toB = net.sent.slice(before).filter((m) => m.type === 'MsgApp' && m.to === 'b' && m.entries.length > 0);
    expect(toB.map((m) => m.entries.length)).toEqual([1, 1, 1]);
    net.heal();
    net.tickAll(2);
    expect(net.status('b').commit).toBe(9);
    expect(net.appliedData('b')).toEqual(['p0', 'p1', 'p2', 'p3', 'p4']);
    const batch = net.sent.filter((m) => m.type === 'MsgApp' && m.to === 'b' && m.entries.length > 1);
    expect(Math.max(...batch.map((m) => m.entries.length))).toBe(2);
  });
});
