// `docker node rm`: refused for managers and for nodes still up; a removed worker's certificate
// (still valid) is refused by every authorized RPC afterwards.
import { describe, expect, it } from 'vitest';
import { eventsMatching, runSwarm } from './swarm-helpers';

describe('removing a node', () => {
  const sim = runSwarm({
    seed: 41,
    options: { managers: 3, workers: 2 },
    actions: [
      { atMs: 30_000, action: { type: 'removeNode', node: 'node-4' } },
      { atMs: 31_000, action: { type: 'removeNode', node: 'node-2' } },
      { atMs: 32_000, action: { type: 'kill', node: 'node-4' } },
      { atMs: 60_000, action: { type: 'removeNode', node: 'node-4' } },
      { atMs: 70_000, action: { type: 'restart', node: 'node-4' } },
      { atMs: 75_000, action: { type: 'removeNode', node: 'node-5', force: true } },
    ],
  }, 100_000);

  it('refuses a worker that is still up without --force, and a manager always', () => {
    const errors = eventsMatching(sim, /^Error response from daemon/).map((e) => e.text);
    expect(errors[0]).toMatch(/^Error response from daemon: rpc error: code = FailedPrecondition desc = node \w{25} is not down and can't be removed$/);
    expect(errors[1]).toMatch(/^Error response from daemon: rpc error: code = FailedPrecondition desc = node \w{25} is a cluster manager and is a member of the raft cluster\. It must be demoted to worker before removal$/);
  });

  it('removes a down worker; when it comes back its valid certificate is refused everywhere', () => {
    expect(eventsMatching(sim, /^node-4 \(\w{25}\) removed from the swarm$/)).toHaveLength(1);
    const denied = eventsMatching(sim, /refused Dispatcher\.Session from node-4: Permission denied: node \w{25} was removed from swarm/);
    expect(denied.length).toBeGreaterThan(0);
    expect(denied[0].t).toBeGreaterThan(70_000);
  });

  it('--force removes a worker that is up, and its next heartbeat is refused', () => {
    expect(eventsMatching(sim, /^node-5 \(\w{25}\) removed from the swarm$/)).toHaveLength(1);
    expect(eventsMatching(sim, /from node-5: Permission denied: node \w{25} was removed from swarm/).length).toBeGreaterThan(0);
  });
});
