// The simulator as a whole: determinism, exact batching, faults, actions, replay and checkers.
import { describe, expect, it } from 'vitest';
import { SafetyViolationError } from '../../src/sim/checkers/types';
import { KvClients } from '../../src/sim/clients/kv-clients';
import { Simulation } from '../../src/sim/kernel/simulation';
import type { TimedAction } from '../../src/sim/scenario/actions';
import { runScenario, runScenarioSync } from '../../src/sim/scenario/run-scenario';
import { AsyncHost, CountingHost, LyingHost, runSync, scenario } from './helpers';

const FAULTS: TimedAction[] = [
  { atMs: 30_000, action: { type: 'propose', value: 'one' } },
  { atMs: 31_000, action: { type: 'cut', from: 'node-1', to: 'node-2', both: false } },
  { atMs: 35_000, action: { type: 'kill', node: 'node-1' } },
  { atMs: 36_000, action: { type: 'setLoss', ratio: 0.1 } },
  { atMs: 50_000, action: { type: 'propose', value: 'two' } },
  { atMs: 60_000, action: { type: 'restart', node: 'node-1' } },
  { atMs: 61_000, action: { type: 'setLatency', latencyMs: 40, jitterMs: 30 } },
  { atMs: 70_000, action: { type: 'healAll' } },
  { atMs: 75_000, action: { type: 'propose', node: 'node-3', value: 'three' } },
];

const faulty = (seed: number, managers = 5) =>
  scenario({ seed, options: { managers, latencyMs: 30, jitterMs: 10, snapshotInterval: 5, snapshotCatchUpEntries: 2 }, actions: FAULTS });

describe('determinism', () => {
  it('the same scenario gives the same trace digest, twice', () => {
    const a = runSync(faulty(11), 120_000);
    const b = runSync(faulty(11), 120_000);
    expect(a.trace().length).toBeGreaterThan(500);
    expect(a.traceDigest()).toMatch(/^[0-9a-f]{64}$/);
    expect(b.traceDigest()).toBe(a.traceDigest());
    expect(b.trace()).toEqual(a.trace());
  });

  it('different seeds give different traces', () => {
    const digests = new Set([1, 2, 3, 4].map((seed) => runSync(faulty(seed), 60_000).traceDigest()));
    expect(digests.size).toBe(4);
  });

  it('batching windows give exactly the run that one event at a time gives', () => {
    const wide = new CountingHost();
    const a = runSync(faulty(21), 120_000, {}, wide);
    const narrow = new CountingHost();
    const b = runSync(faulty(21), 120_000, { lookaheadMs: 1 }, narrow);
    expect(wide.maxInputsPerBatch).toBeGreaterThan(1);
    expect(narrow.batches).toBeGreaterThan(wide.batches);
    expect(a.traceDigest()).toBe(b.traceDigest());
  });

  it('batching is exact with simulated clients as well', () => {
    const clients = (rng: ConstructorParameters<typeof KvClients>[0]) => new KvClients(rng, { clients: 3, stopAtMs: 90_000 });
    const a = runSync(faulty(22, 3), 120_000, { clients });
    const b = runSync(faulty(22, 3), 120_000, { clients, lookaheadMs: 1 });
    expect(a.clients!.history().length).toBeGreaterThan(20);
    expect(b.clients!.history()).toEqual(a.clients!.history());
    expect(a.traceDigest()).toBe(b.traceDigest());
  });

  it('an asynchronous host that clones everything (as workers do) gives the same digest', async () => {
    const inline = runSync(faulty(31), 90_000);
    const sim = new Simulation(faulty(31), new AsyncHost());
    await sim.start();
    await sim.runUntil(90_000);
    expect(sim.traceDigest()).toBe(inline.traceDigest());
    expect(() => sim.runUntilSync(100_000)).toThrow(/synchronous host/);
  });
});

describe('time and ticks', () => {
  it('each node ticks every tickMs at its own fixed phase; a dead node does not tick', () => {
    const host = new CountingHost();
    const sim = runSync(scenario({ seed: 3, actions: [{ atMs: 10_500, action: { type: 'kill', node: 'node-2' } }] }), 20_999, {}, host);
    const view = sim.view();
    const phases = view.nodes.filter((n) => n.up).map((n) => n.nextTickMs! % 1000);
    expect(new Set(phases).size).toBe(2);
    expect(host.ticksPerNode.get('node-1')).toBe(21);
    expect(host.ticksPerNode.get('node-2')).toBeLessThanOrEqual(11);
    expect(view.nodes[1]).toMatchObject({ id: 'node-2', up: false, nextTickMs: null });
    expect(sim.nowMs).toBe(20_999);
  });

  it('stepOnce processes one window and nextEventTimeMs says what comes next', () => {
    const sim = new Simulation(scenario({ seed: 3 }), new CountingHost());
    sim.start();
    const first = sim.nextEventTimeMs()!;
    expect(first).toBeGreaterThan(0);
    expect(first).toBeLessThan(1000);
    sim.stepOnce();
    expect(sim.nowMs).toBe(first);
    expect(sim.nextEventTimeMs()!).toBeGreaterThan(first);
  });
});

