// The certificate view: fingerprint, validity in virtual time, field tree, chain to the root
// (with a cross-signed root during CA rotation) and the PEM with its tools.
import { describe, expect, it } from 'vitest';
import { chainLinks, commonName, isCrossSignedRoot } from '../../../src/ui/views/security/cert-chain';
import { CertificateView, type CertificateViewProps } from '../../../src/ui/views/security/CertificateView';
import type { CertSummary } from '../../../src/ui/views/security/types';
import { render, textOf, textsByClass } from './markup';

const H = 3_600_000;
const D = 24 * H;
const ISSUED = Date.UTC(2026, 7, 30, 3, 39, 0);
const FP_LEAF = 'a1'.repeat(32);
const FP_CROSS = 'b2'.repeat(32);
const FP_ROOT = 'c3'.repeat(32);

const leaf: CertSummary = { subject: 'CN=node1, OU=swarm-manager, O=cluster1', issuer: 'CN=swarm-ca', notBefore: ISSUED - H, notAfter: ISSUED + 90 * D, fingerprint: FP_LEAF, isCA: false };
// The new root, cross-signed by the old one: same subject, issued by a different CA.
const crossSigned: CertSummary = { subject: 'CN=swarm-ca', issuer: 'CN=swarm-ca-old', notBefore: ISSUED - D, notAfter: ISSUED + 365 * D, fingerprint: FP_CROSS, isCA: true };
const oldRoot: CertSummary = { subject: 'CN=swarm-ca-old', issuer: 'CN=swarm-ca-old', notBefore: ISSUED - 400 * D, notAfter: ISSUED + 7000 * D, fingerprint: FP_ROOT, isCA: true };

const PEM = '-----BEGIN CERTIFICATE-----\nMIIBazCCAR+gAwIBAgIU\n-----END CERTIFICATE-----\n';

const props: CertificateViewProps = {
  title: 'node1 certificate',
  fields: [
    { name: 'Serial', value: '3a:7f:00:12' },
    {
      name: 'Extensions',
      value: '',
      children: [
        { name: 'Basic constraints', value: 'critical', children: [{ name: 'CA', value: 'FALSE' }] },
        { name: 'Subject key id', value: '0f1e2d3c4b5a69788796a5b4c3d2e1f0' },
      ],
    },
  ],
  pem: PEM,
  chain: [leaf, crossSigned, oldRoot],
  nowMs: ISSUED + H,
};

describe('CertificateView', () => {
  it('shows the SHA-256 fingerprint as openssl prints it', () => {
    const html = render(CertificateView, props);
    expect(textsByClass(html, 'sec-fingerprint')).toEqual([`SHA-256 fingerprint${'A1:'.repeat(31)}A1`]);
  });

  it('says how long the certificate stays valid in virtual time', () => {
    const text = (nowMs: number) => textOf(render(CertificateView, { ...props, nowMs }));
    expect(text(ISSUED + H)).toContain('validityexpires in 89 d 23 h');
    expect(text(ISSUED + 90 * D + 2 * H)).toContain('validityexpired 2 h ago');
    expect(text(ISSUED - 3 * H)).toContain('validitynot valid for another 2 h');
    expect(text(ISSUED)).toContain('not before2026-08-30 02:39:00 UTCnot after2026-11-28 03:39:00 UTC');
  });

  it('lists every field, folding groups into details and hex into monospace', () => {
    const html = render(CertificateView, props);
    expect(textsByClass(html, 'sec-field-name')).toEqual(['Serial', 'Extensions', 'Basic constraints', 'CA', 'Subject key id']);
    expect(textsByClass(html, 'sec-field-value')).toEqual(['3a:7f:00:12', 'critical', 'FALSE', '0f1e2d3c4b5a69788796a5b4c3d2e1f0']);
    expect(textsByClass(html, 'sec-mono')).toEqual(['3a:7f:00:12', '0f1e2d3c4b5a69788796a5b4c3d2e1f0']);
    // The top-level group starts open, the nested one folded.
    expect(html.match(/<details[^>]*>/g)).toEqual(['<details open="">', '<details>']);
  });

  it('draws the chain leaf, cross-signed intermediate, root in that order', () => {
    const html = render(CertificateView, props);
    expect(textsByClass(html, 'sec-chain-role')).toEqual(['leaf', 'intermediate: cross-signed by the old root', 'root (self-signed)']);
    expect(textsByClass(html, 'sec-chain-subject')).toEqual([leaf.subject, 'CN=swarm-ca', 'CN=swarm-ca-old']);
    expect(textsByClass(html, 'sec-chain-detail')).toEqual([
      'issued by CN=swarm-ca',
      'expires in 89 d 23 h',
      'SHA-256 a1a1a1a1a1a1a1a1…',
      'issued by CN=swarm-ca-old',
      'expires in 364 d 23 h',
      'SHA-256 b2b2b2b2b2b2b2b2…',
      'issued by CN=swarm-ca-old',
      'expires in 6999 d 23 h',
      'SHA-256 c3c3c3c3c3c3c3c3…',
    ]);
    expect(html).toContain(`title="${FP_CROSS}"`);
  });

  it('offers the PEM to copy and download, and the openssl command to read it', () => {
    const html = render(CertificateView, props);
    expect(html).toContain(`<pre aria-label="Certificate in PEM">${PEM}</pre>`);
    expect(textsByClass(html, 'btn')).toEqual(['Copy PEM', 'Download .pem']);
    expect(textOf(html)).toContain('Read it with openssl x509 -noout -text -in cert.pem');
  });

  it('says so when there is no certificate', () => {
    const html = render(CertificateView, { ...props, fields: [], pem: '', chain: [] });
    expect(textsByClass(html, 'hint')[0]).toBe('No certificate to show.');
    expect(html).not.toContain('sec-fingerprint');
  });
});

describe('chain labels', () => {
  it('names the cross-signed root only when its issuer is another CA', () => {
    expect(isCrossSignedRoot(crossSigned)).toBe(true);
    expect(isCrossSignedRoot({ ...crossSigned, issuer: 'CN=swarm-ca' })).toBe(false);
    expect(isCrossSignedRoot({ ...crossSigned, subject: 'swarm-ca', issuer: 'old-root' })).toBe(true);
    // Real swarm roots share CN=swarm-ca: the key identifiers decide.
    const named = { ...crossSigned, subject: 'CN=swarm-ca', issuer: 'CN=swarm-ca' };
    expect(isCrossSignedRoot({ ...named, selfSigned: false })).toBe(true);
    expect(isCrossSignedRoot({ ...named, selfSigned: true })).toBe(false);
    expect(commonName('/CN=swarm-ca/O=x')).toBe('swarm-ca');
    expect(commonName('swarm-ca')).toBe('swarm-ca');
  });

  it('calls a lone CA a root and a lone end-entity a leaf', () => {
    expect(chainLinks([oldRoot]).map((l) => l.label)).toEqual(['root (self-signed)']);
    expect(chainLinks([leaf]).map((l) => l.label)).toEqual(['leaf']);
    expect(chainLinks([leaf, { ...oldRoot, issuer: 'CN=other' }]).map((l) => l.role)).toEqual(['leaf', 'root']);
  });
});
