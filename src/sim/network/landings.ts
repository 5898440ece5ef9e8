// How recent messages left the wire: delivered, or dropped on arrival because the link had been
// cut or the receiver was down (or restarted: a new incarnation never gets its predecessor's
// mail). The packet inspector asks about the message it shows after it vanished from the view.
// Bounded: only the newest LIMIT are kept, which covers many frames of even the fastest playback.

export type LandingOutcome = 'delivered' | 'cut' | 'down';

export interface MessageLanding {
  atMs: number;
  outcome: LandingOutcome;
}

const LIMIT = 4096;

export class RecentLandings {
  /** Insertion order is arrival order, so the first key is always the oldest. */
  private readonly byId = new Map<number, MessageLanding>();

  constructor(private readonly limit = LIMIT) {}

  add(id: number, atMs: number, outcome: LandingOutcome): void {
    this.byId.set(id, { atMs, outcome });
    if (this.byId.size > this.limit) this.byId.delete(this.byId.keys().next().value!);
  }

  get(id: number): MessageLanding | null {
    return this.byId.get(id) ?? null;
  }
}