describe('faults', () => {
  it('killing the leader gets a new leader, and the old one rejoins from its disk', () => {
    const sim = runSync(scenario({ seed: 5 }), 40_000);
    const old = sim.leader()!;
    expect(old).not.toBeNull();
    const before = sim.finalState().find((n) => n.id === old)!;
    sim.act({ type: 'kill', node: old });
    sim.runUntilSync(80_000);
    const next = sim.leader()!;
    expect(next).not.toBe(old);
    expect(sim.view().nodes.find((n) => n.id === old)!.up).toBe(false);
    sim.act({ type: 'restart', node: old });
    sim.act({ type: 'propose', value: 'after' });
    sim.runUntilSync(120_000);
    const states = sim.finalState();
    const back = states.find((n) => n.id === old)!;
    expect(back.up).toBe(true);
    expect(back.incarnation).toBe(1);
    expect(back.term).toBeGreaterThan(before.term);
    for (const n of states) {
      expect(n.kv).toEqual({ x: 'after' });
      expect(n.applied).toBe(states[0].applied);
    }
  });

  it('the disk outlives a kill and the restarted node recovers exactly what it made durable', () => {
    const sc = scenario({
      seed: 8,
      actions: [
        { atMs: 30_000, action: { type: 'propose', value: 'a' } },
        { atMs: 31_000, action: { type: 'propose', value: 'b' } },
        { atMs: 40_000, action: { type: 'kill', node: 'node-3' } },
        { atMs: 41_000, action: { type: 'propose', value: 'c' } },
        { atMs: 50_000, action: { type: 'restart', node: 'node-3' } },
      ],
    });
    const sim = runSync(sc, 49_000);
    const down = sim.finalState()[2];
    expect(down).toMatchObject({ up: false, role: 'down', kv: { x: 'b' } });
    sim.runUntilSync(52_000);
    const events = sim.view().events.filter((e) => e.node === 'node-3' && e.t >= 50_000).map((e) => e.text);
    expect(events[0]).toMatch(/^node-3 restarted from its disk \(term \d+, log 1\.\.\d+, snapshot at 0\)$/);
    sim.runUntilSync(70_000);
    expect(sim.finalState()[2]).toMatchObject({ up: true, kv: { x: 'c' } });
  });

  it('a cut-off minority cannot elect a leader; after healing everyone agrees', () => {
    const sim = runSync(scenario({ seed: 12, actions: [{ atMs: 30_000, action: { type: 'isolate', node: 'node-3' } }] }), 30_000);
    const leader = sim.leader();
    if (leader === 'node-3') sim.act({ type: 'transferLeader', to: 'node-1' });
    sim.runUntilSync(150_000);
    const lonely = sim.view().nodes[2].status!;
    expect(lonely.role).not.toBe('leader');
    expect(sim.leader()).not.toBe('node-3');
    sim.act({ type: 'healAll' });
    sim.act({ type: 'propose', value: 'healed' });
    sim.runUntilSync(220_000);
    const states = sim.finalState();
    expect(new Set(states.map((s) => s.term)).size).toBe(1);
    expect(new Set(states.map((s) => s.commit)).size).toBe(1);
    for (const s of states) expect(s.kv).toEqual({ x: 'healed' });
  });

  it('messages to a dead node and over a cut link are dropped, and the trace says why', () => {
    const sim = runSync(
      scenario({ seed: 4, actions: [{ atMs: 30_000, action: { type: 'kill', node: 'node-2' } }, { atMs: 30_000, action: { type: 'cut', from: 'node-1', to: 'node-3', both: true } }] }),
      60_000,
    );
    const drops = sim.trace().filter((r) => r.k === 'drop');
    const sends = sim.trace().filter((r) => r.k === 'send' && r.fate === 'cut');
    expect(drops.some((r) => r.k === 'drop' && r.to === 'node-2' && r.reason === 'down')).toBe(true);
    expect(sends.length).toBeGreaterThan(0);
  });
});

