// A join token taken apart: its four parts marked in place and listed with what each is for, and
// the digest check that decides whether a joining node trusts the CA a manager showed it.
import { Fragment } from 'react';
import { diffRuns, digestVerdict, roleWords, tokenParts, VERDICT_WORDS, type TokenPart } from './join-token-parts';
import type { ParsedJoinToken, SwarmRole } from './types';
import './security.css';

export interface JoinTokenViewProps {
  token: string;
  parsed: ParsedJoinToken | null;
  error: string | null;
  /** Base-36 SHA-256 of the CA PEM the node was shown, null before it fetched one. */
  caPemDigest: string | null;
  caMatches: boolean | null;
  role: SwarmRole;
}

export function JoinTokenView({ token, parsed, error, caPemDigest, caMatches, role }: JoinTokenViewProps) {
  const parts = parsed ? tokenParts(token, parsed) : null;
  return (
    <div className="sec-view">
      <h3>{role === 'manager' ? 'Manager' : 'Worker'} join token</h3>
      <p className="subtitle">
        {roleWords(role)}; {token.length} characters
      </p>
      {parts ? <MarkedToken parts={parts} /> : <code className="sec-token">{token}</code>}
      {!parsed && <p className="sec-fail">The token did not parse: {error ?? 'unknown error'}</p>}
      {parts && <PartsTable parts={parts} />}
      <h4 className="sec-heading">CA digest check</h4>
      <DigestCheck parsed={parsed} caPemDigest={caPemDigest} caMatches={caMatches} />
    </div>
  );
}

function MarkedToken({ parts }: { parts: TokenPart[] }) {
  return (
    <code className="sec-token" aria-label="Join token, part by part">
      {parts.map((p, i) => (
        <Fragment key={p.key}>
          {i > 0 && <span className="sec-token-dash">-</span>}
          <span className={`sec-part sec-part-${p.key}`} title={p.key}>
            {p.value}
          </span>
        </Fragment>
      ))}
    </code>
  );
}

function PartsTable({ parts }: { parts: TokenPart[] }) {
  return (
    <table className="sec-table">
      <thead>
        <tr>
          <th scope="col">part</th>
          <th scope="col">value</th>
          <th scope="col">length</th>
          <th scope="col">meaning</th>
        </tr>
      </thead>
      <tbody>
        {parts.map((p) => (
          <tr key={p.key}>
            <th scope="row">
              <span className={`sec-part sec-part-${p.key}`}>{p.key}</span>
            </th>
            <td className="sec-mono sec-break">{p.value}</td>
            <td className="sec-num">{p.value.length}</td>
            <td>{p.meaning}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

interface DigestCheckProps {
  parsed: ParsedJoinToken | null;
  caPemDigest: string | null;
  caMatches: boolean | null;
}

function DigestCheck({ parsed, caPemDigest, caMatches }: DigestCheckProps) {
  const verdict = digestVerdict(parsed, caPemDigest, caMatches);
  return (
    <>
      <dl className="sec-stack">
        <dt>digest in token</dt>
        <dd className="sec-mono sec-break">{parsed ? parsed.digest : '–'}</dd>
        <dt>digest of the CA this node was shown</dt>
        <dd className="sec-mono sec-break">{caPemDigest === null ? 'no CA fetched yet' : <ShownDigest shown={caPemDigest} expected={parsed?.digest} />}</dd>
      </dl>
      <p className={`sec-verdict sec-verdict-${verdict}`}>
        <span aria-hidden="true">{verdict === 'match' ? '✓ ' : verdict === 'mismatch' ? '✗ ' : '… '}</span>
        {VERDICT_WORDS[verdict]}
      </p>
    </>
  );
}

/** Characters that differ from the token's digest are marked, so a mismatch shows where. */
function ShownDigest({ shown, expected }: { shown: string; expected: string | undefined }) {
  if (expected === undefined || shown === expected) return <>{shown}</>;
  return (
    <>
      {diffRuns(shown, expected).map((r, i) => (r.same ? <Fragment key={i}>{r.text}</Fragment> : <mark key={i}>{r.text}</mark>))}
    </>
  );
}
