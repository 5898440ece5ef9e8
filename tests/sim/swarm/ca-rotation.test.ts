// `docker swarm ca --rotate` to completion: leaves are issued through the cross-signed new root,
// the reconciler waits for every node (a down one too), then the old root and both tokens go.
import { describe, expect, it } from 'vitest';
import { parseJoinToken, rootDigest, ROOT_FILE } from '../../../src/engine/index';
import { certsOf, eventsMatching, hex, leaderView, rootOf, runSwarm, statusOf } from './swarm-helpers';

const NODES = ['node-1', 'node-2', 'node-3', 'node-4', 'node-5'];

describe('root CA rotation', () => {
  const before = runSwarm({ seed: 21, options: { managers: 3, workers: 2 } }, 25_000);
  const oldRoot = rootOf(before, 'node-1')!;
  const oldTokens = leaderView(before).tokens;
  const sim = runSwarm({
    seed: 21,
    options: { managers: 3, workers: 2 },
    actions: [
      { atMs: 29_000, action: { type: 'kill', node: 'node-5' } },
      { atMs: 30_000, action: { type: 'rotateCA' } },
      { atMs: 60_000, action: { type: 'restart', node: 'node-5' } },
      { atMs: 100_000, action: { type: 'joinNode', role: 'worker', token: 'rotated' } },
    ],
  }, 130_000);

  it('waits for the node that was down, then finishes', () => {
    const done = eventsMatching(sim, /^CA rotation complete/);
    expect(done).toHaveLength(1);
    const node5Renewed = eventsMatching(sim, /^node-5: new certificate/)[0];
    expect(node5Renewed.t).toBeGreaterThan(60_000);
    expect(done[0].t).toBeGreaterThan(node5Renewed.t);
    // Progress was reported while it ran.
    expect(eventsMatching(sim, /^rotated TLS certificates 0\/5/).length).toBeGreaterThan(0);
  });

  it('leaves every node with a certificate from the new key and trusting only the new root', () => {
    const newRoot = rootOf(sim, 'node-1')!;
    expect(hex(newRoot.publicKey)).not.toBe(hex(oldRoot.publicKey));
    expect(newRoot.subject.cn).toBe('swarm-ca');
    for (const node of NODES) {
      const chain = certsOf(sim, node);
      // Issued during the rotation: [leaf][new root cross-signed by the old root].
      expect(chain).toHaveLength(2);
      expect(chain[1].issuer.cn).toBe('swarm-ca');
      expect(chain[1].authorityKeyId).toBe(oldRoot.subjectKeyId);
      expect(hex(chain[1].publicKey)).toBe(hex(newRoot.publicKey));
      expect(chain[0].authorityKeyId).toBe(newRoot.subjectKeyId);
      expect(rootOf(sim, node)!.fingerprint).toBe(newRoot.fingerprint);
      expect(statusOf(sim, node).swarm?.issuerKey).toBe(hex(newRoot.publicKey));
    }
  });

  it('regenerates both join tokens: new digest (of the new root), new secrets', () => {
    const tokens = leaderView(sim).tokens;
    const rootPem = sim.nodeFiles(sim.leader()!)[ROOT_FILE];
    for (const role of ['worker', 'manager'] as const) {
      expect(tokens[role]).not.toBe(oldTokens[role]);
      expect(parseJoinToken(tokens[role]).digest).toBe(rootDigest(rootPem));
      expect(parseJoinToken(oldTokens[role]).digest).not.toBe(rootDigest(rootPem));
    }
    expect(leaderView(sim).rotation).toBeNull();
  });

  it('refuses the old token: its digest pins the old root', () => {
    expect(eventsMatching(sim, /^node-6: Error response from daemon: remote CA does not match fingerprint$/)).toHaveLength(1);
  });

  it('keeps Raft going through it (one leader, everyone on the same term)', () => {
    const terms = ['node-1', 'node-2', 'node-3'].map((n) => statusOf(sim, n).term);
    expect(new Set(terms).size).toBe(1);
    expect(sim.violation).toBeNull();
  });
});