describe('actions', () => {
  it('act() appends to the scenario, and replaying that scenario reproduces the live run', () => {
    const live = runSync(scenario({ seed: 77, options: { managers: 5 } }), 25_000);
    live.act({ type: 'propose', value: 'p1' });
    live.runUntilSync(30_000);
    live.act({ type: 'kill', node: live.leader()! });
    live.stepOnce();
    live.stepOnce();
    live.act({ type: 'cut', from: 'node-1', to: 'node-2', both: true });
    live.runUntilSync(60_000);
    live.act({ type: 'propose', node: 'node-4', value: 'p2' });
    live.runUntilSync(90_000);
    expect(live.scenario.actions.map((a) => a.action.type)).toEqual(['propose', 'kill', 'cut', 'propose']);
    const replay = runSync(live.scenario, 90_000);
    expect(replay.traceDigest()).toBe(live.traceDigest());
  });

  it('acting while an asynchronous run is in progress still replays exactly', async () => {
    const sim = new Simulation(scenario({ seed: 15 }), new AsyncHost());
    await sim.start();
    await sim.runUntil(20_000);
    const first = sim.runUntil(40_000);
    sim.act({ type: 'propose', value: 'mid-run' });
    await new Promise((resolve) => setTimeout(resolve, 5));
    sim.act({ type: 'kill', node: 'node-2' });
    await first;
    await sim.runUntil(60_000);
    const at = sim.scenario.actions.map((a) => a.atMs);
    expect(at[0]).toBeGreaterThan(20_000);
    expect(at[1]).toBeGreaterThanOrEqual(at[0]);
    expect(runSync(sim.scenario, 60_000).traceDigest()).toBe(sim.traceDigest());
  });

  it('act() refuses malformed actions and unknown nodes with a clear message', () => {
    const sim = runSync(scenario({ seed: 1 }), 1000);
    expect(() => sim.act({ type: 'kill', node: 'node-7' })).toThrow("action.node: unknown node 'node-7'");
    expect(() => sim.act({ type: 'setLoss', ratio: 2 } as never)).toThrow('action.ratio: Too big: expected number to be <=1');
    expect(sim.scenario.actions).toEqual([]);
  });

  it('proposals are numbered and reported in plain words', () => {
    const sim = runSync(scenario({ seed: 2 }), 30_000);
    const texts: string[] = [];
    sim.onEvent((e) => texts.push(e.text));
    sim.act({ type: 'propose', value: 'hello' });
    sim.act({ type: 'propose', value: 'world' });
    sim.runUntilSync(31_000);
    const leader = sim.leader()!;
    expect(texts).toContain(`proposal 1 (put x=hello) sent to ${leader}`);
    expect(texts.some((t) => /^proposal 1 committed at index \d+$/.test(t))).toBe(true);
    expect(texts.some((t) => /^proposal 2 committed at index \d+$/.test(t))).toBe(true);
    expect(sim.proposalIndex(2)).toBe(sim.proposalIndex(1)! + 1);
  });

  it('leadership moves on request', () => {
    const sim = runSync(scenario({ seed: 9 }), 30_000);
    const target = ['node-1', 'node-2', 'node-3'].find((n) => n !== sim.leader())!;
    sim.act({ type: 'transferLeader', to: target });
    sim.runUntilSync(35_000);
    expect(sim.leader()).toBe(target);
  });

  it('a manager added later catches up; a removed one stops counting', () => {
    const sim = runSync(scenario({ seed: 14, options: { snapshotInterval: 3, snapshotCatchUpEntries: 1 } }), 30_000);
    for (let i = 0; i < 6; i++) sim.act({ type: 'propose', value: `v${i}` });
    sim.runUntilSync(40_000);
    sim.act({ type: 'addManager' });
    sim.runUntilSync(60_000);
    let states = sim.finalState();
    expect(states.map((s) => s.id)).toEqual(['node-1', 'node-2', 'node-3', 'node-4']);
    expect(states[3]).toMatchObject({ up: true, kv: { x: 'v5' }, voters: ['node-1', 'node-2', 'node-3', 'node-4'] });
    expect(states[3].applied).toBe(states[0].applied);
    const victim = ['node-1', 'node-2', 'node-3'].find((n) => n !== sim.leader())!;
    sim.act({ type: 'removeManager', node: victim });
    sim.runUntilSync(80_000);
    states = sim.finalState();
    const leaderState = states.find((s) => s.id === sim.leader())!;
    expect(leaderState.voters).not.toContain(victim);
    expect(leaderState.voters).toHaveLength(3);
  });

  it('setPreVote applies to nodes as they restart', () => {
    const sim = runSync(scenario({ seed: 6 }), 5_000);
    sim.act({ type: 'setPreVote', enabled: true });
    sim.act({ type: 'restart', node: 'node-2' });
    sim.runUntilSync(6_000);
    const nodes = sim.view().nodes;
    expect(nodes.map((n) => n.status!.preVote)).toEqual([false, true, false]);
  });
});

