// Packets as the inspector shows them: following the selected one until it lands, walking them in
// arrival order, the words for its type and fate, and hit-testing the dots where they were drawn.
import { describe, expect, it } from 'vitest';
import type { InflightMessage, MessageLanding } from '../../src/sim/api';
import { flyingPacket, followPacket, nextToArrive, samePacketRecord } from '../../src/ui/store/packet-record';
import { packetFacts, packetFate, packetProgress, packetTypeWords } from '../../src/ui/views/packet-words';
import { drawMessages } from '../../src/ui/viz/draw-messages';
import { laneOf, pointAlong } from '../../src/ui/viz/link-geometry';
import { HIT_RADIUS_PX, packetAt, packetOutsideNodes } from '../../src/ui/viz/packet-hits';
import { ringLayout } from '../../src/ui/viz/ring-layout';

const msg = (id: number, over: Partial<InflightMessage> = {}): InflightMessage => ({
  id,
  from: 'node-1',
  to: 'node-2',
  label: 'Heartbeat',
  size: 40,
  summary: 'term 2, commit 5',
  sendMs: 10_000,
  recvMs: 10_100,
  fate: 'inflight',
  ...over,
});

const never = () => null;
const landedAt = (l: MessageLanding) => () => l;

describe('following the selected packet', () => {
  it('keeps the same record while the packet flies, so nothing re-renders', () => {
    const m = msg(7);
    const rec = flyingPacket(m);
    expect(followPacket(rec, 7, [msg(6), m], never)).toBe(rec);
    expect(samePacketRecord(rec, flyingPacket(m))).toBe(true);
  });

  it('turns into its landing once the view no longer lists it, and stays there', () => {
    const rec = flyingPacket(msg(7));
    const landed = followPacket(rec, 7, [msg(8)], landedAt({ atMs: 10_100, outcome: 'delivered' }))!;
    expect(landed.status).toEqual({ kind: 'landed', landing: { atMs: 10_100, outcome: 'delivered' } });
    expect(landed.message).toBe(rec.message);
    expect(followPacket(landed, 7, [], never)).toBe(landed);
    expect(samePacketRecord(landed, { ...landed })).toBe(true);
  });

  it('says a lost packet is gone once it would have arrived', () => {
    const rec = flyingPacket(msg(7, { fate: 'lost' }));
    const gone = followPacket(rec, 7, [], never)!;
    expect(gone.status.kind).toBe('gone');
    expect(packetFate(gone, 100)).toBe('lost on the way');
  });

  it('has nothing to show for a packet it never saw', () => {
    expect(followPacket(null, 7, [msg(8)], never)).toBeNull();
  });

  it('walks the packets in flight in arrival order, then starts over', () => {
    const a = msg(1, { recvMs: 300 });
    const b = msg(2, { recvMs: 100 });
    const c = msg(3, { recvMs: 100 });
    const wire = [a, b, c];
    expect(nextToArrive(wire, null)).toBe(b);
    expect(nextToArrive(wire, b)).toBe(c);
    expect(nextToArrive(wire, c)).toBe(a);
    expect(nextToArrive(wire, a)).toBe(b);
    expect(nextToArrive([], null)).toBeNull();
  });
});

