// Where nodes sit: managers evenly on a ring, the first at the top, going clockwise; workers (and
// nodes still without a certificate) on an outer ring around them, turned so that no worker sits
// right outside a manager (their labels would collide). d3 scales turn a node's index into an angle and the
// node count into a node radius; the rings are as large as the box allows once the labels around
// each node (crown above, name and lines below) fit, and stretched into ellipses when the box is
// wider than tall.
import { extent, scaleLinear } from 'd3';

export interface Point {
  x: number;
  y: number;
}

export interface RingLayout {
  width: number;
  height: number;
  center: Point;
  /** The outermost ring is an ellipse when the box is wide: radii along x and y. */
  ringRadiusX: number;
  ringRadiusY: number;
  nodeRadius: number;
  positions: ReadonlyMap<string, Point>;
}

/** Room outside a node's circle: crown and timer above, name and two lines below, text beside. */
const ABOVE_PX = 34;
const BELOW_PX = 68;
const BESIDE_PX = 64;
const MAX_RING_RADIUS_PX = 320;
/** How much wider than tall the ring may be stretched to use a wide box. */
const MAX_STRETCH = 1.6;
/** The managers' ring inside the workers' ring, as a fraction of its radius. */
const INNER_RING = 0.48;

/** A node on a unit ring: its angle and the ring's radius (1 outer, INNER_RING inner). */
interface Slot {
  id: string;
  angle: number;
  ring: number;
}

function ringSlots(ids: readonly string[], ring: number, offset: number): Slot[] {
  const angle = scaleLinear()
    .domain([0, Math.max(1, ids.length)])
    .range([-Math.PI / 2 + offset, (3 * Math.PI) / 2 + offset]);
  // A lone manager inside a ring of workers sits in the middle.
  const r = ids.length === 1 && ring < 1 ? 0 : ring;
  return ids.map((id, i) => ({ id, angle: angle(i), ring: r }));
}

/** Turns tried for the outer ring, within one of its steps. */
const OFFSET_STEPS = 24;

function angularGap(a: number, b: number): number {
  const d = Math.abs(a - b) % (2 * Math.PI);
  return Math.min(d, 2 * Math.PI - d);
}

/** Workers this far (in angle) from every manager keep clear of its labels, thanks to the rings' gap. */
const ENOUGH_GAP = Math.PI / 9;

/**
 * The turn of the outer ring: half a step (symmetric: 2 workers left and right) unless that puts a
 * worker too close to a manager's angle; then the turn nearest to half a step that keeps them
 * apart (or, failing that, the one keeping them farthest apart).
 */
function outerOffset(inner: readonly Slot[], outerCount: number): number {
  const step = (2 * Math.PI) / outerCount;
  if (inner.length === 0 || inner[0].ring === 0) return step / 2;
  const gapAt = (offset: number) => {
    let gap = Infinity;
    for (let i = 0; i < outerCount; i++) for (const m of inner) gap = Math.min(gap, angularGap(-Math.PI / 2 + offset + i * step, m.angle));
    return gap;
  };
  const tries = Array.from({ length: OFFSET_STEPS }, (_, k) => ({ offset: (step * k) / OFFSET_STEPS, gap: gapAt((step * k) / OFFSET_STEPS) }));
  const wanted = Math.min(ENOUGH_GAP, Math.max(...tries.map((t) => t.gap)) - 1e-9);
  const ok = tries.filter((t) => t.gap >= wanted);
  ok.sort((a, b) => Math.abs(a.offset - step / 2) - Math.abs(b.offset - step / 2));
  return ok[0].offset;
}

export function ringLayout(managers: readonly string[], width: number, height: number, outer: readonly string[] = []): RingLayout {
  const total = managers.length + outer.length;
  const nodeRadius = scaleLinear().domain([3, 7, 16, 64]).range([50, 44, 30, 16]).clamp(true)(total);
  const inner = ringSlots(managers, outer.length > 0 ? INNER_RING : 1, 0);
  const slots = outer.length > 0 ? [...inner, ...ringSlots(outer, 1, outerOffset(inner, outer.length))] : inner;
  const [minSin, maxSin] = extent(slots, (s) => s.ring * Math.sin(s.angle)) as [number, number];
  const [minCos, maxCos] = extent(slots, (s) => s.ring * Math.cos(s.angle)) as [number, number];
  const top = nodeRadius + ABOVE_PX;
  const bottom = nodeRadius + BELOW_PX;
  const side = nodeRadius + BESIDE_PX;
  const spanY = Math.max(maxSin - minSin, 1e-6);
  const spanX = Math.max(maxCos - minCos, 1e-6);
  const fitY = Math.min((height - top - bottom) / spanY, MAX_RING_RADIUS_PX);
  const fitX = Math.min((width - 2 * side) / spanX, MAX_RING_RADIUS_PX * MAX_STRETCH);
  const many = total > 1;
  const ringRadiusY = many ? Math.max(nodeRadius * 1.5, Math.min(fitY, fitX)) : 0;
  const ringRadiusX = many ? Math.max(ringRadiusY, Math.min(fitX, ringRadiusY * MAX_STRETCH)) : 0;
  const spareY = height - top - bottom - ringRadiusY * spanY;
  const center = {
    x: width / 2 - (ringRadiusX * (maxCos + minCos)) / 2,
    y: top - ringRadiusY * minSin + spareY / 2,
  };
  const positions = new Map<string, Point>();
  for (const s of slots) {
    positions.set(s.id, { x: center.x + ringRadiusX * s.ring * Math.cos(s.angle), y: center.y + ringRadiusY * s.ring * Math.sin(s.angle) });
  }
  return { width, height, center, ringRadiusX, ringRadiusY, nodeRadius, positions };
}
