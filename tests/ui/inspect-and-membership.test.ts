// The page's new intents against a real simulation on InlineHost: selecting a node publishes its
// log, selecting a packet follows it until it lands, and managers are added, removed and given
// leadership through named actions, with the ring and the looks following.
import { describe, expect, it } from 'vitest';
import { sameNodeLog } from '../../src/ui/store/node-log';
import { canAddManager, leaderId, linkActive, nodeCard } from '../../src/ui/store/selectors';
import { nodeAriaLabel, nodeLook } from '../../src/ui/viz/node-look';
import { settle } from './fake-frames';
import { openPage, runTo } from './page-harness';

describe('node log in the inspector', () => {
  it('publishes the selected node’s log, committed up to its commit index, and follows a proposal', async () => {
    const p = await openPage();
    await runTo(p, 40_000);
    const leader = leaderId(p.store.getState())!;
    p.actions.selectNode(leader);
    const before = p.store.getState().nodeLog!;
    expect(before.node).toBe(leader);
    expect(before.entries.at(-1)!.text).toBe('empty entry of a new leader');
    p.actions.proposeValue();
    await settle();
    let log = p.store.getState().nodeLog!;
    expect(log.entries.at(-1)).toMatchObject({ text: 'put x=v1', origin: 'proposal 1', committed: false });
    await runTo(p, 41_000);
    log = p.store.getState().nodeLog!;
    expect(log.entries.at(-1)).toMatchObject({ text: 'put x=v1', committed: true });
    expect(log.commit).toBe(nodeCard(p.store.getState(), leader)!.commit);
    for (const e of log.entries) expect(e.committed).toBe(e.index <= log.commit);
  });

  it('leaves the store alone when the log did not change, and drops it when the selection moves', async () => {
    const p = await openPage();
    await runTo(p, 40_000);
    p.actions.selectNode('node-2');
    const log = p.store.getState().nodeLog;
    p.actions.currentSession()!.publish();
    expect(p.store.getState().nodeLog).toBe(log);
    expect(sameNodeLog(log, structuredClone(log))).toBe(true);
    p.actions.selectLink('node-1', 'node-2');
    expect(p.store.getState().nodeLog).toBeNull();
  });

  it('keeps the tab chosen while the selection moves from node to node', async () => {
    const p = await openPage();
    p.actions.selectNode('node-1');
    p.actions.showNodeTab('log');
    p.actions.selectNode('node-2');
    expect(p.store.getState().nodeTab).toBe('log');
  });
});

describe('packet selection', () => {
  it('selects a packet in flight and, once it lands, says it was delivered', async () => {
    const p = await openPage();
    await runTo(p, 40_000);
    p.actions.selectNextPacket();
    let s = p.store.getState();
    for (let i = 0; i < 50 && !s.packet; i++) {
      await p.actions.stepOnce();
      await settle();
      p.actions.selectNextPacket();
      s = p.store.getState();
    }
    const first = s.view!.inflight.reduce((a, b) => (b.recvMs < a.recvMs || (b.recvMs === a.recvMs && b.id < a.id) ? b : a));
    expect(s.selection).toEqual({ kind: 'packet', id: first.id });
    expect(s.packet).toEqual({ message: first, status: { kind: 'flying' } });
    await runTo(p, first.recvMs + 1);
    s = p.store.getState();
    expect(s.packet!.status).toEqual({ kind: 'landed', landing: { atMs: first.recvMs, outcome: 'delivered' } });
    p.actions.selectPacket(-1);
    expect(p.store.getState().selection).toEqual({ kind: 'packet', id: first.id });
    p.actions.clearSelection();
    expect(p.store.getState().packet).toBeNull();
  });
});

describe('membership and leadership', () => {
  it('adds a manager that joins as a voter and catches up; the ring grows', async () => {
    const p = await openPage();
    await runTo(p, 40_000);
    p.actions.addManager();
    await settle();
    let s = p.store.getState();
    expect(s.view!.nodes.map((n) => n.id)).toEqual(['node-1', 'node-2', 'node-3', 'node-4']);
    expect(nodeCard(s, 'node-4')!.member).toBe('joining');
    expect(nodeLook(nodeCard(s, 'node-4')!).word).toBe('JOINING');
    await runTo(p, 45_000);
    s = p.store.getState();
    const leader = nodeCard(s, leaderId(s)!)!;
    const added = nodeCard(s, 'node-4')!;
    expect(added.member).toBe('voter');
    expect(added.commit).toBe(leader.commit);
    expect(nodeLook(added).word).toBe('FOLLOWER');
  });

  it('removes a manager: it keeps running but reads REMOVED, and its links are faded', async () => {
    const p = await openPage();
    await runTo(p, 40_000);
    const leader = leaderId(p.store.getState())!;
    const victim = ['node-1', 'node-2', 'node-3'].find((n) => n !== leader)!;
    expect(linkActive(p.store.getState(), leader, victim)).toBe(true);
    p.actions.removeManager(victim);
    await settle();
    await runTo(p, 42_000);
    const s = p.store.getState();
    const card = nodeCard(s, victim)!;
    expect(card.up).toBe(true);
    expect(card.member).toBe('removed');
    expect(nodeLook(card).word).toBe('REMOVED');
    expect(nodeAriaLabel(card)).toMatch(new RegExp(`^${victim}, removed, `));
    expect(linkActive(s, leader, victim)).toBe(false);
    expect(s.events.some((e) => e.text === `${leader} applied entry ${card.commit} (term ${card.term}): remove ${victim}`)).toBe(true);
  });

  it('transfers leadership to a follower', async () => {
    const p = await openPage();
    await runTo(p, 40_000);
    const before = leaderId(p.store.getState())!;
    const target = ['node-1', 'node-2', 'node-3'].find((n) => n !== before)!;
    p.actions.transferLeader(target);
    await settle();
    await runTo(p, 42_000);
    expect(leaderId(p.store.getState())).toBe(target);
  });

  // In a swarm a manager counts once it has joined Raft, so the two joins finish first.
  it('offers no more managers past nine', async () => {
    const p = await openPage(11, 7, { security: 'mtls' });
    await runTo(p, 20_000);
    expect(canAddManager(p.store.getState())).toBe(true);
    p.actions.addManager();
    p.actions.addManager();
    await settle();
    await runTo(p, 40_000);
    expect(p.store.getState().view!.nodes).toHaveLength(9);
    expect(canAddManager(p.store.getState())).toBe(false);
    p.actions.addManager();
    await settle();
    expect(p.store.getState().error).toMatch(/at most 9 managers/);
  });
});
