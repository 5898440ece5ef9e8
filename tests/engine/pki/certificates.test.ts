import { createHash, createPrivateKey, createPublicKey, X509Certificate } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { Rng } from '../../../src/engine/core/prng';
import {
  createCsr, crossSignRoot, DEFAULT_NODE_CERT_EXPIRY_MS, encodePkcs8PrivateKey, generateKeyPair, decodePkcs8PrivateKey,
  issueNodeCertificate, parseCertificate, parseCsr, parsePem, PkiError, ROOT_CA_EXPIRY_MS, toPem,
} from '../../../src/engine/pki';
import { DAY, HOUR, makeLeaf, makeRoot, NOW, pem } from './helpers';

const sha1Hex = (bytes: Uint8Array) => createHash('sha1').update(bytes).digest('hex');

describe('root CA (CreateRootCA)', () => {
  const root = makeRoot(1);
  const x = new X509Certificate(pem(root.cert));
  const info = parseCertificate(root.cert);

  it('is a self-signed CN=swarm-ca CA valid 20 years from 5 minutes before now', () => {
    expect(x.subject).toBe('CN=swarm-ca');
    expect(x.issuer).toBe('CN=swarm-ca');
    expect(x.ca).toBe(true);
    expect(Date.parse(x.validFrom)).toBe(NOW - 5 * 60_000);
    expect(Date.parse(x.validTo)).toBe(NOW - 5 * 60_000 + ROOT_CA_EXPIRY_MS);
    expect(x.verify(x.publicKey)).toBe(true);
    expect(x.checkIssued(x)).toBe(true);
  });

  it('parses back with its key, SKI and no AKI', () => {
    expect(info.isCA).toBe(true);
    expect(info.publicKey).toEqual(root.key.publicKey);
    expect(info.subjectKeyId).toBe(sha1Hex(root.key.publicKey));
    expect(info.authorityKeyId).toBe('');
    expect(info.serialHex).toBe(x.serialNumber.toLowerCase().replace(/^0+/, ''));
    expect(info.fingerprint).toBe(x.fingerprint256.replace(/:/g, '').toLowerCase());
    expect(info.dnsNames).toEqual([]);
  });

  it('is deterministic per seed and differs across seeds', () => {
    expect(makeRoot(1).cert).toEqual(root.cert);
    expect(makeRoot(2).cert).not.toEqual(root.cert);
  });
});

