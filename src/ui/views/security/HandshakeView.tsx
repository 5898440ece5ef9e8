// One TLS 1.3 connection between two nodes: the messages as a ladder, what failed and who noticed,
// the peer identity its certificate proved, and the key schedule.
import { detectorLine, failureLine, ladderRows, otherSide, recordingSide, type Side } from './handshake-ladder';
import { HandshakeLadder } from './HandshakeLadder';
import { SecretsTable } from './SecretsTable';
import type { HandshakeStep, PeerIdentity, TlsFailure, TlsSecrets } from './types';
import './security.css';

export interface HandshakeViewProps {
  client: string;
  server: string;
  steps: HandshakeStep[];
  secrets: TlsSecrets | null;
  failure: TlsFailure | null;
  state: string;
  peerIdentity: PeerIdentity | null;
}

export function HandshakeView({ client, server, steps, secrets, failure, state, peerIdentity }: HandshakeViewProps) {
  const names: Record<Side, string> = { client, server };
  const own = recordingSide(steps);
  const rows = ladderRows(steps, failure);
  return (
    <div className="sec-view">
      <h3>
        TLS {client} → {server}
      </h3>
      <p className="subtitle">
        state: <strong>{state}</strong>; messages as {names[own]} (the {own}) saw them
      </p>
      {failure && (
        <div className="sec-failure">
          <p className="sec-fail">{failureLine(failure)}</p>
          <p className="hint">{detectorLine(failure, own, names)}</p>
        </div>
      )}
      {/* Remount when a failure arrives so the failed message opens. */}
      {steps.length > 0 ? <HandshakeLadder key={failure?.step ?? ''} rows={rows} names={names} own={own} failure={failure} /> : <p className="hint">No handshake messages yet.</p>}
      {state === 'connected' && peerIdentity && <PeerFacts name={names[otherSide(own)]} identity={peerIdentity} />}
      <h4 className="sec-heading">Key schedule</h4>
      <SecretsTable secrets={secrets} />
    </div>
  );
}

function PeerFacts({ name, identity }: { name: string; identity: PeerIdentity }) {
  return (
    <>
      <h4 className="sec-heading">Verified peer identity of {name}</h4>
      <dl className="kv">
        <dt>CN (node ID)</dt>
        <dd className="sec-mono">{identity.cn}</dd>
        <dt>OU (role)</dt>
        <dd>{identity.ou}</dd>
        <dt>O (cluster ID)</dt>
        <dd className="sec-mono">{identity.o}</dd>
      </dl>
    </>
  );
}
