// What each certificate of a chain is, leaf to root, for the chain list of the certificate view.
import { ROOT_CN, type CertSummary } from './types';

export type ChainRole = 'leaf' | 'intermediate' | 'root';

export interface ChainLink {
  cert: CertSummary;
  role: ChainRole;
  /** Words shown beside the role. */
  label: string;
}

/** The CN of a name given either as a bare CN or as "CN=x, OU=y" / "/CN=x/OU=y". */
export function commonName(name: string): string {
  const m = /(?:^|[,/]\s*)CN=([^,/]+)/.exec(name);
  return m ? m[1].trim() : name;
}

/**
 * During a root rotation swarmkit hands out the new root cross-signed by the old one: an
 * intermediate whose subject is the root CN but whose issuer is another root. Naming it keeps the
 * two same-named CAs apart.
 */
export function isCrossSignedRoot(cert: CertSummary): boolean {
  if (commonName(cert.subject) !== ROOT_CN) return false;
  return cert.selfSigned === undefined ? cert.subject !== cert.issuer : !cert.selfSigned;
}

export function chainLinks(chain: CertSummary[]): ChainLink[] {
  return chain.map((cert, i) => {
    const role = chainRole(chain, i);
    if (role === 'root') return { cert, role, label: cert.subject === cert.issuer ? 'root (self-signed)' : 'root' };
    if (role === 'leaf') return { cert, role, label: 'leaf' };
    return { cert, role, label: isCrossSignedRoot(cert) ? 'intermediate: cross-signed by the old root' : 'intermediate' };
  });
}

function chainRole(chain: CertSummary[], i: number): ChainRole {
  const last = i === chain.length - 1;
  // A lone CA certificate is the root itself, not a leaf.
  if (last && (chain.length > 1 || chain[i].isCA)) return 'root';
  return i === 0 ? 'leaf' : 'intermediate';
}
