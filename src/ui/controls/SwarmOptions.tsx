// The swarm's options at the start of a run: how many founding workers, and whether the nodes talk
// mTLS (a real swarm with its PKI) or bare Raft. Changing either restarts the run with the same seed.
import { actions, useApp } from '../app/instance';
import { Toggle } from '../components/Toggle';
import { WORKER_CHOICES } from '../store/session-config';

export function SwarmOptions() {
  const workers = useApp((s) => s.config.workers);
  const mtls = useApp((s) => s.config.security === 'mtls');
  const choices: readonly number[] = WORKER_CHOICES.includes(workers as 0) ? WORKER_CHOICES : [...WORKER_CHOICES, workers].sort((x, y) => x - y);
  return (
    <div className="header-group">
      <label className="header-group">
        <span className="label">Workers</span>
        <select aria-label="Workers" value={workers} disabled={!mtls} onChange={(ev) => void actions.setWorkers(Number(ev.target.value))}>
          {choices.map((n) => (
            <option key={n} value={n}>
              {n}
            </option>
          ))}
        </select>
      </label>
      <Toggle
        label="mTLS"
        on={mtls}
        onChange={(on) => void actions.setSecurity(on ? 'mtls' : 'none')}
        title="mTLS: a real swarm (root CA, node certificates, TLS 1.3 with client certificates, Raft inside it). Off: bare Raft between managers. Changing it restarts the run."
      />
    </div>
  );
}
