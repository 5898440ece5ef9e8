// The chain from the shown certificate up to the root, one card per certificate, top to bottom.
import { chainLinks } from './cert-chain';
import { truncateHex, validityWords } from './format';
import type { CertSummary } from './types';
import './security.css';

export function CertChain({ chain, nowMs }: { chain: CertSummary[]; nowMs: number }) {
  if (chain.length === 0) return <p className="hint">No chain to show.</p>;
  return (
    <ol className="sec-chain" aria-label="Certificate chain, leaf to root">
      {chainLinks(chain).map(({ cert, role, label }, i) => {
        const validity = validityWords(cert.notBefore, cert.notAfter, nowMs);
        return (
          <li key={`${i}:${cert.fingerprint}`} className={`sec-chain-item sec-chain-${role}`}>
            <span className="sec-chain-role">{label}</span>
            <span className="sec-chain-subject">{cert.subject}</span>
            <span className="sec-chain-detail">issued by {cert.issuer}</span>
            <span className={`sec-chain-detail sec-validity-${validity.status.replace(/ /g, '-')}`}>{validity.words}</span>
            <code className="sec-chain-detail" title={cert.fingerprint}>
              SHA-256 {truncateHex(cert.fingerprint, 16)}
            </code>
          </li>
        );
      })}
    </ol>
  );
}
