import { createHash, X509Certificate } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { describeCertificate, PkiError } from '../../../src/engine/pki';
import type { CertField } from '../../../src/engine/pki';
import { makeLeaf, makeRoot, pem } from './helpers';

const root = makeRoot(1);
const manager = makeLeaf(root, 'manager', { nodeId: 'mgr1' });
const byName = (fields: CertField[], name: string) => {
  const f = fields.find((x) => x.name === name);
  if (!f) throw new Error(`no field ${name}`);
  return f;
};

describe('describeCertificate', () => {
  const fields = describeCertificate(manager.cert);
  const x = new X509Certificate(pem(manager.cert));

  it('lists the top-level fields in certificate order', () => {
    expect(fields.map((f) => f.name)).toEqual([
      'Version', 'Serial Number', 'Signature Algorithm', 'Issuer', 'Validity', 'Subject', 'Subject Public Key Info',
      'Extensions', 'Signature', 'SHA-256 Fingerprint',
    ]);
    expect(byName(fields, 'Version').value).toBe('3 (0x2)');
    expect(byName(fields, 'Serial Number').value.replace(/:/g, '')).toBe(x.serialNumber.toLowerCase());
    expect(byName(fields, 'Signature Algorithm').value).toBe('ecdsa-with-SHA256');
    expect(byName(fields, 'Issuer').value).toBe('CN=swarm-ca');
    expect(byName(fields, 'Subject').value).toBe('O=cluster9xyz, OU=swarm-manager, CN=mgr1');
    expect(byName(fields, 'SHA-256 Fingerprint').value).toBe(x.fingerprint256);
  });

  it('decodes validity and the public key', () => {
    expect(byName(fields, 'Validity').children).toEqual([
      { name: 'Not Before', value: '2025-12-31T23:00:00Z' },
      { name: 'Not After', value: '2026-04-01T00:00:00Z' },
    ]);
    const spki = byName(fields, 'Subject Public Key Info').children ?? [];
    expect(spki).toEqual([
      { name: 'Algorithm', value: 'id-ecPublicKey' },
      { name: 'Curve', value: 'P-256 (prime256v1)' },
      { name: 'Public Key', value: Buffer.from(manager.key.publicKey).toString('hex') },
    ]);
  });

  it('decodes every extension with its criticality', () => {
    const sha1 = (b: Uint8Array) => createHash('sha1').update(b).digest('hex').toUpperCase().match(/../g)?.join(':');
    const exts = (byName(fields, 'Extensions').children ?? []).map((e) => [e.name, e.value, e.children?.[0].value]);
    expect(exts).toEqual([
      ['Key Usage', 'Digital Signature, Key Encipherment', 'yes'],
      ['Extended Key Usage', 'TLS Web Server Authentication, TLS Web Client Authentication', 'no'],
      ['Basic Constraints', 'CA:FALSE', 'yes'],
      ['Subject Key Identifier', sha1(manager.key.publicKey), 'no'],
      ['Authority Key Identifier', sha1(root.key.publicKey), 'no'],
      ['Subject Alternative Name', 'DNS:swarm-manager, DNS:mgr1, DNS:swarm-ca', 'no'],
    ]);
  });

  it('shows the root as a CA that signs certificates and CRLs', () => {
    const exts = (byName(describeCertificate(root.cert), 'Extensions').children ?? []).map((e) => [e.name, e.value]);
    expect(exts.slice(0, 2)).toEqual([['Key Usage', 'Certificate Sign, CRL Sign'], ['Basic Constraints', 'CA:TRUE']]);
  });

  it('shows the signature', () => {
    const sig = byName(fields, 'Signature').children ?? [];
    expect(sig[0]).toEqual({ name: 'Algorithm', value: 'ecdsa-with-SHA256' });
    expect(sig[1].value).toMatch(/^30[0-9a-f]{136,142}$/);
  });

  it('throws PkiError on malformed input', () => {
    expect(() => describeCertificate(manager.cert.slice(0, 40))).toThrow(PkiError);
  });
});
