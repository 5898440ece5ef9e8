import { describe, expect, it } from 'vitest';
import { Rng } from '../../../src/engine/core/prng';
import { createCsr, crossSignRoot, generateKeyPair, issueNodeCertificate, verifyChain } from '../../../src/engine/pki';
import type { ChainResult } from '../../../src/engine/pki';
import { DAY, HOUR, makeLeaf, makeRoot, NOW } from './helpers';

const root = makeRoot(1);
const manager = makeLeaf(root, 'manager', { nodeId: 'mgr1' });
const worker = makeLeaf(root, 'worker', { nodeId: 'wrk1', seed: 8 });

function failure(r: ChainResult) {
  if (r.ok) throw new Error('chain unexpectedly verified');
  return { reason: r.reason, detail: r.detail };
}

describe('verifyChain', () => {
  it('accepts a leaf under its root and returns the path', () => {
    const r = verifyChain([manager.cert], [root.cert], NOW, { serverName: 'swarm-manager' });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.leaf.subject.cn).toBe('mgr1');
    expect(r.chain.map((c) => c.subject.cn)).toEqual(['mgr1', 'swarm-ca']);
  });

  it('finds the right root among several with the same name', () => {
    const r = verifyChain([worker.cert], [makeRoot(2).cert, makeRoot(3).cert, root.cert], NOW);
    expect(r.ok).toBe(true);
  });

  it("reports another swarm's CA as unknown authority", () => {
    expect(failure(verifyChain([manager.cert], [makeRoot(2).cert], NOW))).toEqual({
      reason: 'unknown authority', detail: 'certificate CN=mgr1 signed by unknown authority CN=swarm-ca',
    });
  });

  it('reports expiry and not-yet-valid with the boundary instant', () => {
    expect(failure(verifyChain([manager.cert], [root.cert], NOW + 90 * DAY + 1000))).toEqual({
      reason: 'expired', detail: 'certificate CN=mgr1 expired at 2026-04-01T00:00:00Z',
    });
    expect(verifyChain([manager.cert], [root.cert], NOW + 90 * DAY).ok).toBe(true);
    expect(failure(verifyChain([manager.cert], [root.cert], NOW - HOUR - 1000))).toEqual({
      reason: 'not yet valid', detail: 'certificate CN=mgr1 is not valid until 2025-12-31T23:00:00Z',
    });
  });

  it('reports a tampered signature byte', () => {
    const tampered = manager.cert.slice();
    tampered[tampered.length - 1] ^= 0x01;
    expect(failure(verifyChain([tampered], [root.cert], NOW))).toEqual({
      reason: 'bad signature', detail: 'certificate CN=mgr1 has a bad signature from CN=swarm-ca',
    });
  });

  it('reports a tampered body as a bad signature', () => {
    const tampered = manager.cert.slice();
    const at = Buffer.from(tampered).indexOf('mgr1');
    tampered[at] = 'x'.charCodeAt(0);
    expect(failure(verifyChain([tampered], [root.cert], NOW)).reason).toBe('bad signature');
  });

  it('checks the server name against the DNS SANs', () => {
    expect(verifyChain([manager.cert], [root.cert], NOW, { serverName: 'swarm-ca' }).ok).toBe(true);
    expect(failure(verifyChain([worker.cert], [root.cert], NOW, { serverName: 'swarm-manager' }))).toEqual({
      reason: 'wrong server name', detail: 'certificate is valid for swarm-worker, wrk1, not swarm-manager',
    });
  });

  it('reports malformed DER in the chain and in the roots', () => {
    expect(failure(verifyChain([manager.cert.slice(0, 50)], [root.cert], NOW)).reason).toBe('malformed');
    expect(failure(verifyChain([manager.cert], [Uint8Array.of(1, 2, 3)], NOW)).reason).toBe('malformed');
    expect(failure(verifyChain([], [root.cert], NOW))).toEqual({ reason: 'malformed', detail: 'empty certificate chain' });
  });

  it('refuses a leaf used as an issuer', () => {
    const rng = new Rng(21);
    const key = generateKeyPair(rng);
    const fakeLeaf = issueNodeCertificate({
      csr: createCsr(key), nodeId: 'victim', role: 'worker', clusterId: 'c', signerCert: worker.cert, signerKey: worker.key,
      nowMs: NOW, expiryMs: DAY, rng,
    });
    expect(failure(verifyChain([fakeLeaf, worker.cert], [root.cert], NOW))).toEqual({
      reason: 'not a CA', detail: 'certificate CN=wrk1 is not a CA but signed CN=victim',
    });
  });

  describe('during CA rotation', () => {
    const newRoot = makeRoot(2);
    const cross = crossSignRoot(newRoot.cert, root.cert, root.key, new Rng(3));
    const rng = new Rng(4);
    const leaf = issueNodeCertificate({
      csr: createCsr(generateKeyPair(rng)), nodeId: 'rot1', role: 'worker', clusterId: 'c', signerCert: cross,
      signerKey: newRoot.key, nowMs: NOW, expiryMs: DAY, rng,
    });

    it('verifies leaf + cross-signed root against the old root', () => {
      const r = verifyChain([leaf, cross], [root.cert], NOW);
      expect(r.ok).toBe(true);
      if (r.ok) expect(r.chain.map((c) => c.der)).toEqual([leaf, cross, root.cert]);
    });

    it('verifies the bare leaf against the new root, and not against the old one', () => {
      expect(verifyChain([leaf], [newRoot.cert], NOW).ok).toBe(true);
      expect(failure(verifyChain([leaf], [root.cert], NOW)).reason).toBe('unknown authority');
    });

    it('verifies nodes of both generations against a bundle of both roots', () => {
      expect(verifyChain([leaf], [root.cert, newRoot.cert], NOW).ok).toBe(true);
      expect(verifyChain([manager.cert], [root.cert, newRoot.cert], NOW).ok).toBe(true);
    });

    it('reports an expired intermediate', () => {
      const r = failure(verifyChain([leaf, cross], [root.cert], NOW + 21 * 365 * DAY));
      expect(r.reason).toBe('expired');
    });
  });
});
