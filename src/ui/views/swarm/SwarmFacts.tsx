// The swarm rows of a node's Status tab: what its certificate says and where its renewal stands.
import { useShallow } from 'zustand/react/shallow';
import { wallMs } from '../../../sim/api';
import { useApp } from '../../app/instance';
import { formatUtc } from '../security/format';
import { renewsInWords } from '../../components/format';
import type { AppState } from '../../store/store';

function swarmRows(s: AppState, id: string): Record<string, string> | null {
  const sw = s.view?.nodes.find((n) => n.id === id)?.status?.swarm;
  if (!sw) return null;
  const nowMs = s.view?.nowMs ?? 0;
  const hasCert = sw.certRole !== null;
  const renews = sw.renewAtMs === null ? '–' : `${formatUtc(wallMs(sw.renewAtMs))} (${renewsInWords(sw.renewAtMs - nowMs)})`;
  return {
    'node ID': sw.nodeId || '–',
    cluster: sw.clusterId || '–',
    'cert role': sw.certRole ?? 'none yet',
    'valid until': hasCert ? formatUtc(sw.certNotAfter) : '–',
    'renews at': renews,
    phase: sw.detail && sw.detail !== sw.phase ? `${sw.phase}: ${sw.detail}` : sw.phase,
  };
}

export function SwarmFacts({ id }: { id: string }) {
  const rows = useApp(useShallow((s) => swarmRows(s, id)));
  if (!rows) return null;
  return (
    <dl className="kv" aria-label={`Swarm facts of ${id}`}>
      {Object.entries(rows).map(([k, v]) => (
        <div key={k} style={{ display: 'contents' }}>
          <dt>{k}</dt>
          <dd className={k === 'node ID' || k === 'cluster' ? 'mono' : undefined}>{v}</dd>
        </div>
      ))}
    </dl>
  );
}
