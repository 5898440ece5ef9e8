// Joining a swarm end to end over the simulated network: the token pins the CA, the CA assigns the
// node ID and role, a manager joins Raft, and every bad token fails with swarmkit's words.
import { describe, expect, it } from 'vitest';
import { MANAGER_OU, WORKER_OU } from '../../../src/engine/index';
import { certsOf, events, eventsMatching, leaderView, rootOf, runSwarm, statusOf } from './swarm-helpers';

const INVALID = 'rpc error: code = InvalidArgument desc = A valid join token is necessary to join this cluster';

describe('joining a swarm', () => {
  const sim = runSwarm({
    seed: 11,
    options: { managers: 3, workers: 1 },
    actions: [
      { atMs: 30_000, action: { type: 'joinNode', role: 'worker' } },
      { atMs: 31_000, action: { type: 'joinNode', role: 'manager', via: 'node-2' } },
      { atMs: 32_000, action: { type: 'joinNode', role: 'worker', token: 'wrong' } },
      { atMs: 33_000, action: { type: 'joinNode', role: 'worker', token: 'otherSwarm' } },
    ],
  }, 60_000);

  it('starts as a formed swarm: every founding node holds a certificate for its role in one cluster', () => {
    const clusterId = leaderView(sim).clusterId;
    for (const [node, ou] of [['node-1', MANAGER_OU], ['node-2', MANAGER_OU], ['node-3', MANAGER_OU], ['node-4', WORKER_OU]] as const) {
      const [leaf] = certsOf(sim, node);
      expect(leaf.subject.ou).toEqual([ou]);
      expect(leaf.subject.o).toEqual([clusterId]);
      expect(leaf.subject.cn).toMatch(/^[0-9a-z]{25}$/);
      expect(statusOf(sim, node).swarm?.nodeId).toBe(leaf.subject.cn);
    }
    expect(events(sim, 'init')[0]).toMatch(/^node-1: swarm init: root CA CN=swarm-ca/);
  });

  it('a worker joins with the worker token: the CA picks its ID and role, whatever the CSR said', () => {
    const steps = eventsMatching(sim, /^node-5/).map((e) => e.text);
    const via = (sim.swarmStart('node-5') as { via: string }).via;
    expect(steps).toContain(`node-5: root CA from ${via} matches the token's digest (SHA-256 of the PEM, base 36)`);
    const [leaf] = certsOf(sim, 'node-5');
    expect(leaf.subject.ou).toEqual([WORKER_OU]);
    expect(leaf.dnsNames).toEqual([WORKER_OU, leaf.subject.cn]);
    expect(statusOf(sim, 'node-5').swarm?.phase).toBe('ready');
    expect(statusOf(sim, 'node-5').raft).toBe(false);
  });

  it('a manager joins through a follower (proxied to the leader), then joins the Raft members', () => {
    const [leaf] = certsOf(sim, 'node-6');
    expect(leaf.subject.ou).toEqual([MANAGER_OU]);
    expect(leaf.dnsNames).toEqual([MANAGER_OU, leaf.subject.cn, 'swarm-ca']);
    expect(statusOf(sim, sim.leader()!).voters).toContain('node-6');
    expect(statusOf(sim, 'node-6').raft).toBe(true);
    expect(statusOf(sim, 'node-6').lead).toBe(sim.leader());
  });

  it('a wrong secret is refused by the CA with swarmkit\'s message, and the node keeps no certificate', () => {
    expect(events(sim, 'joinFailed')).toContain(`node-7: Error response from daemon: ${INVALID}`);
    expect(certsOf(sim, 'node-7')).toEqual([]);
    expect(statusOf(sim, 'node-7').swarm?.phase).toBe('failed');
  });

  it("another swarm's token fails the digest check 5 times, 2 s apart, then gives up", () => {
    const mismatches = eventsMatching(sim, /^node-8: root CA digest .* is not the token's/);
    expect(mismatches).toHaveLength(5);
    expect(events(sim, 'joinFailed')).toContain('node-8: Error response from daemon: remote CA does not match fingerprint');
    expect(rootOf(sim, 'node-8')).toBeNull();
  });

  it('runs the same twice (same seed, same actions, same trace)', () => {
    const again = runSwarm({ seed: 11, options: { managers: 3, workers: 1 }, actions: [{ atMs: 30_000, action: { type: 'joinNode', role: 'worker' } }] }, 40_000);
    const once = runSwarm({ seed: 11, options: { managers: 3, workers: 1 }, actions: [{ atMs: 30_000, action: { type: 'joinNode', role: 'worker' } }] }, 40_000);
    expect(again.traceDigest()).toBe(once.traceDigest());
    expect(certsOf(again, 'node-5')[0].fingerprint).toBe(certsOf(once, 'node-5')[0].fingerprint);
  });
});

describe('join token rotation', () => {
  const sim = runSwarm({
    seed: 12,
    options: { managers: 3, workers: 1 },
    actions: [
      { atMs: 25_000, action: { type: 'rotateJoinToken', role: 'worker' } },
      { atMs: 26_000, action: { type: 'joinNode', role: 'worker', token: 'rotated' } },
      { atMs: 27_000, action: { type: 'joinNode', role: 'worker' } },
    ],
  }, 60_000);

  it('changes only the secret; the old token stops working at once, the new one works', () => {
    const tokens = events(sim, 'join').filter((t) => t.includes('join --token'));
    const [old, fresh] = tokens.map((t) => t.match(/SWMTKN-1-(\w+)\.\.\./)![1]);
    expect(old).toBe(fresh); // the shown prefix is the digest: unchanged
    expect(events(sim, 'joinFailed')).toContain(`node-5: Error response from daemon: ${INVALID}`);
    expect(certsOf(sim, 'node-6')[0].subject.ou).toEqual([WORKER_OU]);
    expect(leaderView(sim).tokens.worker.slice(0, 60)).toBe(leaderView(sim).tokens.manager.slice(0, 60));
  });

  it('does not disturb nodes already in the swarm', () => {
    expect(statusOf(sim, 'node-4').swarm?.phase).toBe('ready');
    expect(statusOf(sim, 'node-4').swarm?.detail).toBe('ready');
    // The only refusal is the CA turning away the old token.
    expect(events(sim, 'denied')).toEqual([`CA refused a certificate request from node-5: ${INVALID}`]);
  });
});

describe('manager limit', () => {
  it('refuses a tenth manager, in a Raft-only run and while managers are still joining a swarm', () => {
    for (const security of ['none', 'mtls'] as const) {
      const sim = runSwarm({ seed: 13, options: { managers: 8, workers: security === 'mtls' ? 2 : 0, security } }, 1_000);
      sim.act({ type: 'addManager' });
      expect(() => sim.act({ type: 'addManager' })).toThrow(/at most 9 managers/);
      if (security === 'mtls') sim.act({ type: 'joinNode', role: 'worker' });
    }
  });
});
