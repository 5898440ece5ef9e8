// Simulated key-value clients for the seed sweep. Each client runs one operation at a time: it
// picks an op on one of a few keys, sends it to a random live node, and waits for the answer or a
// timeout, then moves on. What they saw becomes a history the linearizability checker judges.
import type { KvOp, Rng } from '../../engine/index';
import type { HistoryOp } from './history';

/** What the clients need from the simulator. */
export interface ClientHost {
  readonly nowMs: number;
  upNodes(): readonly string[];
  /** The request reaches `node` after delayMs; delays at or above the network's minimum keep batching exact. */
  sendRequest(node: string, clientId: number, reqId: number, op: KvOp, delayMs: number): void;
  setTimer(clientId: number, token: number, atMs: number): void;
  minDelayMs(): number;
}

export interface ClientReply {
  clientId: number;
  reqId: number;
  ok: boolean;
  value?: string;
  casOk?: boolean;
  error?: string;
}

export interface KvClientsOptions {
  clients: number;
  keys: readonly string[];
  timeoutMs: number;
  /** Pause between one operation's end and the next one's start: [min, max) ms. */
  thinkMs: readonly [number, number];
  /** No new operations start at or after this time. */
  stopAtMs: number;
}

export const DEFAULT_CLIENT_OPTIONS: KvClientsOptions = {
  clients: 3,
  keys: ['x', 'y', 'z'],
  timeoutMs: 12_000,
  thinkMs: [50, 1500],
  stopAtMs: Infinity,
};

interface Outstanding {
  reqId: number;
  node: string;
  record: HistoryOp;
  /** Where the record sits in the history, to leave it out if it turns out never to have happened. */
  slot: number;
}

interface Client {
  id: number;
  nextReq: number;
  token: number;
  current: Outstanding | null;
  /** The last value this client saw or wrote per key, to make cas sometimes succeed. */
  seen: Map<string, string>;
}

export class KvClients {
  private readonly clients: Client[] = [];
  private readonly records: (HistoryOp | null)[] = [];
  /** Requests of client 0 (the UI's proposals), by request id -> history position. */
  private readonly external = new Map<number, number>();
  private readonly opts: KvClientsOptions;
  /** Client 0 is the person at the UI; simulated clients are 1..n. */
  static readonly FIRST_ID = 1;

  constructor(
    private readonly rng: Rng,
    opts: Partial<KvClientsOptions> = {},
  ) {
    this.opts = { ...DEFAULT_CLIENT_OPTIONS, ...opts };
    for (let i = 0; i < this.opts.clients; i++) {
      this.clients.push({ id: KvClients.FIRST_ID + i, nextReq: 1, token: 0, current: null, seen: new Map() });
    }
  }

  owns(clientId: number): boolean {
    return clientId >= KvClients.FIRST_ID && clientId < KvClients.FIRST_ID + this.clients.length;
  }

  /** The soonest after an event that the clients schedule their own timers. */
  minScheduleMs(): number {
    return Math.max(1, this.opts.thinkMs[0]);
  }

  start(host: ClientHost): void {
    for (const c of this.clients) this.think(host, c);
  }

  /** No new operations after this time (the outstanding ones still finish or time out). */
  stopAt(ms: number): void {
    this.opts.stopAtMs = ms;
  }

  onTimer(host: ClientHost, clientId: number, token: number): void {
    const c = this.client(clientId);
    if (token !== c.token) return;
    if (c.current) {
      this.finish(c, null);
      this.think(host, c);
      return;
    }
    this.issue(host, c);
  }

  onReply(host: ClientHost, reply: ClientReply): void {
    const c = this.client(reply.clientId);
    const cur = c.current;
    if (!cur || cur.reqId !== reply.reqId) return; // a late answer to a request it gave up on
    if (!reply.ok) {
      // Refused before it was proposed: it never happened, so it is not part of the history.
      this.records[cur.slot] = null;
      c.current = null;
    } else {
      this.complete(cur.record, reply, c);
      this.finish(c, host.nowMs);
    }
    this.think(host, c);
  }

