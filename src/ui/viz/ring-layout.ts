// Where managers sit: evenly on a ring, the first at the top, going clockwise. d3 scales turn a
// node's index into an angle and the cluster size into a node radius; the ring is as large as
// the box allows once the labels around each node (crown above, name and log below) fit, and
// stretched into an ellipse when the box is wider than tall.
import { extent, scaleLinear } from 'd3';

export interface Point {
  x: number;
  y: number;
}

export interface RingLayout {
  width: number;
  height: number;
  center: Point;
  /** The ring is an ellipse when the box is wide: radii along x and y. */
  ringRadiusX: number;
  ringRadiusY: number;
  nodeRadius: number;
  positions: ReadonlyMap<string, Point>;
}

/** Room outside a node's circle: crown and timer above, name and log line below, text beside. */
const ABOVE_PX = 34;
const BELOW_PX = 52;
const BESIDE_PX = 64;
const MAX_RING_RADIUS_PX = 320;
/** How much wider than tall the ring may be stretched to use a wide box. */
const MAX_STRETCH = 1.6;

export function ringLayout(ids: readonly string[], width: number, height: number): RingLayout {
  const nodeRadius = scaleLinear().domain([3, 7]).range([50, 44]).clamp(true)(ids.length);
  const angle = scaleLinear()
    .domain([0, Math.max(1, ids.length)])
    .range([-Math.PI / 2, (3 * Math.PI) / 2]);
  const angles = ids.map((_, i) => angle(i));
  const [minSin, maxSin] = extent(angles, Math.sin) as [number, number];
  const [minCos, maxCos] = extent(angles, Math.cos) as [number, number];
  const top = nodeRadius + ABOVE_PX;
  const bottom = nodeRadius + BELOW_PX;
  const side = nodeRadius + BESIDE_PX;
  const spanY = Math.max(maxSin - minSin, 1e-6);
  const spanX = Math.max(maxCos - minCos, 1e-6);
  const fitY = Math.min((height - top - bottom) / spanY, MAX_RING_RADIUS_PX);
  const fitX = Math.min((width - 2 * side) / spanX, MAX_RING_RADIUS_PX * MAX_STRETCH);
  const many = ids.length > 1;
  const ringRadiusY = many ? Math.max(nodeRadius * 1.5, Math.min(fitY, fitX)) : 0;
  const ringRadiusX = many ? Math.max(ringRadiusY, Math.min(fitX, ringRadiusY * MAX_STRETCH)) : 0;
  const spareY = height - top - bottom - ringRadiusY * spanY;
  const center = {
    x: width / 2 - (ringRadiusX * (maxCos + minCos)) / 2,
    y: top - ringRadiusY * minSin + spareY / 2,
  };
  const positions = new Map<string, Point>();
  ids.forEach((id, i) => {
    positions.set(id, { x: center.x + ringRadiusX * Math.cos(angles[i]), y: center.y + ringRadiusY * Math.sin(angles[i]) });
  });
  return { width, height, center, ringRadiusX, ringRadiusY, nodeRadius, positions };
}