describe('view', () => {
  it('shows nodes, every directed link, and messages in flight with send and receive times', () => {
    const sim = new Simulation(scenario({ seed: 5, options: { latencyMs: 200, jitterMs: 0 } }), new CountingHost());
    sim.start();
    sim.runUntilSync(30_000);
    let v = sim.view();
    expect(v.nodes.map((n) => n.id)).toEqual(['node-1', 'node-2', 'node-3']);
    expect(v.links).toHaveLength(6);
    expect(v.links[0]).toEqual({ from: 'node-1', to: 'node-2', cut: false, latencyMs: 200, jitterMs: 0, loss: 0 });
    for (let i = 0; i < 50 && v.inflight.length === 0; i++) {
      sim.stepOnce();
      v = sim.view();
    }
    const m = v.inflight[0];
    expect(m.recvMs - m.sendMs).toBe(200);
    expect(m.sendMs).toBeLessThanOrEqual(v.nowMs);
    expect(m.recvMs).toBeGreaterThan(v.nowMs);
    expect(['Heartbeat', 'HeartbeatResp', 'AppendEntries', 'AppendResp']).toContain(m.label);
    expect(sim.view()).toBe(v);
    sim.stepOnce();
    expect(sim.view().version).toBeGreaterThan(v.version);
  });

  it('keeps a bounded list of recent events', () => {
    const sim = runSync(scenario({ seed: 5 }), 60_000, { eventLimit: 10 });
    const events = sim.view().events;
    expect(events.length).toBe(10);
    expect(events.at(-1)!.t).toBeLessThanOrEqual(60_000);
  });

  it('traceLimit keeps the newest records while the digest still covers all of them', () => {
    const full = runSync(faulty(40), 60_000);
    const kept = runSync(faulty(40), 60_000, { traceLimit: 100 });
    expect(kept.trace()).toEqual(full.trace().slice(-100));
    expect(kept.traceDigest()).toBe(full.traceDigest());
  });
});

describe('checkers inside a run', () => {
  it('a node that lies about what it applied stops the run with seed, step and checker', () => {
    const sim = new Simulation(scenario({ seed: 3, actions: [{ atMs: 30_000, action: { type: 'propose', value: 'x' } }, { atMs: 30_001, action: { type: 'propose', value: 'y' } }] }), new LyingHost('node-2'));
    sim.start();
    let caught: unknown;
    try {
      sim.runUntilSync(60_000);
    } catch (err) {
      caught = err;
    }
    expect(caught).toBeInstanceOf(SafetyViolationError);
    const v = (caught as SafetyViolationError).violation;
    expect(v).toMatchObject({ checker: 'stateMachineSafety', seed: 3 });
    expect(v.step).toBeGreaterThan(0);
    expect(v.detail).toMatch(/digest deadbeef/);
    expect(sim.violation).toEqual(v);
    expect(() => sim.runUntilSync(70_000)).toThrow(SafetyViolationError);
  });

  it('checkers can be turned off', () => {
    const sim = new Simulation(scenario({ seed: 3, actions: [{ atMs: 30_000, action: { type: 'propose', value: 'x' } }, { atMs: 30_001, action: { type: 'propose', value: 'y' } }] }), new LyingHost('node-2'), { checkers: false });
    sim.start();
    sim.runUntilSync(60_000);
    expect(sim.violation).toBeNull();
  });
});

describe('runScenario', () => {
  it('runs to a time on any host and keeps a violation instead of throwing', async () => {
    const sc = faulty(50, 3);
    const sync = runScenarioSync(sc, { untilMs: 80_000 });
    const viaAsync = await runScenario(sc, { untilMs: 80_000, host: new AsyncHost() });
    expect(viaAsync.nowMs).toBe(80_000);
    expect(viaAsync.traceDigest()).toBe(sync.traceDigest());
    const lied = await runScenario(sc, { untilMs: 80_000, host: new LyingHost('node-1') });
    expect(lied.violation?.checker).toBe('stateMachineSafety');
    expect(lied.nowMs).toBeLessThan(80_000);
  });
});
