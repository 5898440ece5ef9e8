// Chain verification as a TLS peer does it: build a path leaf -> intermediates -> trusted root,
// checking names, key identifiers, signatures, CA flags and validity; then the server name.
import { isoUtc } from './asn';
import { PkiError } from './errors';
import { verifyDer } from './keys';
import { cnLabel } from './names';
import { parseCertificate } from './parse';
import type { CertInfo, ChainFailure, ChainResult } from './types';

type Failure = { ok: false; reason: ChainFailure; detail: string };

const MAX_CHAIN_DEPTH = 8;
/** When several paths fail, the most specific reason wins (an unknown issuer is the least). */
const SEVERITY: Record<ChainFailure, number> = {
  'unknown authority': 0, 'not a CA': 1, 'not yet valid': 2, expired: 2, 'bad signature': 3,
  'wrong server name': 4, malformed: 5,
};

function fail(reason: ChainFailure, detail: string): Failure {
  return { ok: false, reason, detail };
}

function worse(a: Failure | null, b: Failure): Failure {
  return a && SEVERITY[a.reason] >= SEVERITY[b.reason] ? a : b;
}

function sameName(a: CertInfo['subject'], b: CertInfo['subject']): boolean {
  return a.cn === b.cn && a.ou.join('\n') === b.ou.join('\n') && a.o.join('\n') === b.o.join('\n');
}

/** Name match, plus key-identifier match when both sides carry one (every swarm root is "swarm-ca"). */
function mayHaveIssued(issuer: CertInfo, cert: CertInfo): boolean {
  if (!sameName(issuer.subject, cert.issuer)) return false;
  return !cert.authorityKeyId || !issuer.subjectKeyId || cert.authorityKeyId === issuer.subjectKeyId;
}

function checkTime(cert: CertInfo, nowMs: number): Failure | null {
  if (nowMs > cert.notAfter) return fail('expired', `certificate ${cnLabel(cert.subject)} expired at ${isoUtc(cert.notAfter)}`);
  if (nowMs < cert.notBefore) {
    return fail('not yet valid', `certificate ${cnLabel(cert.subject)} is not valid until ${isoUtc(cert.notBefore)}`);
  }
  return null;
}

function checkIssuer(issuer: CertInfo, cert: CertInfo, nowMs: number): Failure | null {
  if (!verifyDer(cert.signature, cert.tbs, issuer.publicKey)) {
    return fail('bad signature', `certificate ${cnLabel(cert.subject)} has a bad signature from ${cnLabel(issuer.subject)}`);
  }
  if (!issuer.isCA) return fail('not a CA', `certificate ${cnLabel(issuer.subject)} is not a CA but signed ${cnLabel(cert.subject)}`);
  return checkTime(issuer, nowMs);
}

interface Search { roots: CertInfo[]; pool: CertInfo[]; nowMs: number; best: Failure | null }

/** Depth-first path search; trusted roots are tried before intermediates (OpenSSL's trusted-first). */
function extend(path: CertInfo[], s: Search): CertInfo[] | null {
  const cert = path[path.length - 1];
  for (const root of s.roots.filter((r) => mayHaveIssued(r, cert))) {
    const problem = checkIssuer(root, cert, s.nowMs);
    if (!problem) return [...path, root];
    s.best = worse(s.best, problem);
  }
  if (path.length >= MAX_CHAIN_DEPTH) return null;
  for (const inter of s.pool.filter((c) => !path.includes(c) && mayHaveIssued(c, cert))) {
    const problem = checkIssuer(inter, cert, s.nowMs);
    if (problem) {
      s.best = worse(s.best, problem);
      continue;
    }
    const found = extend([...path, inter], s);
    if (found) return found;
  }
  return null;
}

function parseAll(ders: Uint8Array[]): CertInfo[] | Failure {
  try {
    return ders.map(parseCertificate);
  } catch (err) {
    if (err instanceof PkiError) return fail('malformed', err.message);
    throw err;
  }
}

export function verifyChain(chain: Uint8Array[], roots: Uint8Array[], nowMs: number, opts: { serverName?: string } = {}): ChainResult {
  if (chain.length === 0) return fail('malformed', 'empty certificate chain');
  const certs = parseAll(chain);
  if (!Array.isArray(certs)) return certs;
  const anchors = parseAll(roots);
  if (!Array.isArray(anchors)) return anchors;
  const leaf = certs[0];
  const timeProblem = checkTime(leaf, nowMs);
  if (timeProblem) return timeProblem;
  const search: Search = { roots: anchors, pool: certs.slice(1), nowMs, best: null };
  const path = extend([leaf], search);
  if (!path) {
    const issuer = cnLabel(leaf.issuer);
    return search.best ?? fail('unknown authority', `certificate ${cnLabel(leaf.subject)} signed by unknown authority ${issuer}`);
  }
  const name = opts.serverName;
  if (name !== undefined && !leaf.dnsNames.some((dns) => dns.toLowerCase() === name.toLowerCase())) {
    return fail('wrong server name', `certificate is valid for ${leaf.dnsNames.join(', ')}, not ${name}`);
  }
  return { ok: true, leaf, chain: path };
}
