// Where nodes run: one Web Worker each, or all in the page thread. Both give the same run.
import { actions, useApp } from '../app/instance';

export function HostSelect() {
  const host = useApp((s) => s.config.host);
  return (
    <label className="header-group">
      <span className="label">Nodes in</span>
      <select aria-label="Node host" value={host} onChange={(ev) => void actions.setHost(ev.target.value === 'inline' ? 'inline' : 'worker')}>
        <option value="worker">Web Workers</option>
        <option value="inline">page thread</option>
      </select>
    </label>
  );
}
