// The link between two managers: two directed lanes side by side, clickable as one. A cut lane is
// red and dashed with an X on it and an arrowhead saying which direction is cut.
import type { KeyboardEvent } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { actions, useApp } from '../app/instance';
import { isSelectedLink, linkActive, linkCuts } from '../store/selectors';
import { laneOf, midpoint, type Lane } from './link-geometry';
import { CutArrow, CutCross, LANE_CUT } from './CutMarks';
import type { RingLayout } from './ring-layout';

const LANE_OK = '#3b4a6b';
const LANE_SELECTED = '#9cc8ff';

export function linkAriaLabel(a: string, b: string, ab: boolean, ba: boolean): string {
  if (ab && ba) return `link ${a} – ${b}, cut both ways`;
  if (ab) return `link ${a} – ${b}, ${a} to ${b} cut`;
  if (ba) return `link ${a} – ${b}, ${b} to ${a} cut`;
  return `link ${a} – ${b}, connected`;
}

/** `faint`: a worker's link to a manager, drawn lighter so the managers' Raft links stand out. */
export function LinkPair({ a, b, layout, faint = false }: { a: string; b: string; layout: RingLayout; faint?: boolean }) {
  const cuts = useApp(useShallow((s) => linkCuts(s, a, b)));
  const selected = useApp((s) => isSelectedLink(s, a, b));
  const live = useApp((s) => linkActive(s, a, b));
  const ab = laneOf(layout, a, b);
  const ba = laneOf(layout, b, a);
  if (!ab || !ba) return null;
  const onKey = (ev: KeyboardEvent) => {
    if (ev.key !== 'Enter') return;
    ev.preventDefault();
    actions.selectLink(a, b);
  };
  return (
    <g
      className="link-hit"
      role="button"
      tabIndex={0}
      aria-label={linkAriaLabel(a, b, cuts.ab, cuts.ba)}
      aria-pressed={selected}
      opacity={selected ? 1 : (live ? 1 : 0.45) * (faint ? 0.5 : 1)}
      onClick={() => actions.selectLink(a, b)}
      onKeyDown={onKey}
    >
      <line x1={ab.from.x} y1={ab.from.y} x2={ab.to.x} y2={ab.to.y} stroke="transparent" strokeWidth={22} />
      <LaneLine lane={ab} cut={cuts.ab} selected={selected} />
      <LaneLine lane={ba} cut={cuts.ba} selected={selected} />
      {cuts.ab && cuts.ba ? <CutCross at={midpoint({ from: ab.from, to: ba.from })} /> : null}
      {cuts.ab !== cuts.ba ? <CutCross at={midpoint(cuts.ab ? ab : ba)} /> : null}
    </g>
  );
}

function LaneLine({ lane, cut, selected }: { lane: Lane; cut: boolean; selected: boolean }) {
  const colour = cut ? LANE_CUT : selected ? LANE_SELECTED : LANE_OK;
  return (
    <g>
      <line
        className="link-lane"
        x1={lane.from.x}
        y1={lane.from.y}
        x2={lane.to.x}
        y2={lane.to.y}
        stroke={colour}
        strokeWidth={cut ? 2.5 : 1.5}
        strokeDasharray={cut ? '7 5' : undefined}
      />
      {cut && <CutArrow lane={lane} />}
    </g>
  );
}
