// Where the canvas last drew each packet, in the canvas's own pixels. Clicks are hit-tested against
// exactly this (the user clicks what they see, not where a packet is a frame later), and the test
// surface reads it to click a packet. One swarm view per page, so one list.

export interface DrawnPacket {
  id: number;
  x: number;
  y: number;
}

/** Dots are 4-7 px; a little slack makes a moving one catchable. */
export const HIT_RADIUS_PX = 11;

let painted: readonly DrawnPacket[] = [];

export function rememberPainted(list: readonly DrawnPacket[]): void {
  painted = list;
}

export function paintedPackets(): readonly DrawnPacket[] {
  return painted;
}

/** The packet drawn nearest to (x, y) within the hit radius; among equals the one drawn on top. */
export function packetAt(list: readonly DrawnPacket[], x: number, y: number): number | null {
  let best: number | null = null;
  let bestD = HIT_RADIUS_PX;
  for (let i = list.length - 1; i >= 0; i--) {
    const d = Math.hypot(list[i].x - x, list[i].y - y);
    if (d < bestD) {
      best = list[i].id;
      bestD = d;
    }
  }
  return best;
}

/** Like packetAt, but a press inside a node's circle is the node's: packets leave and land at centres. */
export function packetOutsideNodes(list: readonly DrawnPacket[], nodes: Iterable<{ x: number; y: number }>, nodeRadius: number, x: number, y: number): number | null {
  for (const at of nodes) if (Math.hypot(at.x - x, at.y - y) <= nodeRadius) return null;
  return packetAt(list, x, y);
}
