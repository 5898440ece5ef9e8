// One symbol per message shape, from d3's symbol generator, so the canvas dots and the SVG legend
// draw exactly the same figures.
import { symbol, symbolCircle, symbolDiamond, symbolSquare, symbolTriangle } from 'd3';
import type { SymbolType } from 'd3';
import type { MessageShape } from './message-style';

function symbolType(shape: MessageShape): SymbolType {
  if (shape === 'circle' || shape === 'ring') return symbolCircle;
  if (shape === 'triangle' || shape === 'triangle-open') return symbolTriangle;
  if (shape === 'diamond' || shape === 'diamond-open') return symbolDiamond;
  return symbolSquare;
}

export function isOpenShape(shape: MessageShape): boolean {
  return shape === 'ring' || shape.endsWith('-open');
}

/** d3 sizes symbols by area; sizePx is roughly the half-width of the figure. */
function area(sizePx: number): number {
  return 3.2 * sizePx * sizePx;
}

export function symbolPath(shape: MessageShape, sizePx: number): string {
  return symbol(symbolType(shape), area(sizePx))() ?? '';
}

/** Draws the symbol centred at (x, y), rotated by `angle` (triangles point the way they travel). */
export function drawSymbol(
  ctx: CanvasRenderingContext2D,
  shape: MessageShape,
  sizePx: number,
  x: number,
  y: number,
  angle: number,
  colour: string,
): void {
  ctx.save();
  ctx.translate(x, y);
  ctx.rotate(angle + Math.PI / 2);
  ctx.beginPath();
  symbol(symbolType(shape), area(sizePx)).context(ctx)();
  if (isOpenShape(shape)) {
    ctx.fillStyle = '#10151f';
    ctx.fill();
    ctx.lineWidth = 2;
    ctx.strokeStyle = colour;
    ctx.stroke();
  } else {
    ctx.fillStyle = colour;
    ctx.fill();
    ctx.lineWidth = 1;
    ctx.strokeStyle = '#10151f';
    ctx.stroke();
  }
  ctx.restore();
}
