// The virtual clock. It changes every frame while playing, so it writes its own text from a
// transient store subscription instead of re-rendering.
import { useEffect, useRef } from 'react';
import { appStore } from '../app/instance';
import { formatClock } from '../components/format';

export function VirtualClock() {
  const text = useRef<HTMLSpanElement>(null);
  useEffect(() => {
    let last = '';
    const show = (nowMs: number) => {
      const value = formatClock(nowMs);
      if (value === last || !text.current) return;
      last = value;
      text.current.textContent = value;
    };
    show(appStore.getState().view?.nowMs ?? 0);
    return appStore.subscribe((s) => show(s.view?.nowMs ?? 0));
  }, []);
  return (
    <div className="clock" role="timer" aria-label="Virtual time">
      <span ref={text}>0:00.0</span>
      <small>virtual time (1 tick = 1 s)</small>
    </div>
  );
}
