// An on/off switch that says its state in words (ON/OFF), not only by colour.
export interface ToggleProps {
  label: string;
  on: boolean;
  onChange: (on: boolean) => void;
  title?: string;
}

export function Toggle({ label, on, onChange, title }: ToggleProps) {
  return (
    <button type="button" className="toggle" aria-pressed={on} aria-label={label} title={title} onClick={() => onChange(!on)}>
      {label}
      <span className="state">{on ? 'ON' : 'OFF'}</span>
    </button>
  );
}