describe('packet words', () => {
  it('names each Raft message in plain words', () => {
    expect(packetTypeWords('Heartbeat')).toBe('AppendEntries (heartbeat)');
    expect(packetTypeWords('AppendEntries')).toBe('AppendEntries (log entries)');
    expect(packetTypeWords('VoteResp')).toBe('RequestVote reply');
    expect(packetTypeWords('PreVote')).toMatch(/^PreVote/);
    expect(packetTypeWords('Unheard')).toBe('Unheard');
  });

  it('lists from/to, what it carries, times in the clock format and the size', () => {
    const rec = flyingPacket(msg(7, { sendMs: 83_400, recvMs: 83_503 }));
    const facts = Object.fromEntries(packetFacts(rec, packetProgress(rec, 83_451)).map((f) => [f.label, f.value]));
    expect(facts).toEqual({
      'from → to': 'node-1 → node-2',
      fate: 'in flight, 50% of the way',
      carries: 'term 2, commit 5',
      'sent at': '1:23.4',
      'arrives at': '1:23.5',
      'travel time': '103 ms',
      size: '40 bytes',
    });
  });

  it('says what happened once it landed, instead of when it would arrive', () => {
    const m = msg(7);
    const at = (outcome: MessageLanding['outcome']) => ({ message: m, status: { kind: 'landed' as const, landing: { atMs: 10_100, outcome } } });
    const delivered = packetFacts(at('delivered'), 100);
    expect(delivered.find((f) => f.label === 'delivered at')?.value).toBe('0:10.1');
    expect(delivered.some((f) => f.label === 'arrives at')).toBe(false);
    expect(packetFate(at('delivered'), 100)).toBe('delivered to node-2');
    expect(packetFate(at('cut'), 100)).toMatch(/^dropped: the link was cut/);
    expect(packetFate(at('down'), 100)).toMatch(/^dropped: node-2 was down/);
    expect(packetFate(flyingPacket(msg(8, { fate: 'lost' })), 40)).toBe('in flight, will be lost on the way');
  });

  it('clamps progress to 0..100%', () => {
    const rec = flyingPacket(msg(7));
    expect(packetProgress(rec, 9_000)).toBe(0);
    expect(packetProgress(rec, 10_025)).toBe(25);
    expect(packetProgress(rec, 99_999)).toBe(100);
  });
});

/** A 2D context that records arcs drawn away from the origin (symbols are drawn translated to it, the selection ring is not). */
function fakeContext() {
  const arcs: number[][] = [];
  const ctx = new Proxy({} as Record<string | symbol, unknown>, {
    get: (_t, key) => (key === 'arc' ? (...a: number[]) => (a[0] !== 0 || a[1] !== 0 ? arcs.push(a) : 0) : () => {}),
    set: () => true,
  });
  return { ctx: ctx as unknown as CanvasRenderingContext2D, arcs };
}

describe('packet hit-testing', () => {
  const layout = ringLayout(['node-1', 'node-2', 'node-3'], 800, 600);

  it('returns where each packet was drawn: on its lane, as far along as its time', () => {
    const { ctx, arcs } = fakeContext();
    const m = msg(7, { sendMs: 0, recvMs: 100 });
    const drawn = drawMessages(ctx, layout, [m, msg(8, { from: 'node-2', to: 'node-3' })], 25, 7);
    expect(drawn.map((d) => d.id)).toEqual([7, 8]);
    const expected = pointAlong(laneOf(layout, 'node-1', 'node-2')!, 0.25);
    expect(drawn[0].x).toBeCloseTo(expected.x);
    expect(drawn[0].y).toBeCloseTo(expected.y);
    expect(arcs).toHaveLength(1);
    expect(arcs[0].slice(0, 2)).toEqual([drawn[0].x, drawn[0].y]);
  });

  it('picks the nearest dot within the hit radius, the one on top among equals', () => {
    const dots = [
      { id: 1, x: 100, y: 100 },
      { id: 2, x: 106, y: 100 },
      { id: 3, x: 106, y: 100 },
    ];
    expect(packetAt(dots, 101, 100)).toBe(1);
    expect(packetAt(dots, 105, 100)).toBe(3);
    expect(packetAt(dots, 100, 100 + HIT_RADIUS_PX + 1)).toBeNull();
    expect(packetAt([], 0, 0)).toBeNull();
  });
});

describe('packets and nodes under the pointer', () => {
  it('leaves a press inside a node to the node, even with a packet leaving its centre', () => {
    const drawn = [{ id: 7, x: 100, y: 100 }, { id: 8, x: 200, y: 100 }];
    const nodes = [{ x: 100, y: 100 }];
    expect(packetOutsideNodes(drawn, nodes, 30, 102, 101)).toBeNull();
    expect(packetOutsideNodes(drawn, nodes, 30, 201, 100)).toBe(8);
    expect(packetAt(drawn, 102, 101)).toBe(7);
  });
});