  /** Adds a request someone else (client 0) sent, so the history covers every write to the keys. */
  trackExternal(reqId: number, op: KvOp, callMs: number): void {
    this.external.set(reqId, this.records.length);
    this.records.push(toRecord(0, op, callMs));
  }

  onExternalReply(reply: ClientReply, nowMs: number): void {
    const slot = this.external.get(reply.reqId);
    if (slot === undefined) return;
    this.external.delete(reply.reqId);
    const record = this.records[slot]!;
    if (!reply.ok) {
      this.records[slot] = null;
      return;
    }
    if (record.op === 'get') record.output = reply.value ?? '';
    if (record.op === 'cas') record.ok = reply.casOk === true;
    record.return = nowMs;
  }

  /** Every operation that was proposed (or may have been), in call order. */
  history(): HistoryOp[] {
    return this.records.filter((r): r is HistoryOp => r !== null);
  }

  /** Operations still waiting for an answer. */
  outstanding(): number {
    return this.clients.filter((c) => c.current !== null).length;
  }

  private client(id: number): Client {
    const c = this.clients[id - KvClients.FIRST_ID];
    if (!c) throw new Error(`KvClients: no client ${id}`);
    return c;
  }

  private think(host: ClientHost, c: Client): void {
    const [lo, hi] = this.opts.thinkMs;
    const at = host.nowMs + this.rng.int(lo, hi);
    if (at >= this.opts.stopAtMs) return;
    c.token++;
    host.setTimer(c.id, c.token, at);
  }

  private issue(host: ClientHost, c: Client): void {
    const nodes = host.upNodes();
    if (nodes.length === 0 || host.nowMs >= this.opts.stopAtMs) {
      this.think(host, c);
      return;
    }
    const node = this.rng.pick(nodes);
    const reqId = c.nextReq++;
    const op = this.pickOp(c, reqId);
    const record = toRecord(c.id, op, host.nowMs);
    c.current = { reqId, node, record, slot: this.records.length };
    this.records.push(record);
    host.sendRequest(node, c.id, reqId, op, host.minDelayMs() + this.rng.int(0, 3));
    c.token++;
    host.setTimer(c.id, c.token, host.nowMs + this.opts.timeoutMs);
  }

  private pickOp(c: Client, reqId: number): KvOp {
    const key = this.rng.pick(this.opts.keys);
    const value = `c${c.id}-${reqId}`;
    const roll = this.rng.int(0, 100);
    if (roll < 30) return { op: 'put', key, value };
    if (roll < 60) return { op: 'get', key };
    if (roll < 80) return { op: 'append', key, value };
    return { op: 'cas', key, expected: c.seen.get(key) ?? '', value };
  }

  private complete(record: HistoryOp, reply: ClientReply, c: Client): void {
    if (record.op === 'get') {
      record.output = reply.value ?? '';
      c.seen.set(record.key, record.output);
    } else if (record.op === 'cas') {
      record.ok = reply.casOk === true;
      if (record.ok) c.seen.set(record.key, record.value);
    } else if (record.op === 'put') {
      c.seen.set(record.key, record.value);
    }
  }

  /** Ends the current operation; a get nobody saw the answer of constrains nothing and is left out. */
  private finish(c: Client, returnMs: number | null): void {
    const cur = c.current!;
    c.current = null;
    if (returnMs === null && cur.record.op === 'get') {
      this.records[cur.slot] = null;
      return;
    }
    cur.record.return = returnMs;
  }
}

function toRecord(client: number, op: KvOp, call: number): HistoryOp {
  switch (op.op) {
    case 'put':
    case 'append':
      return { client, op: op.op, key: op.key, value: op.value, call, return: null };
    case 'get':
      return { client, op: 'get', key: op.key, output: '', call, return: null };
    case 'cas':
      return { client, op: 'cas', key: op.key, expected: op.expected, value: op.value, ok: false, call, return: null };
  }
}
