// A node's credentials live on its disk: after a kill and restart it comes back with the same
// identity (same key, same certificate), reconnects over mTLS and carries on.
import { describe, expect, it } from 'vitest';
import { CERT_FILE, KEY_FILE, ROOT_FILE, STATE_FILE } from '../../../src/engine/index';
import { certsOf, runSwarm, statusOf } from './swarm-helpers';

describe('restart from disk', () => {
  const sim = runSwarm({
    seed: 51,
    options: { managers: 3 },
    actions: [
      { atMs: 20_000, action: { type: 'joinNode', role: 'worker' } },
      { atMs: 30_000, action: { type: 'kill', node: 'node-4' } },
      { atMs: 31_000, action: { type: 'kill', node: 'node-1' } },
      { atMs: 40_000, action: { type: 'restart', node: 'node-4' } },
      { atMs: 41_000, action: { type: 'restart', node: 'node-1' } },
    ],
  }, 90_000);

  it('keeps the swarm state directory on disk: root, certificate, PKCS#8 key, known managers', () => {
    const files = sim.nodeFiles('node-4');
    expect(Object.keys(files).sort()).toEqual([CERT_FILE, KEY_FILE, ROOT_FILE, STATE_FILE].sort());
    expect(files[KEY_FILE]).toMatch(/^-----BEGIN PRIVATE KEY-----\n/);
    expect(JSON.parse(files[STATE_FILE]).managers).toEqual(['node-1', 'node-2', 'node-3']);
  });

  it('comes back as the same node and is ready again; the manager rejoins Raft', () => {
    const before = certsOf(sim, 'node-4')[0];
    expect(statusOf(sim, 'node-4').swarm).toMatchObject({ nodeId: before.subject.cn, phase: 'ready', detail: 'ready' });
    expect(statusOf(sim, 'node-1').raft).toBe(true);
    const leader = sim.leader()!;
    expect(statusOf(sim, 'node-1').lead).toBe(leader);
    expect(statusOf(sim, 'node-1').commit).toBe(statusOf(sim, leader).commit);
    // The restarted process has no connections: peers got a reset and dialled again.
    const fresh = sim.handshakes('node-1').filter((h) => h.startedMs > 41_000 && h.state === 'connected');
    expect(fresh.length).toBeGreaterThan(0);
    expect(sim.violation).toBeNull();
  });
});

describe('connections of a process that is gone', () => {
  it('are forgotten: restarting a worker again and again leaves managers a bounded set of connections', () => {
    const actions = [];
    for (let i = 0; i < 6; i++) {
      actions.push({ atMs: 20_000 + i * 20_000, action: { type: 'restart' as const, node: 'node-4' } });
    }
    const sim = runSwarm({ seed: 52, options: { managers: 3, workers: 1 }, actions }, 150_000);
    for (const m of ['node-1', 'node-2', 'node-3']) {
      // Two other managers both ways, plus at most three from the worker.
      expect(statusOf(sim, m).swarm!.connections).toBeLessThanOrEqual(4 + 3);
    }
    expect(statusOf(sim, 'node-4').swarm?.phase).toBe('ready');
  });
});
