// Marks on a cut link: an X where it is cut and an arrowhead showing which direction.
import { laneAngle, type Lane } from './link-geometry';

export const LANE_CUT = '#ff6b6b';

/** An X where the link is cut (one for the pair when both ways are cut). */
export function CutCross({ at }: { at: { x: number; y: number } }) {
  const s = 6;
  return (
    <g transform={`translate(${at.x},${at.y})`} stroke={LANE_CUT} strokeWidth={2.5} strokeLinecap="round">
      <circle r={10} fill="#1a0f14" strokeWidth={1.5} />
      <line x1={-s} y1={-s} x2={s} y2={s} />
      <line x1={-s} y1={s} x2={s} y2={-s} />
    </g>
  );
}

/** An arrowhead at the far end of a cut lane: "this way is cut". */
export function CutArrow({ lane }: { lane: Lane }) {
  const deg = (laneAngle(lane) * 180) / Math.PI;
  return (
    <path
      transform={`translate(${lane.to.x},${lane.to.y}) rotate(${deg})`}
      d="M-10,-5 L0,0 L-10,5"
      fill="none"
      stroke={LANE_CUT}
      strokeWidth={2.5}
      strokeLinecap="round"
    />
  );
}
