// Turns a node's files and tokens into the props of the security views: the certificate (fields,
// leaf PEM, chain up to the root) and a join token checked against a root CA file.
import { describeCertificate, parseCertificate, parseJoinToken, parsePem, rootDigest, tokenMatchesRoot, type CertInfo, type SwarmRole } from '../../../sim/api';
import type { CertificateViewProps } from '../security/CertificateView';
import type { JoinTokenViewProps } from '../security/JoinTokenView';
import type { CertSummary } from '../security/types';

const PEM_BLOCK = /-----BEGIN CERTIFICATE-----[\s\S]*?-----END CERTIFICATE-----/g;

/** A name the way openssl prints it with -nameopt compat off: "CN=x, OU=y, O=z". */
export function formatName(dn: CertInfo['subject']): string {
  return [`CN=${dn.cn}`, ...dn.ou.map((ou) => `OU=${ou}`), ...dn.o.map((o) => `O=${o}`)].join(', ');
}

export function certSummary(c: CertInfo): CertSummary {
  return { subject: formatName(c.subject), issuer: formatName(c.issuer), notBefore: c.notBefore, notAfter: c.notAfter, fingerprint: c.fingerprint, isCA: c.isCA,
    selfSigned: c.authorityKeyId === '' || c.authorityKeyId === c.subjectKeyId };
}

/** The root that signed `last`: the one whose key id it names, else the first trusted root. */
function issuingRoot(last: CertInfo, roots: CertInfo[]): CertInfo | null {
  return roots.find((r) => r.subjectKeyId === last.authorityKeyId) ?? roots[0] ?? null;
}

/**
 * The certificate view of a node: the leaf of its certificate file, the certificates after it
 * (a cross-signed root during a rotation), then the root from its root file. Null without a
 * certificate (a node still joining).
 */
export function certificateLook(certPem: string | undefined, rootPem: string | undefined): Omit<CertificateViewProps, 'title' | 'nowMs'> | null {
  if (!certPem) return null;
  const blocks = parsePem(certPem).filter((b) => b.label === 'CERTIFICATE');
  if (blocks.length === 0) return null;
  const chain = blocks.map((b) => parseCertificate(b.der));
  const roots = rootPem ? parsePem(rootPem).filter((b) => b.label === 'CERTIFICATE').map((b) => parseCertificate(b.der)) : [];
  const last = chain[chain.length - 1];
  const root = last.isCA && last.subjectKeyId === last.authorityKeyId ? null : issuingRoot(last, roots);
  if (root) chain.push(root);
  const leafPem = certPem.match(PEM_BLOCK)?.[0] ?? '';
  return { fields: describeCertificate(blocks[0].der), pem: `${leafPem}\n`, chain: chain.map(certSummary) };
}

/** A join token taken apart and checked against the root CA file a node was shown. */
export function tokenLook(token: string, rootPem: string | null, role: SwarmRole): JoinTokenViewProps {
  let parsed: JoinTokenViewProps['parsed'] = null;
  let error: string | null = null;
  try {
    parsed = parseJoinToken(token);
  } catch (err) {
    error = err instanceof Error ? err.message : String(err);
  }
  return {
    token,
    parsed,
    error,
    caPemDigest: rootPem ? rootDigest(rootPem) : null,
    caMatches: parsed && rootPem ? tokenMatchesRoot(parsed, rootPem) : null,
    role,
  };
}
