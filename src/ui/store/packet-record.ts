// The selected packet: its last known record from the view, and what became of it once it left
// the wire. The view only lists messages in flight, so without this a packet would simply vanish
// from the inspector the moment it arrived.
import type { InflightMessage, MessageLanding } from '../../sim/api';

export type PacketStatus =
  | { kind: 'flying' }
  /** Delivered, or dropped on arrival (link cut, receiver down). */
  | { kind: 'landed'; landing: MessageLanding }
  /** Gone from the wire with no landing known: lost on the way, or landed too long ago to say. */
  | { kind: 'gone' };

export interface PacketRecord {
  message: InflightMessage;
  status: PacketStatus;
}

export function flyingPacket(message: InflightMessage): PacketRecord {
  return { message, status: { kind: 'flying' } };
}

/**
 * The record after a new view: still flying while the view lists it; once it is gone, its landing
 * as the simulator remembers it. A landed record is final.
 */
export function followPacket(
  prev: PacketRecord | null,
  id: number,
  inflight: readonly InflightMessage[],
  landing: (id: number) => MessageLanding | null,
): PacketRecord | null {
  const now = inflight.find((m) => m.id === id);
  if (now) return prev?.message === now && prev.status.kind === 'flying' ? prev : flyingPacket(now);
  if (!prev || prev.message.id !== id) return null;
  if (prev.status.kind !== 'flying') return prev;
  const landed = landing(id);
  return { message: prev.message, status: landed ? { kind: 'landed', landing: landed } : { kind: 'gone' } };
}

export function samePacketRecord(a: PacketRecord | null, b: PacketRecord | null): boolean {
  if (a === b) return true;
  if (!a || !b || a.message !== b.message || a.status.kind !== b.status.kind) return false;
  if (a.status.kind !== 'landed' || b.status.kind !== 'landed') return true;
  return a.status.landing.atMs === b.status.landing.atMs && a.status.landing.outcome === b.status.landing.outcome;
}

/**
 * The packet after `current` in arrival order (by receive time, then id), or the first one to
 * arrive: pressing it repeatedly walks through everything on the wire in the order it lands.
 */
export function nextToArrive(inflight: readonly InflightMessage[], current: InflightMessage | null): InflightMessage | null {
  const after = (m: InflightMessage) => !current || m.recvMs > current.recvMs || (m.recvMs === current.recvMs && m.id > current.id);
  let best: InflightMessage | null = null;
  for (const m of inflight) {
    if (!after(m)) continue;
    if (!best || m.recvMs < best.recvMs || (m.recvMs === best.recvMs && m.id < best.id)) best = m;
  }
  return best ?? (current ? nextToArrive(inflight, null) : null);
}
