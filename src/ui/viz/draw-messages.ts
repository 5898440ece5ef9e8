// Paints the messages in flight for one frame: each at the point of its lane matching how far
// between its send and receive time the virtual clock is. Lost messages are drawn faded until
// the moment they would have arrived. A packet sealed in TLS gets a thin gold ring (a seal), one
// in the clear (the first handshake flight) none. The selected packet gets a dashed ring, so the
// eye can follow it.
import type { InflightMessage } from '../../sim/api';
import { laneAngle, laneOf, pointAlong } from './link-geometry';
import { drawSymbol } from './message-symbol';
import { isEncrypted, messageStyle } from './message-style';
import type { DrawnPacket } from './packet-hits';
import type { RingLayout } from './ring-layout';

/** Drawing every message of a huge burst would only make a smear; the oldest go first. */
const MAX_DRAWN = 2000;
const SELECTED_RING = '#9cc8ff';
export const SEAL_RING = '#f5c542';

/** Draws the frame and returns where each packet went (for hit-testing clicks). */
export function drawMessages(
  ctx: CanvasRenderingContext2D,
  layout: RingLayout,
  inflight: readonly InflightMessage[],
  nowMs: number,
  selectedId: number | null = null,
): DrawnPacket[] {
  ctx.clearRect(0, 0, layout.width, layout.height);
  const drawn: DrawnPacket[] = [];
  let selected: DrawnPacket | null = null;
  const start = Math.max(0, inflight.length - MAX_DRAWN);
  for (let i = start; i < inflight.length; i++) {
    const m = inflight[i];
    const lane = laneOf(layout, m.from, m.to);
    if (!lane) continue;
    const span = m.recvMs - m.sendMs;
    const fraction = span > 0 ? (nowMs - m.sendMs) / span : 1;
    const at = pointAlong(lane, fraction);
    const style = messageStyle(m.label);
    ctx.globalAlpha = m.fate === 'lost' ? 0.3 : 1;
    drawSymbol(ctx, style.shape, style.sizePx, at.x, at.y, laneAngle(lane), style.colour);
    if (isEncrypted(m.summary)) drawSeal(ctx, at, style.sizePx + 3.5);
    drawn.push({ id: m.id, x: at.x, y: at.y });
    if (m.id === selectedId) selected = drawn[drawn.length - 1];
  }
  ctx.globalAlpha = 1;
  if (selected) drawSelection(ctx, selected);
  return drawn;
}

function drawSeal(ctx: CanvasRenderingContext2D, at: { x: number; y: number }, radius: number): void {
  ctx.beginPath();
  ctx.arc(at.x, at.y, radius, 0, 2 * Math.PI);
  ctx.lineWidth = 1.3;
  ctx.strokeStyle = SEAL_RING;
  ctx.stroke();
}

function drawSelection(ctx: CanvasRenderingContext2D, at: DrawnPacket): void {
  ctx.beginPath();
  ctx.arc(at.x, at.y, 12, 0, 2 * Math.PI);
  ctx.lineWidth = 2;
  ctx.strokeStyle = SELECTED_RING;
  ctx.setLineDash([3, 3]);
  ctx.stroke();
  ctx.setLineDash([]);
}
