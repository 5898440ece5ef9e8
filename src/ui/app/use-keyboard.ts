// Keyboard shortcuts, mapped onto the same named actions the buttons use:
// Space play/pause, S or . single step, P propose a value, N select the next packet to arrive,
// W join a worker, M join a manager, Escape clear the selection.
import { useEffect } from 'react';
import { actions } from './instance';

const KEYS: Record<string, () => void> = {
  ' ': () => actions.togglePlay(),
  s: () => void actions.stepOnce(),
  S: () => void actions.stepOnce(),
  '.': () => void actions.stepOnce(),
  p: () => actions.proposeValue(),
  P: () => actions.proposeValue(),
  n: () => actions.selectNextPacket(),
  N: () => actions.selectNextPacket(),
  w: () => actions.joinWorker(),
  W: () => actions.joinWorker(),
  m: () => actions.joinManager(),
  M: () => actions.joinManager(),
  Escape: () => actions.clearSelection(),
};

/** Typing in a form field (the speed slider, a select) keeps its own meaning for keys. */
function isFormField(target: EventTarget | null): boolean {
  return target instanceof HTMLElement && target.matches('input, select, textarea, [contenteditable="true"]');
}

export function useKeyboard(): void {
  useEffect(() => {
    const onKey = (ev: KeyboardEvent) => {
      if (ev.ctrlKey || ev.metaKey || ev.altKey || isFormField(ev.target)) return;
      const run = KEYS[ev.key];
      if (!run) return;
      // Space would also press a focused button; the shortcut wins.
      ev.preventDefault();
      run();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
}
