// Our DER checked by an independent implementation: OpenSSL in strict X.509 mode.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Rng } from '../../../src/engine/core/prng';
import { createCsr, crossSignRoot, encodePkcs8PrivateKey, generateKeyPair, issueNodeCertificate, toPem } from '../../../src/engine/pki';
import { attime, DAY, makeLeaf, makeRoot, NOW, openssl, pem, removeScratchDirs, requireOpenssl, writeFiles } from './helpers';

beforeAll(requireOpenssl);
afterAll(removeScratchDirs);

const strict = (purpose: string) => ['verify', '-x509_strict', '-purpose', purpose, ...attime(NOW)];

describe('openssl verify', () => {
  const root = makeRoot(1);
  const manager = makeLeaf(root, 'manager', { nodeId: 'mgr1' });
  const worker = makeLeaf(root, 'worker', { nodeId: 'wrk1', seed: 8 });
  let dir = '';
  beforeAll(() => {
    dir = writeFiles({ 'root.pem': pem(root.cert), 'manager.pem': pem(manager.cert), 'worker.pem': pem(worker.cert) });
  });

  it('accepts both certificates as TLS clients', () => {
    for (const leaf of ['manager.pem', 'worker.pem']) {
      const r = openssl(dir, [...strict('sslclient'), '-CAfile', 'root.pem', leaf]);
      expect(r.out.trim()).toBe(`${leaf}: OK`);
      expect(r.status).toBe(0);
    }
  });

  it('accepts the manager as a TLS server named swarm-manager and swarm-ca', () => {
    for (const host of ['swarm-manager', 'swarm-ca', 'mgr1']) {
      const r = openssl(dir, [...strict('sslserver'), '-verify_hostname', host, '-CAfile', 'root.pem', 'manager.pem']);
      expect(r.out.trim()).toBe('manager.pem: OK');
    }
  });

  it('refuses the worker as swarm-manager', () => {
    const r = openssl(dir, [...strict('sslserver'), '-verify_hostname', 'swarm-manager', '-CAfile', 'root.pem', 'worker.pem']);
    expect(r.status).not.toBe(0);
    expect(r.out).toContain('hostname mismatch');
  });

  it('refuses the certificate after it expires and before it starts', () => {
    const late = openssl(dir, ['verify', '-x509_strict', ...attime(NOW + 91 * DAY), '-CAfile', 'root.pem', 'manager.pem']);
    expect(late.out).toContain('certificate has expired');
    const early = openssl(dir, ['verify', '-x509_strict', ...attime(NOW - 2 * 3600_000), '-CAfile', 'root.pem', 'manager.pem']);
    expect(early.out).toContain('certificate is not yet valid');
  });

  it('refuses a certificate from another swarm', () => {
    const other = writeFiles({ 'other.pem': pem(makeRoot(2).cert), 'manager.pem': pem(manager.cert) });
    const r = openssl(other, [...strict('sslclient'), '-CAfile', 'other.pem', 'manager.pem']);
    expect(r.status).not.toBe(0);
  });
});

describe('openssl and CA rotation', () => {
  const oldRoot = makeRoot(1);
  const newRoot = makeRoot(2);
  const cross = crossSignRoot(newRoot.cert, oldRoot.cert, oldRoot.key, new Rng(3));
  const rng = new Rng(4);
  const key = generateKeyPair(rng);
  const leaf = issueNodeCertificate({
    csr: createCsr(key), nodeId: 'rot1', role: 'worker', clusterId: 'c', signerCert: cross, signerKey: newRoot.key,
    nowMs: NOW, expiryMs: DAY, rng,
  });
  const files = { 'old.pem': pem(oldRoot.cert), 'new.pem': pem(newRoot.cert), 'inter.pem': pem(cross), 'leaf.pem': pem(leaf) };

  it('verifies leaf -> cross-signed intermediate -> old root', () => {
    const r = openssl(writeFiles(files), [...strict('sslclient'), '-CAfile', 'old.pem', '-untrusted', 'inter.pem', 'leaf.pem']);
    expect(r.out.trim()).toBe('leaf.pem: OK');
  });

  it('verifies the leaf directly under the new root', () => {
    const r = openssl(writeFiles(files), [...strict('sslclient'), '-CAfile', 'new.pem', 'leaf.pem']);
    expect(r.out.trim()).toBe('leaf.pem: OK');
  });

  it('does not verify under the old root without the intermediate', () => {
    const r = openssl(writeFiles(files), [...strict('sslclient'), '-CAfile', 'old.pem', 'leaf.pem']);
    expect(r.status).not.toBe(0);
  });
});

describe('openssl parses keys, CSRs and certificates', () => {
  const root = makeRoot(1);
  const manager = makeLeaf(root, 'manager', { nodeId: 'mgr1' });
  const dir = writeFiles({
    'key.pem': toPem(encodePkcs8PrivateKey(manager.key), 'PRIVATE KEY'),
    'csr.pem': toPem(createCsr(manager.key), 'CERTIFICATE REQUEST'),
    'manager.pem': pem(manager.cert),
    'root.pem': pem(root.cert),
  });

  it('accepts the PKCS#8 key', () => {
    expect(openssl(dir, ['pkey', '-in', 'key.pem', '-check', '-noout']).out).toContain('Key is valid');
    expect(openssl(dir, ['ec', '-in', 'key.pem', '-check', '-noout']).out).toContain('EC Key valid.');
  });

  it('accepts the CSR signature', () => {
    const r = openssl(dir, ['req', '-in', 'csr.pem', '-verify', '-noout']);
    expect(r.out).toMatch(/verify OK/);
    expect(r.status).toBe(0);
  });

  it('prints the manager certificate fields', () => {
    const r = openssl(dir, ['x509', '-in', 'manager.pem', '-noout', '-text']);
    expect(r.status).toBe(0);
    for (const line of [
      'Signature Algorithm: ecdsa-with-SHA256', 'Issuer: CN = swarm-ca', 'Subject: O = cluster9xyz, OU = swarm-manager, CN = mgr1',
      'Not Before: Dec 31 23:00:00 2025 GMT', 'Not After : Apr  1 00:00:00 2026 GMT', 'NIST CURVE: P-256',
      'X509v3 Key Usage: critical', 'Digital Signature, Key Encipherment',
      'TLS Web Server Authentication, TLS Web Client Authentication', 'X509v3 Basic Constraints: critical',
      'CA:FALSE', 'DNS:swarm-manager, DNS:mgr1, DNS:swarm-ca',
    ]) expect(r.out).toContain(line);
  });

  it('prints the root as a CA with certificate and CRL signing', () => {
    const r = openssl(dir, ['x509', '-in', 'root.pem', '-noout', '-text']);
    for (const line of ['Subject: CN = swarm-ca', 'Certificate Sign, CRL Sign', 'CA:TRUE', 'Not Before: Dec 31 23:55:00 2025 GMT']) {
      expect(r.out).toContain(line);
    }
    expect(r.out).not.toContain('Authority Key Identifier');
  });
});
