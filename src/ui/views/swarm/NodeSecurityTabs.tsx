// The node inspector's security tabs: its certificate (from its certificate and root files), its
// TLS handshakes (newest first; one opens as a ladder), and the join token it used.
import { useMemo } from 'react';
import { CERT_FILE, ROOT_FILE, wallMs, type HandshakeRecord } from '../../../sim/api';
import { actions, useApp } from '../../app/instance';
import { formatClock } from '../../components/format';
import { CertificateView } from '../security/CertificateView';
import { HandshakeView } from '../security/HandshakeView';
import { JoinTokenView } from '../security/JoinTokenView';
import { leaderSwarm } from '../../store/selectors';
import { certificateLook, tokenLook } from './security-props';

/** Certificate validity is shown in days and hours; a minute's precision keeps re-renders rare. */
const VALIDITY_STEP_MS = 60_000;

function useCalendarNow(): number {
  return useApp((s) => wallMs(Math.floor((s.view?.nowMs ?? 0) / VALIDITY_STEP_MS) * VALIDITY_STEP_MS));
}

export function NodeCertificate({ id }: { id: string }) {
  const files = useApp((s) => (s.nodePki?.node === id ? s.nodePki.files : null));
  const nowMs = useCalendarNow();
  const certPem = files?.[CERT_FILE];
  const rootPem = files?.[ROOT_FILE];
  const look = useMemo(() => certificateLook(certPem, rootPem), [certPem, rootPem]);
  if (!files) return null;
  if (!look) return <p className="hint">{id} has no certificate yet.</p>;
  return <CertificateView title={`${id}: swarm-node.crt`} nowMs={nowMs} {...look} />;
}

function peerOf(h: HandshakeRecord): string {
  return h.side === 'client' ? h.server : h.client;
}

export function NodeHandshakes({ id }: { id: string }) {
  const list = useApp((s) => (s.nodePki?.node === id ? s.nodePki.handshakes : null));
  const open = useApp((s) => s.handshake);
  if (!list) return null;
  if (list.length === 0) return <p className="hint">{id} has made no TLS connections yet.</p>;
  const newest = list.slice().reverse();
  const shown = newest.find((h) => h.conn === open) ?? null;
  return (
    <div>
      <ul className="handshake-list" aria-label={`TLS handshakes of ${id}, newest first`}>
        {newest.map((h) => (
          <li key={`${h.conn}:${h.side}`}>
            <button type="button" className={`handshake-item state-${h.state}`} aria-pressed={h.conn === open} onClick={() => actions.selectHandshake(h.conn === open ? null : h.conn)}>
              <span>{formatClock(h.startedMs)}</span>
              <span>
                {h.side === 'client' ? `→ ${peerOf(h)}` : `← ${peerOf(h)}`} ({h.side === 'client' ? 'client' : 'server'})
              </span>
              <strong>{h.state}</strong>
            </button>
          </li>
        ))}
      </ul>
      {shown && <HandshakeView client={shown.client} server={shown.server} steps={shown.steps} secrets={shown.secrets} failure={shown.failure} state={shown.state} peerIdentity={shown.peer} />}
    </div>
  );
}

export function NodeJoinToken({ id }: { id: string }) {
  const pki = useApp((s) => (s.nodePki?.node === id ? s.nodePki : null));
  const tokens = useApp((s) => (s.view?.nodes.find((n) => n.id === id)?.status?.swarm?.leader?.tokens ?? null));
  const certRole = useApp((s) => s.view?.nodes.find((n) => n.id === id)?.status?.swarm?.certRole ?? null);
  const leaderTokens = useApp((s) => leaderSwarm(s)?.tokens ?? null);
  if (!pki) return null;
  const ownRoot = pki.files[ROOT_FILE] ?? null;
  if (tokens) {
    return (
      <>
        <p className="hint">{id} leads the swarm: its join tokens, checked against its own root CA file.</p>
        <JoinTokenView {...tokenLook(tokens.worker, ownRoot, 'worker')} />
        <JoinTokenView {...tokenLook(tokens.manager, ownRoot, 'manager')} />
      </>
    );
  }
  if (pki.start?.start !== 'join') return <p className="hint">{id} was in the swarm from the start: it never used a join token.</p>;
  const { token, via } = pki.start;
  const role = certRole ?? (leaderTokens?.manager === token ? 'manager' : 'worker');
  return (
    <>
      <p className="hint">
        {id} ran <code>docker swarm join --token … {via}:2377</code>; the token is checked against {via}'s root CA file.
      </p>
      <JoinTokenView {...tokenLook(token, pki.viaRoot, role)} />
    </>
  );
}

/** A join token of the leader, opened from the Swarm panel. */
export function TokenInspector({ role }: { role: 'worker' | 'manager' }) {
  const token = useApp((s) => leaderSwarm(s)?.tokens[role] ?? null);
  const root = useApp((s) => s.leaderRoot);
  const look = useMemo(() => (token ? tokenLook(token, root, role) : null), [token, root, role]);
  if (!look) return <p className="hint">No leader: the join tokens live on the leader.</p>;
  return <JoinTokenView {...look} />;
}
