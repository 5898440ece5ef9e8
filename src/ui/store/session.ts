// One run on the page: a Simulation on the chosen host plus the real-time driver that advances
// it, wired to the store. Replacing the run (new seed, size or options) disposes the old one,
// which terminates its workers.
import {
  createHost,
  RealtimeDriver,
  Simulation,
  WorkerHost,
  type DriverNotice,
  type FrameClock,
  type UserActionInput,
} from '../../sim/api';
import { LOG_ENTRIES_SHOWN } from './node-log';
import { followPacket } from './packet-record';
import { readLeaderRoot, readNodePki } from './pki-read';
import { scenarioFor, type SessionConfig } from './session-config';
import type { AppStore } from './store';

/** The slider stops at 100x; benchmarks may drive faster through the driver directly. */
const DRIVER_MAX_SPEED = 100_000;

export interface SessionOptions {
  clock?: FrameClock;
}

export class Session {
  readonly sim: Simulation;
  readonly driver: RealtimeDriver;
  private readonly host: ReturnType<typeof createHost>;
  private proposals = 0;
  private disposed = false;

  constructor(
    readonly config: SessionConfig,
    private readonly store: AppStore,
    opts: SessionOptions = {},
  ) {
    // The page needs only the digest of the trace, not every record of a long run.
    this.host = createHost(config.host);
    this.sim = new Simulation(scenarioFor(config), this.host, { traceLimit: 0 });
    this.driver = new RealtimeDriver(this.sim, (n) => this.onNotice(n), { clock: opts.clock, maxSpeed: DRIVER_MAX_SPEED });
  }

  /** Web Workers alive for this run (one per node that is up), or null on InlineHost. */
  get liveWorkers(): number | null {
    return this.host instanceof WorkerHost ? this.host.workerCount : null;
  }

  get tickMs(): number {
    return this.sim.scenario.options.tickMs;
  }

  async start(): Promise<void> {
    await this.sim.start();
    this.publish();
  }

  /** Applies a user action between advances (at once when paused). */
  act(action: UserActionInput): void {
    this.driver.perform(() => this.sim.act(action));
  }

  /** A readable value for the next proposal from the page: v1, v2, ... */
  nextProposalValue(): string {
    this.proposals += 1;
    return `v${this.proposals}`;
  }

  publish(): void {
    if (this.disposed) return;
    const view = this.sim.view();
    const s = this.store.getState();
    s.setView(view, this.tickMs);
    s.takeEvents(view.events);
    this.publishSelected();
  }

  /**
   * What the inspector shows beyond the view: the selected node's log and security files, the
   * selected packet's fate, the leader's root file for a selected join token.
   */
  publishSelected(): void {
    if (this.disposed) return;
    const s = this.store.getState();
    const sel = s.selection;
    const view = this.sim.view();
    if (sel?.kind === 'node' && view.nodes.some((n) => n.id === sel.id)) {
      s.setNodeLog(this.sim.nodeLog(sel.id, LOG_ENTRIES_SHOWN));
      s.setNodePki(readNodePki(this.sim, sel.id));
    } else if (sel?.kind === 'token') {
      s.setLeaderRoot(readLeaderRoot(this.sim));
    } else if (sel?.kind === 'packet') {
      s.setPacket(followPacket(s.packet, sel.id, view.inflight, (id) => this.sim.landing(id)));
    }
  }

  dispose(): void {
    if (this.disposed) return;
    this.disposed = true;
    this.driver.stop();
    this.sim.dispose();
  }

  private onNotice(notice: DriverNotice): void {
    if (this.disposed) return;
    const s = this.store.getState();
    if (notice.type === 'advanced') this.publish();
    else if (notice.type === 'playback') s.setPlayback(notice.playing, notice.speed);
    else if (notice.type === 'rejected') s.setPhase(s.phase, notice.error.message);
    else {
      s.setPhase('failed', notice.error.message);
      this.publish();
    }
  }
}