describe('node certificates (ParseValidateAndSignCSR)', () => {
  const root = makeRoot(1);
  const rootX = new X509Certificate(pem(root.cert));
  const manager = makeLeaf(root, 'manager', { nodeId: 'mgr0000000000000000000001' });
  const worker = makeLeaf(root, 'worker', { nodeId: 'wrk0000000000000000000001', seed: 8 });

  it('carries the manager identity, SANs, usages and validity', () => {
    const x = new X509Certificate(pem(manager.cert));
    expect(x.subject).toBe('O=cluster9xyz\nOU=swarm-manager\nCN=mgr0000000000000000000001');
    expect(x.issuer).toBe('CN=swarm-ca');
    expect(x.subjectAltName).toBe('DNS:swarm-manager, DNS:mgr0000000000000000000001, DNS:swarm-ca');
    expect(x.keyUsage).toEqual(['1.3.6.1.5.5.7.3.1', '1.3.6.1.5.5.7.3.2']);
    expect(x.ca).toBe(false);
    expect(Date.parse(x.validFrom)).toBe(NOW - HOUR);
    expect(Date.parse(x.validTo)).toBe(NOW + DEFAULT_NODE_CERT_EXPIRY_MS);
    expect(x.verify(rootX.publicKey)).toBe(true);
    expect(x.checkIssued(rootX)).toBe(true);
    expect(x.checkPrivateKey(pkcs8Key(manager.key))).toBe(true);
  });

  it('gives workers no swarm-ca SAN', () => {
    const x = new X509Certificate(pem(worker.cert));
    expect(x.subject).toBe('O=cluster9xyz\nOU=swarm-worker\nCN=wrk0000000000000000000001');
    expect(x.subjectAltName).toBe('DNS:swarm-worker, DNS:wrk0000000000000000000001');
    expect(x.verify(rootX.publicKey)).toBe(true);
  });

  it('parses back into CertInfo', () => {
    const info = parseCertificate(manager.cert);
    expect(info.subject).toEqual({ cn: 'mgr0000000000000000000001', ou: ['swarm-manager'], o: ['cluster9xyz'] });
    expect(info.issuer).toEqual({ cn: 'swarm-ca', ou: [], o: [] });
    expect(info.notBefore).toBe(NOW - HOUR);
    expect(info.notAfter).toBe(NOW + 90 * DAY);
    expect(info.isCA).toBe(false);
    expect(info.dnsNames).toEqual(['swarm-manager', 'mgr0000000000000000000001', 'swarm-ca']);
    expect(info.publicKey).toEqual(manager.key.publicKey);
    expect(info.subjectKeyId).toBe(sha1Hex(manager.key.publicKey));
    expect(info.authorityKeyId).toBe(sha1Hex(root.key.publicKey));
    expect(info.serialHex).toMatch(/^[1-9a-f][0-9a-f]{0,39}$/);
    expect(info.der).toEqual(manager.cert);
  });

  it('starts validity at the rounded minute, as cfssl does', () => {
    const at = NOW + 29_999;
    expect(parseCertificate(makeLeaf(root, 'worker', { nowMs: at }).cert).notBefore).toBe(NOW - HOUR);
    const later = NOW + 30_000;
    expect(parseCertificate(makeLeaf(root, 'worker', { nowMs: later }).cert).notBefore).toBe(NOW + 60_000 - HOUR);
  });

  it('ignores the CSR subject', () => {
    const rng = new Rng(3);
    const key = generateKeyPair(rng);
    const csr = createCsr(key, { cn: 'evil', ou: ['swarm-manager'], o: ['other'] });
    const cert = issueNodeCertificate({
      csr, nodeId: 'honest', role: 'worker', clusterId: 'c1', signerCert: root.cert, signerKey: root.key,
      nowMs: NOW, expiryMs: DAY, rng,
    });
    expect(parseCertificate(cert).subject).toEqual({ cn: 'honest', ou: ['swarm-worker'], o: ['c1'] });
    expect(parseCertificate(cert).notAfter).toBe(NOW + DAY);
  });

  it('turns an expiry under an hour into the 90-day default', () => {
    const short = makeLeaf(root, 'worker', { expiryMs: 30 * 60_000 });
    expect(parseCertificate(short.cert).notAfter).toBe(NOW + 90 * DAY);
    const hour = makeLeaf(root, 'worker', { expiryMs: HOUR });
    expect(parseCertificate(hour.cert).notAfter).toBe(NOW + HOUR);
  });

  it('refuses a CSR whose signature is broken', () => {
    const rng = new Rng(4);
    const csr = createCsr(generateKeyPair(rng));
    csr[csr.length - 1] ^= 0x01;
    expect(parseCsr(csr).signatureValid).toBe(false);
    const issue = () => issueNodeCertificate({
      csr, nodeId: 'n', role: 'worker', clusterId: 'c', signerCert: root.cert, signerKey: root.key, nowMs: NOW, expiryMs: DAY, rng,
    });
    expect(issue).toThrow(PkiError);
    expect(issue).toThrow('bad CSR signature');
  });

  it('refuses a signer key that does not match the signer certificate', () => {
    const other = makeRoot(2);
    expect(() => makeLeaf({ cert: root.cert, key: other.key }, 'worker')).toThrow(PkiError);
  });
});

describe('cross-signed root (CrossSignCACertificate)', () => {
  const oldRoot = makeRoot(1);
  const newRoot = makeRoot(2, NOW + 10 * DAY);
  const cross = crossSignRoot(newRoot.cert, oldRoot.cert, oldRoot.key, new Rng(5));
  const x = new X509Certificate(pem(cross));
  const n = new X509Certificate(pem(newRoot.cert));

  it('keeps the new root subject, key, serial and validity, signed by the old key', () => {
    expect(x.subject).toBe(n.subject);
    expect(x.serialNumber).toBe(n.serialNumber);
    expect(x.validFrom).toBe(n.validFrom);
    expect(x.validTo).toBe(n.validTo);
    expect(x.publicKey.export({ format: 'der', type: 'spki' })).toEqual(n.publicKey.export({ format: 'der', type: 'spki' }));
    expect(x.ca).toBe(true);
    expect(x.verify(new X509Certificate(pem(oldRoot.cert)).publicKey)).toBe(true);
    expect(x.verify(n.publicKey)).toBe(false);
  });

  it('has the new SKI and the old root as AKI', () => {
    const info = parseCertificate(cross);
    expect(info.subjectKeyId).toBe(sha1Hex(newRoot.key.publicKey));
    expect(info.authorityKeyId).toBe(sha1Hex(oldRoot.key.publicKey));
    expect(info.issuer).toEqual({ cn: 'swarm-ca', ou: [], o: [] });
  });
});

