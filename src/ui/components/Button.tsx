// The page's button: a real <button> with an accessible name and an optional key hint.
import type { ReactNode } from 'react';

export interface ButtonProps {
  label: string;
  children: ReactNode;
  onClick: () => void;
  variant?: 'primary' | 'danger';
  disabled?: boolean;
  shortcut?: string;
}

export function Button({ label, children, onClick, variant, disabled, shortcut }: ButtonProps) {
  return (
    <button
      type="button"
      className={variant ? `btn ${variant}` : 'btn'}
      aria-label={label}
      aria-keyshortcuts={shortcut}
      title={shortcut ? `${label} (${shortcut})` : label}
      disabled={disabled}
      onClick={onClick}
    >
      {children}
      {shortcut && <kbd aria-hidden="true">{shortcut}</kbd>}
    </button>
  );
}
