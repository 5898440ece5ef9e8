// The simulator's events in plain words, newest first ("node-2 became leader in term 4").
import { useApp } from '../app/instance';
import { formatClock } from '../components/format';
import type { SimEvent } from '../../sim/api';

/** Swarm events: joins, certificates, rotations (their failures count as faults). */
const SWARM_KINDS = new Set(['swarm', 'init', 'join', 'certIssued', 'certRenewed', 'rootUpdated', 'tokenRotated', 'caRotation', 'expiry', 'removed', 'member', 'tls']);
const SWARM_FAULTS = new Set(['joinFailed', 'denied', 'handshake']);

/** A class per kind of event so leaders, faults, proposals and the PKI stand out (the words say it too). */
function eventClass(e: SimEvent): string | undefined {
  if (SWARM_FAULTS.has(e.kind) || e.text.includes('Error response from daemon')) return 'kind-fault';
  if (SWARM_KINDS.has(e.kind)) return 'kind-swarm';
  if (e.kind === 'roleChanged') {
    if (e.text.includes('became leader')) return 'kind-leader';
    if (e.text.includes('candidate')) return 'kind-candidate';
  }
  if (e.kind === 'killed' || e.kind === 'network' || e.kind === 'violation' || e.kind === 'inputLost') return 'kind-fault';
  if (e.kind === 'proposal' || e.kind === 'restarted') return 'kind-client';
  return undefined;
}

export function EventList() {
  const events = useApp((s) => s.events);
  return (
    <ol className="events" aria-label="Events, newest first" aria-live="off">
      {events.map((e, i) => (
        <li key={`${e.t}-${events.length - i}`} className={eventClass(e)}>
          <time>{formatClock(e.t)}</time>
          <span>{e.text}</span>
        </li>
      ))}
    </ol>
  );
}
