// Client requests this node proposed and has not answered yet. The node that took a request
// answers it when it applies the entry; requests whose entry never commits (lost leadership,
// dropped forward) are forgotten after a while, by then the client has given up on them.
import type { KvOp } from './types';

export interface PendingRequest {
  clientId: number;
  reqId: number;
  op: KvOp;
  sinceTick: number;
}

/** Requests kept at most (a bound on memory when a node proposes into a void). */
export const MAX_PENDING = 4096;

export class PendingRequests {
  private readonly byKey = new Map<string, PendingRequest>();

  get size(): number {
    return this.byKey.size;
  }

  add(req: PendingRequest): void {
    const key = keyOf(req.clientId, req.reqId);
    this.byKey.delete(key);
    this.byKey.set(key, req);
    if (this.byKey.size > MAX_PENDING) this.byKey.delete(this.byKey.keys().next().value!);
  }

  /** Removes and returns the request, if this node is still waiting for it. */
  take(clientId: number, reqId: number): PendingRequest | undefined {
    const key = keyOf(clientId, reqId);
    const req = this.byKey.get(key);
    if (req) this.byKey.delete(key);
    return req;
  }

  /** Forgets requests older than maxAgeTicks (insertion order is age order). */
  expire(nowTick: number, maxAgeTicks: number): void {
    for (const [key, req] of this.byKey) {
      if (nowTick - req.sinceTick <= maxAgeTicks) break;
      this.byKey.delete(key);
    }
  }
}

function keyOf(clientId: number, reqId: number): string {
  return `${clientId}:${reqId}`;
}
