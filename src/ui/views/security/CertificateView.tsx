// One certificate: its SHA-256 fingerprint, how long it stays valid in virtual time, every field
// decoded from the DER, the chain up to the root, and the PEM to take away.
import { CertChain } from './CertChain';
import { CertFieldTree } from './CertFieldTree';
import { colonHex, formatUtc, validityWords } from './format';
import { PemBlock } from './PemBlock';
import type { CertField, CertSummary } from './types';
import './security.css';

export interface CertificateViewProps {
  title: string;
  fields: CertField[];
  pem: string;
  /** The shown certificate first, then its issuers up to the root. */
  chain: CertSummary[];
  nowMs: number;
}

export function CertificateView({ title, fields, pem, chain, nowMs }: CertificateViewProps) {
  const cert = chain[0];
  return (
    <div className="sec-view">
      <h3>{title}</h3>
      {cert ? <CertHeadline cert={cert} nowMs={nowMs} /> : <p className="hint">No certificate to show.</p>}
      <h4 className="sec-heading">Fields</h4>
      <CertFieldTree fields={fields} />
      <h4 className="sec-heading">Chain to the root</h4>
      <CertChain chain={chain} nowMs={nowMs} />
      <h4 className="sec-heading">PEM</h4>
      <PemBlock pem={pem} />
    </div>
  );
}

function CertHeadline({ cert, nowMs }: { cert: CertSummary; nowMs: number }) {
  const validity = validityWords(cert.notBefore, cert.notAfter, nowMs);
  return (
    <>
      <p className="subtitle">
        {cert.subject}, issued by {cert.issuer}
        {cert.isCA ? ' (a CA)' : ''}
      </p>
      <div className="sec-fingerprint">
        <span className="label">SHA-256 fingerprint</span>
        <code>{colonHex(cert.fingerprint)}</code>
      </div>
      <dl className="kv">
        <dt>validity</dt>
        <dd className={`sec-validity-${validity.status.replace(/ /g, '-')}`}>{validity.words}</dd>
        <dt>not before</dt>
        <dd>{formatUtc(cert.notBefore)}</dd>
        <dt>not after</dt>
        <dd>{formatUtc(cert.notAfter)}</dd>
      </dl>
    </>
  );
}
