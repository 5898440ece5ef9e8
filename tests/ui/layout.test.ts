// Ring layout and link lanes: every node and its labels fit the box, lanes of a pair never
// overlap, messages move along their own lane.
import { describe, expect, it } from 'vitest';
import { allPairs, laneOf, pairKey, pointAlong } from '../../src/ui/viz/link-geometry';
import { ringLayout } from '../../src/ui/viz/ring-layout';

const ids = (n: number) => Array.from({ length: n }, (_, i) => `node-${i + 1}`);

describe('ringLayout', () => {
  // Managers come and go during a run (1 to 9 of them), so every count must fit.
  it.each([1, 2, 3, 4, 5, 6, 7, 8, 9])('puts %i managers inside the box with room for their labels', (n) => {
    const layout = ringLayout(ids(n), 980, 480);
    for (const p of layout.positions.values()) {
      expect(p.x - layout.nodeRadius).toBeGreaterThanOrEqual(0);
      expect(p.x + layout.nodeRadius).toBeLessThanOrEqual(980);
      expect(p.y - layout.nodeRadius - 34).toBeGreaterThanOrEqual(-1e-9);
      expect(p.y + layout.nodeRadius + 52).toBeLessThanOrEqual(480 + 1e-9);
    }
  });

  it('starts at the top centre and goes clockwise', () => {
    const layout = ringLayout(ids(3), 600, 600);
    const [a, b, c] = ids(3).map((id) => layout.positions.get(id)!);
    expect(a.x).toBeCloseTo(300);
    expect(a.y).toBeLessThan(b.y);
    expect(b.x).toBeGreaterThan(300);
    expect(c.x).toBeLessThan(300);
  });

  it.each([7, 9])('keeps nodes apart: no two circles overlap, even with %i in a small box', (n) => {
    const layout = ringLayout(ids(n), 700, 420);
    const ps = [...layout.positions.values()];
    for (let i = 0; i < ps.length; i++) {
      for (let j = i + 1; j < ps.length; j++) {
        expect(Math.hypot(ps[i].x - ps[j].x, ps[i].y - ps[j].y)).toBeGreaterThan(2 * layout.nodeRadius);
      }
    }
  });

  it('puts a manager added later after the others, clockwise, with node-1 still at the top', () => {
    const four = ringLayout(ids(4), 800, 600);
    expect(four.positions.get('node-4')!.x).toBeLessThan(four.center.x);
    expect(four.positions.get('node-1')!.x).toBeCloseTo(four.center.x);
  });

  it('stretches into an ellipse in a wide box, but at most 1.6 times', () => {
    const layout = ringLayout(ids(5), 2000, 500);
    expect(layout.ringRadiusX).toBeGreaterThan(layout.ringRadiusY);
    expect(layout.ringRadiusX).toBeLessThanOrEqual(1.6 * layout.ringRadiusY + 1e-9);
  });
});

describe('link lanes', () => {
  const layout = ringLayout(ids(3), 800, 600);

  it('lists each unordered pair once', () => {
    expect(allPairs(['node-3', 'node-1', 'node-2'])).toEqual([
      ['node-1', 'node-2'],
      ['node-1', 'node-3'],
      ['node-2', 'node-3'],
    ]);
    expect(allPairs(ids(7))).toHaveLength(21);
    expect(pairKey('node-2', 'node-1')).toBe(pairKey('node-1', 'node-2'));
  });

  it('puts the two directions of a pair on opposite sides, parallel and apart', () => {
    const ab = laneOf(layout, 'node-1', 'node-2')!;
    const ba = laneOf(layout, 'node-2', 'node-1')!;
    const a = layout.positions.get('node-1')!;
    const b = layout.positions.get('node-2')!;
    const side = (p: { x: number; y: number }) => (b.x - a.x) * (p.y - a.y) - (b.y - a.y) * (p.x - a.x);
    expect(Math.sign(side(ab.from))).toBe(-Math.sign(side(ba.from)));
    const gap = Math.hypot(ab.from.x - ba.to.x, ab.from.y - ba.to.y);
    expect(gap).toBeCloseTo(9, 5);
  });

  it('starts and ends lanes outside the node circles', () => {
    const lane = laneOf(layout, 'node-1', 'node-3')!;
    const a = layout.positions.get('node-1')!;
    const c = layout.positions.get('node-3')!;
    expect(Math.hypot(lane.from.x - a.x, lane.from.y - a.y)).toBeGreaterThan(layout.nodeRadius);
    expect(Math.hypot(lane.to.x - c.x, lane.to.y - c.y)).toBeGreaterThan(layout.nodeRadius);
  });

  it('moves a message from the sender end to the receiver end, clamped', () => {
    const lane = laneOf(layout, 'node-2', 'node-3')!;
    expect(pointAlong(lane, 0)).toEqual(lane.from);
    expect(pointAlong(lane, 1)).toEqual(lane.to);
    expect(pointAlong(lane, 1.7)).toEqual(lane.to);
    expect(pointAlong(lane, 0.5).x).toBeCloseTo((lane.from.x + lane.to.x) / 2);
    expect(laneOf(layout, 'node-1', 'node-9')).toBeNull();
  });
});
