// A follower's election timer as an arc filling towards its randomized timeout. It follows the
// store through a transient subscription and writes the path itself, so the clock moving every
// frame never re-renders React.
import { useEffect, useRef } from 'react';
import { appStore } from '../app/instance';
import type { AppState } from '../store/store';
import { timerArcPath, timerFraction } from './timer-arc';

function fractionFor(s: AppState, id: string): { fraction: number; title: string } {
  const node = s.view?.nodes.find((n) => n.id === id);
  const st = node?.status;
  if (!s.view || !node?.up || !st || node.nextTickMs === null) return { fraction: 0, title: '' };
  const timer = { electionElapsed: st.electionElapsed, randomizedElectionTimeout: st.randomizedElectionTimeout, nextTickMs: node.nextTickMs };
  const fraction = timerFraction(timer, s.view.nowMs, s.tickMs);
  return { fraction, title: `election timer: ${st.electionElapsed} of ${st.randomizedElectionTimeout} ticks` };
}

export function ElectionTimer({ id, radius }: { id: string; radius: number }) {
  const arc = useRef<SVGPathElement>(null);
  const title = useRef<HTMLTitleElement>(null);
  useEffect(() => {
    let last = -1;
    const draw = (s: AppState) => {
      const { fraction, title: text } = fractionFor(s, id);
      if (title.current && title.current.textContent !== text) title.current.textContent = text;
      if (Math.abs(fraction - last) < 0.001 || !arc.current) return;
      last = fraction;
      arc.current.setAttribute('d', timerArcPath(radius, fraction));
    };
    draw(appStore.getState());
    return appStore.subscribe(draw);
  }, [id, radius]);
  return (
    <g className="election-timer">
      <title ref={title} />
      <circle r={radius + 6.5} fill="none" stroke="#2a3550" strokeWidth={5} />
      <path ref={arc} fill="#ffb547" />
    </g>
  );
}
