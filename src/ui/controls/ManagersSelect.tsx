// How many managers the run starts with (3, 5 or 7); changing it restarts the run with the same seed.
import { actions, useApp } from '../app/instance';
import { MANAGER_CHOICES } from '../store/session-config';

export function ManagersSelect() {
  const managers = useApp((s) => s.config.managers);
  const choices: readonly number[] = MANAGER_CHOICES.includes(managers as 3) ? MANAGER_CHOICES : [...MANAGER_CHOICES, managers].sort((x, y) => x - y);
  return (
    <label className="header-group">
      <span className="label">Managers</span>
      <select aria-label="Managers" value={managers} onChange={(ev) => void actions.setManagers(Number(ev.target.value))}>
        {choices.map((n) => (
          <option key={n} value={n}>
            {n}
          </option>
        ))}
      </select>
    </label>
  );
}
