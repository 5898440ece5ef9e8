// The page's named actions against a real simulation on InlineHost: what a click does shows in
// the store at once when paused, and the event list says it in words.
import { describe, expect, it } from 'vitest';
import { EVENT_LIST_LIMIT } from '../../src/ui/store/events-slice';
import { leaderId, linkCuts, nodeCard } from '../../src/ui/store/selectors';
import { settle } from './fake-frames';
import { openPage, runTo } from './page-harness';

describe('page actions', () => {
  it('loads a paused run with three managers and no frame loop', async () => {
    const p = await openPage();
    const s = p.store.getState();
    expect(s.phase).toBe('running');
    expect(s.view?.nodes.map((n) => n.id)).toEqual(['node-1', 'node-2', 'node-3']);
    expect(s.playing).toBe(false);
    expect(p.frames.pending).toBe(0);
  });

  it('kills and restarts a node; paused, the change shows at once', async () => {
    const p = await openPage();
    await runTo(p, 40_000);
    const leader = leaderId(p.store.getState())!;
    expect(leader).not.toBeNull();
    p.actions.killNode(leader);
    await settle();
    expect(nodeCard(p.store.getState(), leader)?.role).toBe('down');
    expect(p.store.getState().events[0].text).toBe(`${leader} was killed`);
    p.actions.restartNode(leader);
    await settle();
    expect(nodeCard(p.store.getState(), leader)?.up).toBe(true);
    expect(nodeCard(p.store.getState(), leader)?.incarnation).toBe(1);
  });

  it('cuts and heals one direction of a link', async () => {
    const p = await openPage();
    p.actions.cutLink('node-1', 'node-2', false);
    await settle();
    expect(linkCuts(p.store.getState(), 'node-1', 'node-2')).toEqual({ ab: true, ba: false });
    p.actions.cutLink('node-2', 'node-1', false);
    await settle();
    expect(linkCuts(p.store.getState(), 'node-1', 'node-2')).toEqual({ ab: true, ba: true });
    p.actions.healLink('node-1', 'node-2', true);
    await settle();
    expect(linkCuts(p.store.getState(), 'node-1', 'node-2')).toEqual({ ab: false, ba: false });
  });

  it('proposes numbered values that commit on every node', async () => {
    const p = await openPage();
    await runTo(p, 40_000);
    p.actions.proposeValue();
    p.actions.proposeValue('node-3');
    await settle();
    await runTo(p, 45_000);
    const texts = p.store.getState().events.map((e) => e.text);
    expect(texts.some((t) => /^proposal 1 committed at index \d+$/.test(t))).toBe(true);
    expect(texts.some((t) => /^proposal 2 committed at index \d+$/.test(t))).toBe(true);
    const commits = ['node-1', 'node-2', 'node-3'].map((id) => nodeCard(p.store.getState(), id)!.commit);
    expect(new Set(commits).size).toBe(1);
  });

  it('keeps the event list newest first and bounded', async () => {
    const p = await openPage();
    await runTo(p, 600_000);
    for (let i = 0; i < 60; i++) p.actions.proposeValue();
    await settle();
    await runTo(p, 700_000);
    const events = p.store.getState().events;
    expect(events.length).toBe(EVENT_LIST_LIMIT);
    for (let i = 1; i < events.length; i++) expect(events[i - 1].t).toBeGreaterThanOrEqual(events[i].t);
  });

  it('starts a fresh run for a new seed, size or option, keeping the speed', async () => {
    const p = await openPage();
    p.actions.setSpeed(40);
    p.actions.selectNode('node-2');
    await p.actions.newSeed();
    let s = p.store.getState();
    expect(s.config.seed).toBe(777);
    expect(s.selection).toBeNull();
    expect(s.view?.nowMs).toBe(0);
    expect(s.speed).toBe(40);
    await p.actions.setManagers(5);
    await p.actions.setPreVote(true);
    s = p.store.getState();
    expect(s.view?.nodes).toHaveLength(5);
    expect(s.view?.nodes[0].status?.preVote).toBe(true);
  });

  it('clamps the speed and selects links as sorted pairs', async () => {
    const p = await openPage();
    p.actions.setSpeed(5000);
    expect(p.store.getState().speed).toBe(100);
    p.actions.setSpeed(0.01);
    expect(p.store.getState().speed).toBe(0.1);
    p.actions.selectLink('node-3', 'node-1');
    expect(p.store.getState().selection).toEqual({ kind: 'link', a: 'node-1', b: 'node-3' });
  });
});