describe('keys, CSRs and PEM', () => {
  it('generates a valid P-256 key from the stream, deterministically', () => {
    const kp = generateKeyPair(new Rng(11));
    expect(kp.privateKey).toHaveLength(32);
    expect(kp.publicKey).toHaveLength(65);
    expect(generateKeyPair(new Rng(11))).toEqual(kp);
    const jwk = createPublicKey({ key: Buffer.from(spkiOf(kp)), format: 'der', type: 'spki' }).export({ format: 'jwk' });
    expect(jwk.crv).toBe('P-256');
  });

  it('round-trips PKCS#8 and Node reads it', () => {
    const kp = generateKeyPair(new Rng(12));
    const der = encodePkcs8PrivateKey(kp);
    expect(decodePkcs8PrivateKey(der)).toEqual(kp);
    const jwk = pkcs8Key(kp).export({ format: 'jwk' });
    expect(Buffer.from(jwk.d as string, 'base64url')).toEqual(Buffer.from(kp.privateKey));
  });

  it('reads a CSR back with its key and an empty subject', () => {
    const kp = generateKeyPair(new Rng(13));
    const parsed = parseCsr(createCsr(kp));
    expect(parsed).toEqual({ publicKey: kp.publicKey, subject: { cn: '', ou: [], o: [] }, signatureValid: true });
  });

  it('writes 64-column PEM and reads bundles back', () => {
    const der = makeRoot(1).cert;
    const text = toPem(der, 'CERTIFICATE');
    const lines = text.split('\n');
    expect(lines[0]).toBe('-----BEGIN CERTIFICATE-----');
    expect(text.endsWith('-----END CERTIFICATE-----\n')).toBe(true);
    expect(lines.slice(1, -3).every((l) => l.length === 64)).toBe(true);
    expect(text).toBe(new X509Certificate(Buffer.from(der)).toString());
    const bundle = parsePem(`junk\n${text}${toPem(Uint8Array.of(1, 2, 3), 'PRIVATE KEY')}`);
    expect(bundle.map((b) => b.label)).toEqual(['CERTIFICATE', 'PRIVATE KEY']);
    expect(bundle[0].der).toEqual(der);
    expect(bundle[1].der).toEqual(Uint8Array.of(1, 2, 3));
  });

  it('skips PEM headers such as the raft-dek of swarm-node.key', () => {
    const body = toPem(Uint8Array.of(9, 8, 7, 6), 'PRIVATE KEY').replace('-----\n', '-----\nraft-dek: abc\nkek-version: 3\n\n');
    expect(parsePem(body)[0].der).toEqual(Uint8Array.of(9, 8, 7, 6));
  });

  it('throws PkiError on malformed certificates', () => {
    const der = makeRoot(1).cert;
    expect(() => parseCertificate(der.slice(0, 100))).toThrow(PkiError);
    expect(() => parseCertificate(Uint8Array.of(0x30, 0x03, 1, 2, 3))).toThrow(PkiError);
    expect(() => parseCertificate(new Uint8Array([...der, 0]))).toThrow(PkiError);
  });
});

function spkiOf(kp: { publicKey: Uint8Array }): Uint8Array {
  const prefix = Buffer.from('3059301306072a8648ce3d020106082a8648ce3d030107034200', 'hex');
  return new Uint8Array([...prefix, ...kp.publicKey]);
}

function pkcs8Key(kp: Parameters<typeof encodePkcs8PrivateKey>[0]) {
  return createPrivateKey({ key: Buffer.from(encodePkcs8PrivateKey(kp)), format: 'der', type: 'pkcs8' });
}
