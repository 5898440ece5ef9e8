// Link latency for every link; it changes live, as an action of the run.
import { actions, useApp } from '../app/instance';
import { LATENCY_CHOICES } from '../store/session-config';

export function LatencySelect() {
  const latency = useApp((s) => s.config.latencyMs);
  const choices: readonly number[] = LATENCY_CHOICES.includes(latency as 5) ? LATENCY_CHOICES : [...LATENCY_CHOICES, latency].sort((x, y) => x - y);
  return (
    <label className="header-group">
      <span className="label">Latency</span>
      <select aria-label="Link latency" value={latency} onChange={(ev) => actions.setLatency(Number(ev.target.value))}>
        {choices.map((ms) => (
          <option key={ms} value={ms}>
            {ms} ms{ms === 5 ? ' (LAN)' : ''}
          </option>
        ))}
      </select>
    </label>
  );
}
