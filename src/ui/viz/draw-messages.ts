// Paints the messages in flight for one frame: each at the point of its lane matching how far
// between its send and receive time the virtual clock is. Lost messages are drawn faded until
// the moment they would have arrived.
import type { InflightMessage } from '../../sim/api';
import { laneAngle, laneOf, pointAlong } from './link-geometry';
import { drawSymbol } from './message-symbol';
import { messageStyle } from './message-style';
import type { RingLayout } from './ring-layout';

/** Drawing every message of a huge burst would only make a smear; the oldest go first. */
const MAX_DRAWN = 2000;

export function drawMessages(
  ctx: CanvasRenderingContext2D,
  layout: RingLayout,
  inflight: readonly InflightMessage[],
  nowMs: number,
): void {
  ctx.clearRect(0, 0, layout.width, layout.height);
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
  }
  ctx.globalAlpha = 1;
}
