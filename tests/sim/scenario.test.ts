import { describe, expect, it } from 'vitest';
import { defaultScenario, parseScenario } from '../../src/sim/scenario/scenario';

function error(json: unknown): string {
  const r = parseScenario(json);
  if (r.ok) throw new Error('expected a parse error');
  return r.error;
}

describe('parseScenario', () => {
  it('fills in swarmkit defaults', () => {
    const r = parseScenario({ version: 1, seed: 7 });
    expect(r).toEqual({
      ok: true,
      scenario: {
        version: 1,
        seed: 7,
        options: {
          managers: 3, tickMs: 1000, electionTick: 10, heartbeatTick: 1, checkQuorum: true, preVote: false,
          snapshotInterval: 10000, snapshotCatchUpEntries: 500, latencyMs: 5, jitterMs: 2, loss: 0,
          workers: 0, security: 'mtls', certExpiryHours: 2160,
        },
        actions: [],
      },
    });
  });

  it('accepts every action type and fills in defaults', () => {
    const actions = [
      { type: 'kill', node: 'node-1' }, { type: 'restart', node: 'node-1' }, { type: 'cut', from: 'node-1', to: 'node-2' },
      { type: 'heal', from: 'node-1', to: 'node-2', both: false }, { type: 'isolate', node: 'node-3' }, { type: 'healAll' },
      { type: 'propose', value: 'v' }, { type: 'propose', node: 'node-2', value: 'w' }, { type: 'setLoss', ratio: 0.1 },
      { type: 'setLatency', latencyMs: 50, jitterMs: 5 }, { type: 'transferLeader', to: 'node-2' }, { type: 'addManager' },
      { type: 'removeManager', node: 'node-4' }, { type: 'setPreVote', enabled: true },
    ].map((action, i) => ({ atMs: i * 100, action }));
    const r = parseScenario({ version: 1, seed: 1, actions });
    expect(r.ok).toBe(true);
    if (r.ok) expect(r.scenario.actions[2].action).toEqual({ type: 'cut', from: 'node-1', to: 'node-2', both: true });
  });

  it('names the exact place and reason of each error', () => {
    expect(error('nope')).toBe('scenario: Invalid input: expected object, received string');
    expect(error({ version: 1 })).toBe('seed: is required');
    expect(error({ version: 2, seed: 1 })).toBe('version: Invalid input: expected 1');
    expect(error({ version: 1, seed: -1 })).toBe('seed: Too small: expected number to be >=0');
    expect(error({ version: 1, seed: 1, options: { managers: 12 } })).toBe('options.managers: Too big: expected number to be <=9');
    expect(error({ version: 1, seed: 1, options: { manager: 3 } })).toBe('options: Unrecognized key: "manager"');
    expect(error({ version: 1, seed: 1, options: { heartbeatTick: 10 } })).toBe('options.heartbeatTick: heartbeatTick must be smaller than electionTick');
    expect(error({ version: 1, seed: 1, actions: [{ atMs: 0, action: { type: 'explode' } }] })).toBe(
      "actions[0].action.type: Invalid discriminator value. Expected 'kill' | 'restart' | 'cut' | 'heal' | 'isolate' | 'healAll' | 'propose' | 'setLoss' | 'setLatency' | 'transferLeader' | 'addManager' | 'removeManager' | 'setPreVote' | 'joinNode' | 'rotateJoinToken' | 'rotateCA' | 'setCertExpiry' | 'removeNode'",
    );
    expect(error({ version: 1, seed: 1, actions: [{ atMs: 0, action: { type: 'kill', node: 'leader' } }] })).toBe(
      "actions[0].action.node: expected a node name like 'node-1'",
    );
    expect(error({ version: 1, seed: 1, actions: [{ atMs: 1.5, action: { type: 'healAll' } }] })).toBe(
      'actions[0].atMs: Invalid input: expected int, received number',
    );
  });

  it('refuses actions on nodes that do not exist at that point of the run', () => {
    const actions = [
      { atMs: 0, action: { type: 'kill', node: 'node-1' } },
      { atMs: 10, action: { type: 'propose', value: 'v' } },
      { atMs: 20, action: { type: 'kill', node: 'node-9' } },
    ];
    expect(error({ version: 1, seed: 1, actions })).toBe("actions[2].action.node: unknown node 'node-9'");
    expect(error({ version: 1, seed: 1, actions: [{ atMs: 0, action: { type: 'cut', from: 'node-1', to: 'node-4' } }] })).toBe(
      "actions[0].action.to: unknown node 'node-4'",
    );
  });

  it('knows the names addManager creates, and the limit of nine managers', () => {
    const grow = [{ atMs: 0, action: { type: 'addManager' } }, { atMs: 1, action: { type: 'kill', node: 'node-4' } }];
    expect(parseScenario({ version: 1, seed: 1, actions: grow }).ok).toBe(true);
    const tooMany = Array.from({ length: 2 }, (_, i) => ({ atMs: i, action: { type: 'addManager' } }));
    expect(error({ version: 1, seed: 1, options: { managers: 8 }, actions: tooMany })).toBe('actions[1].action: at most 9 managers');
  });

  it('refuses actions out of time order and links from a node to itself', () => {
    const late = [{ atMs: 200, action: { type: 'healAll' } }, { atMs: 100, action: { type: 'healAll' } }];
    expect(error({ version: 1, seed: 1, actions: late })).toBe('actions[1].atMs: 100 is before the previous action (200); actions must be in time order');
    expect(error({ version: 1, seed: 1, actions: [{ atMs: 0, action: { type: 'cut', from: 'node-2', to: 'node-2' } }] })).toBe(
      "actions[0].action.to: a link needs two different nodes (both are 'node-2')",
    );
  });

  it('defaultScenario builds a valid scenario with options', () => {
    const s = defaultScenario(5, { managers: 5, preVote: true });
    expect(s.options.managers).toBe(5);
    expect(s.options.preVote).toBe(true);
    expect(parseScenario(JSON.parse(JSON.stringify(s)))).toEqual({ ok: true, scenario: s });
  });
});
