// The simulated network: a directed link for every ordered pair of nodes, each with latency,
// jitter, loss and a cut flag. A link delivers in order, like the TCP stream Raft runs over.
// All randomness comes from the network's own stream, drawn in the order sends are processed.
import type { Rng, WireMessage } from '../../engine/index';
import { summarizeWire } from './wire-summary';

export interface LinkSettings {
  latencyMs: number;
  jitterMs: number;
  /** Probability in [0, 1] that a message is lost. */
  loss: number;
}

export interface Link extends LinkSettings {
  readonly from: string;
  readonly to: string;
  cut: boolean;
  /** Receive time of the last message put on this link; later sends never arrive before it. */
  lastRecvMs: number;
}

export interface InflightMessage {
  id: number;
  from: string;
  to: string;
  label: string;
  size: number;
  /** What the message says, in one line ("term 3, granted"); '' when it carries nothing to describe. */
  summary: string;
  sendMs: number;
  recvMs: number;
  fate: 'inflight' | 'lost';
}

export type SendFate = 'sent' | 'lost' | 'cut';

export interface SendResult {
  id: number;
  fate: SendFate;
  /** When it arrives (or would have, if lost); the send time when cut. */
  recvMs: number;
}

/** A message on the wire keeps its payload until someone looks at it, then only the summary. */
interface Flying extends InflightMessage {
  wire: WireMessage | undefined;
}

/** TCP's minimum retransmission timeout (RFC 6298 allows 200 ms, as Linux uses). */
export const TCP_RETRANSMIT_MS = 200;

/** Lost messages stay visible until they would have arrived; prune them in batches. */
const LOST_PRUNE_AT = 256;

export class Network {
  private readonly links = new Map<string, Map<string, Link>>();
  private readonly nodes: string[] = [];
  private readonly flying = new Map<number, Flying>();
  private lostCount = 0;
  private nextId = 1;
  private defaults: LinkSettings;

  constructor(
    private readonly rng: Rng,
    defaults: LinkSettings,
  ) {
    this.defaults = { ...defaults };
  }

  get nodeIds(): readonly string[] {
    return this.nodes;
  }

  get settings(): LinkSettings {
    return { ...this.defaults };
  }

  addNode(id: string): void {
    if (this.links.has(id)) throw new Error(`Network.addNode: ${id} exists`);
    this.links.set(id, new Map());
    for (const other of this.nodes) {
      this.links.get(other)!.set(id, this.newLink(other, id));
      this.links.get(id)!.set(other, this.newLink(id, other));
    }
    this.nodes.push(id);
  }

  link(from: string, to: string): Link {
    const link = this.links.get(from)?.get(to);
    if (!link) throw new Error(`Network.link: no link ${from} -> ${to}`);
    return link;
  }

  /** Every link, in node creation order (from, then to). */
  allLinks(): Link[] {
    const out: Link[] = [];
    for (const from of this.nodes) for (const to of this.nodes) if (from !== to) out.push(this.link(from, to));
    return out;
  }

  setCut(from: string, to: string, cut: boolean): boolean {
    const link = this.link(from, to);
    const changed = link.cut !== cut;
    link.cut = cut;
    return changed;
  }

  /** Cuts every link into and out of a node. */
  isolate(node: string): void {
    for (const other of this.nodes) {
      if (other === node) continue;
      this.link(node, other).cut = true;
      this.link(other, node).cut = true;
    }
  }

  healAll(): void {
    for (const link of this.allLinks()) link.cut = false;
  }

  setLoss(loss: number): void {
    this.defaults.loss = loss;
    for (const link of this.allLinks()) link.loss = loss;
  }

  setLatency(latencyMs: number, jitterMs: number): void {
    this.defaults.latencyMs = latencyMs;
    this.defaults.jitterMs = jitterMs;
    for (const link of this.allLinks()) {
      link.latencyMs = latencyMs;
      link.jitterMs = jitterMs;
    }
  }

  /** The shortest delay any message can have now: how far ahead the kernel may batch safely. */
  minDelayMs(): number {
    let min = minDelayOf(this.defaults);
    for (const link of this.allLinks()) min = Math.min(min, minDelayOf(link));
    return min;
  }

  /** Puts a message on a link: cut links drop it at once, loss is drawn here, then the delay. */
  send(from: string, to: string, label: string, size: number, nowMs: number, wire?: WireMessage): SendResult {
    const id = this.nextId++;
    const link = this.link(from, to);
    if (link.cut) return { id, fate: 'cut', recvMs: nowMs };
    let lost = this.rng.chance(link.loss);
    let recvMs = nowMs + this.drawDelayMs(link);
    // A TLS connection runs over TCP: a lost segment is sent again, so it arrives late, in order.
    if (lost && wire !== undefined && wire.kind !== 'raft') {
      lost = false;
      recvMs += TCP_RETRANSMIT_MS;
    }
    if (!lost) {
      recvMs = Math.max(recvMs, link.lastRecvMs);
      link.lastRecvMs = recvMs;
    }
    const fate = lost ? 'lost' : 'inflight';
    this.flying.set(id, { id, from, to, label, size, summary: '', wire, sendMs: nowMs, recvMs, fate });
    if (lost && ++this.lostCount >= LOST_PRUNE_AT) this.pruneLost(nowMs);
    return { id, fate: lost ? 'lost' : 'sent', recvMs };
  }

  /** A message reaches the far end of its link: delivered unless the link was cut meanwhile. */
  arrive(id: number): 'delivered' | 'cut' {
    const msg = this.flying.get(id);
    if (!msg) throw new Error(`Network.arrive: message ${id} is not in flight`);
    this.flying.delete(id);
    return this.link(msg.from, msg.to).cut ? 'cut' : 'delivered';
  }

  /** Messages on the wire now, oldest first; lost ones until their would-be arrival. */
  inflight(nowMs: number): InflightMessage[] {
    this.pruneLost(nowMs);
    const out: InflightMessage[] = [];
    for (const msg of this.flying.values()) {
      if (msg.wire) {
        msg.summary = summarizeWire(msg.wire);
        msg.wire = undefined;
      }
      out.push(msg);
    }
    return out;
  }

  private pruneLost(nowMs: number): void {
    for (const [id, msg] of this.flying) if (msg.fate === 'lost' && msg.recvMs <= nowMs) this.flying.delete(id);
    this.lostCount = 0;
    for (const msg of this.flying.values()) if (msg.fate === 'lost') this.lostCount++;
  }

  private drawDelayMs(link: LinkSettings): number {
    const jitter = link.jitterMs > 0 ? this.rng.int(-link.jitterMs, link.jitterMs + 1) : 0;
    return Math.max(1, link.latencyMs + jitter);
  }

  private newLink(from: string, to: string): Link {
    return { from, to, cut: false, lastRecvMs: 0, ...this.defaults };
  }
}

function minDelayOf(link: LinkSettings): number {
  return Math.max(1, link.latencyMs - link.jitterMs);
}
