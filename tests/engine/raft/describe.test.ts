// Golden traces (etcd's data-driven interaction tests): an election and one proposal in a
// three-node cluster, printed with the describeX printers, must match exactly.
import { describe, expect, it } from 'vitest';
import { describeEntry, describeHardState, describeMessage, describeReady, describeSnapshot } from '../../../src/engine/raft';
import { Net, msg } from './harness';

describe('describe printers and golden traces', () => {
  it('an election and a proposal produce exactly this message trace (paper 5.2-5.3, etcd testdata/campaign.txt)', () => {
    const net = new Net(['a', 'b', 'c'], { seed: 5 });
    net.campaign('a');
    net.propose('a', 'x');
    net.deliver();
    expect(net.deliveredLog.map(describeMessage).join('\n')).toBe(`\
a->b MsgVote Term:2 Log:1/3
a->c MsgVote Term:2 Log:1/3
b->a MsgVoteResp Term:2 Log:0/0
c->a MsgVoteResp Term:2 Log:0/0
a->b MsgApp Term:2 Log:1/3 Commit:3 Entries:[2/4 EntryNormal ""]
a->c MsgApp Term:2 Log:1/3 Commit:3 Entries:[2/4 EntryNormal ""]
b->a MsgAppResp Term:2 Log:0/4
c->a MsgAppResp Term:2 Log:0/4
a->b MsgApp Term:2 Log:2/4 Commit:4
a->c MsgApp Term:2 Log:2/4 Commit:4
b->a MsgAppResp Term:2 Log:0/4
c->a MsgAppResp Term:2 Log:0/4
a->b MsgApp Term:2 Log:2/4 Commit:4 Entries:[2/5 EntryNormal "x"]
a->c MsgApp Term:2 Log:2/4 Commit:4 Entries:[2/5 EntryNormal "x"]
b->a MsgAppResp Term:2 Log:0/5
c->a MsgAppResp Term:2 Log:0/5
a->b MsgApp Term:2 Log:2/5 Commit:5
a->c MsgApp Term:2 Log:2/5 Commit:5
b->a MsgAppResp Term:2 Log:0/5
c->a MsgAppResp Term:2 Log:0/5`);
  });

  it('a fresh node\'s first Ready persists and applies the bootstrap configuration (etcd RawNode.Bootstrap)', () => {
    const net = new Net(['a', 'b', 'c']);
    expect(describeReady(net.readies.get('b')![0])).toBe(`\
HardState Term:1 Vote:- Commit:3
Entries:
1/1 EntryConfChange addNode a
1/2 EntryConfChange addNode b
1/3 EntryConfChange addNode c
CommittedEntries:
1/1 EntryConfChange addNode a
1/2 EntryConfChange addNode b
1/3 EntryConfChange addNode c`);
  });

  it('prints rejections, snapshots and transfer context (etcd DescribeMessage format)', () => {
    expect(describeMessage(msg('MsgAppResp', 'b', 'a', 3, { index: 7, reject: true, rejectHint: 4, logTerm: 2 })))
      .toBe('b->a MsgAppResp Term:3 Log:2/7 Rejected (Hint: 4)');
    const snap = { meta: { index: 9, term: 2, conf: { voters: ['a', 'b'] } }, data: '' };
    expect(describeMessage(msg('MsgSnap', 'a', 'b', 3, { snapshot: snap })))
      .toBe('a->b MsgSnap Term:3 Log:0/0 Snapshot: Index:9 Term:2 Voters:[a b]');
    expect(describeSnapshot(snap)).toBe('Index:9 Term:2 Voters:[a b]');
    expect(describeMessage(msg('MsgVote', 'b', 'c', 4, { index: 9, logTerm: 3, context: 'transfer' })))
      .toBe('b->c MsgVote Term:4 Log:3/9 Context:transfer');
    expect(describeEntry({ term: 2, index: 6, type: 'confChange', data: '{"type":"removeNode","nodeId":"c"}' }))
      .toBe('2/6 EntryConfChange removeNode c');
    expect(describeHardState({ term: 4, vote: '', commit: 9 })).toBe('Term:4 Vote:- Commit:9');
  });
});
