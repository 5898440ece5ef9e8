// Geometry of links. Each pair of nodes has two directed lanes drawn side by side, so a one-way
// cut is visible as one lane cut and messages in each direction travel on their own lane.
import type { Point, RingLayout } from './ring-layout';

export interface Lane {
  from: Point;
  to: Point;
}

/** Distance between the two lanes of a pair, in px. */
const LANE_GAP_PX = 9;

/** The canonical key of an unordered pair: the two ids in sorted order. */
export function pairKey(a: string, b: string): string {
  return a < b ? `${a}|${b}` : `${b}|${a}`;
}

/** Unordered pairs of ids, each once, in a stable order. */
export function allPairs(ids: readonly string[]): [string, string][] {
  const sorted = [...ids].sort();
  const pairs: [string, string][] = [];
  for (let i = 0; i < sorted.length; i++) {
    for (let j = i + 1; j < sorted.length; j++) pairs.push([sorted[i], sorted[j]]);
  }
  return pairs;
}

/**
 * The lane a message from `from` to `to` travels on, trimmed to the node circles and offset from
 * the centre line, so the two lanes of a pair never overlap.
 */
export function laneOf(layout: RingLayout, from: string, to: string): Lane | null {
  const a = layout.positions.get(from);
  const b = layout.positions.get(to);
  if (!a || !b) return null;
  const dx = b.x - a.x;
  const dy = b.y - a.y;
  const len = Math.hypot(dx, dy) || 1;
  const ux = dx / len;
  const uy = dy / len;
  // Each lane sits on the left of its direction of travel, so the two lanes of a pair (which
  // travel opposite ways) land on opposite sides of the centre line.
  const ox = -uy * (LANE_GAP_PX / 2);
  const oy = ux * (LANE_GAP_PX / 2);
  const trim = layout.nodeRadius + 12;
  return {
    from: { x: a.x + ux * trim + ox, y: a.y + uy * trim + oy },
    to: { x: b.x - ux * trim + ox, y: b.y - uy * trim + oy },
  };
}

export function pointAlong(lane: Lane, fraction: number): Point {
  const f = Math.min(1, Math.max(0, fraction));
  return { x: lane.from.x + (lane.to.x - lane.from.x) * f, y: lane.from.y + (lane.to.y - lane.from.y) * f };
}

export function midpoint(lane: Lane): Point {
  return pointAlong(lane, 0.5);
}

/** Angle of travel along a lane, in radians (for arrowheads). */
export function laneAngle(lane: Lane): number {
  return Math.atan2(lane.to.y - lane.from.y, lane.to.x - lane.from.x);
}
