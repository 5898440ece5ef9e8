// WorkerHost: one Web Worker per simulated node. Killing a node terminates its worker, so its
// memory is really gone; a restart is a brand-new worker that recovers from the disk image the
// kernel hands it. The host never reorders anything: run() answers in batch order and the kernel
// merges outputs by (time, node id, sequence), so the trace matches InlineHost's exactly.
import type { NodeOutput } from '../../engine/index';
import type { BatchItem, NodeBoot, NodeHost } from './types';
import type { FromWorker, ToWorker } from './worker-protocol';

/** Browsers stop starting workers somewhere past ~500 per page and say nothing, hence a timeout. */
export const DEFAULT_READY_TIMEOUT_MS = 30_000;

export interface WorkerHostOptions {
  readyTimeoutMs?: number;
}

interface Waiter {
  resolve: (msg: FromWorker) => void;
  reject: (err: Error) => void;
}

/** One node's worker and the requests it has not answered yet (keyed by seq; boot uses -1). */
class NodeWorker {
  private readonly worker: Worker;
  private readonly waiters = new Map<number, Waiter>();
  private nextSeq = 0;
  private failure: Error | null = null;

  constructor(readonly nodeId: string) {
    this.worker = new Worker(new URL('./node.worker.ts', import.meta.url), { type: 'module', name: nodeId });
    this.worker.onmessage = (ev: MessageEvent<FromWorker>) => this.receive(ev.data);
    this.worker.onerror = (ev: ErrorEvent) => {
      ev.preventDefault();
      this.fail(new Error(`worker for ${nodeId} crashed: ${ev.message || 'script error'}`));
    };
    this.worker.onmessageerror = () => this.fail(new Error(`worker for ${nodeId} sent a message that could not be read`));
  }

  boot(boot: NodeBoot, timeoutMs: number): Promise<NodeOutput> {
    const reply = this.request(-1, { type: 'boot', boot });
    return withTimeout(reply, timeoutMs, () => {
      const err = new Error(
        `worker for ${this.nodeId} was not ready after ${timeoutMs} ms ` +
          '(too many workers on one page? browsers stop starting them past about 500, silently)',
      );
      this.fail(err);
      return err;
    }).then((msg) => {
      if (msg.type !== 'booted') throw new Error(`worker for ${this.nodeId} answered boot with ${msg.type}`);
      return msg.output;
    });
  }

  async run(batch: BatchItem): Promise<NodeOutput[]> {
    const seq = this.nextSeq++;
    const msg = await this.request(seq, { type: 'run', seq, inputs: batch.inputs });
    if (msg.type !== 'ran') throw new Error(`worker for ${this.nodeId} answered run with ${msg.type}`);
    if (msg.outputs.length !== batch.inputs.length) {
      throw new Error(`worker for ${this.nodeId} returned ${msg.outputs.length} outputs for ${batch.inputs.length} inputs`);
    }
    return msg.outputs;
  }

  terminate(reason: string): void {
    this.worker.terminate();
    this.fail(new Error(`worker for ${this.nodeId} ${reason}`));
  }

  private request(seq: number, msg: ToWorker): Promise<FromWorker> {
    if (this.failure) return Promise.reject(this.failure);
    return new Promise<FromWorker>((resolve, reject) => {
      this.waiters.set(seq, { resolve, reject });
      this.worker.postMessage(msg);
    });
  }

  private receive(msg: FromWorker): void {
    if (msg.type === 'failed') {
      this.fail(new Error(`node ${this.nodeId} failed inside its worker: ${msg.message}`));
      return;
    }
    const seq = msg.type === 'booted' ? -1 : msg.seq;
    const waiter = this.waiters.get(seq);
    if (!waiter) return;
    this.waiters.delete(seq);
    waiter.resolve(msg);
  }

  private fail(err: Error): void {
    this.failure ??= err;
    for (const waiter of this.waiters.values()) waiter.reject(err);
    this.waiters.clear();
  }
}

function withTimeout<T>(promise: Promise<T>, ms: number, onTimeout: () => Error): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => reject(onTimeout()), ms);
    promise.then(
      (value) => {
        clearTimeout(timer);
        resolve(value);
      },
      (err: unknown) => {
        clearTimeout(timer);
        reject(err instanceof Error ? err : new Error(String(err)));
      },
    );
  });
}

export class WorkerHost implements NodeHost {
  readonly kind = 'worker' as const;
  private readonly workers = new Map<string, NodeWorker>();
  private readonly readyTimeoutMs: number;
  private disposed = false;

  constructor(opts: WorkerHostOptions = {}) {
    if (typeof Worker === 'undefined') throw new Error('WorkerHost needs Web Workers (a browser); use InlineHost here');
    this.readyTimeoutMs = opts.readyTimeoutMs ?? DEFAULT_READY_TIMEOUT_MS;
  }

  /** Live workers, one per node that is up. */
  get workerCount(): number {
    return this.workers.size;
  }

  boot(boot: NodeBoot): Promise<NodeOutput> {
    if (this.disposed) return Promise.reject(new Error('WorkerHost is disposed'));
    const id = boot.config.id;
    this.workers.get(id)?.terminate('was replaced by a fresh boot');
    const worker = new NodeWorker(id);
    this.workers.set(id, worker);
    return worker.boot(boot, this.readyTimeoutMs);
  }

  kill(nodeId: string): void {
    this.workers.get(nodeId)?.terminate('was killed');
    this.workers.delete(nodeId);
  }

  run(batch: BatchItem[]): Promise<NodeOutput[][]> {
    return Promise.all(
      batch.map((item) => {
        const worker = this.workers.get(item.nodeId);
        if (!worker) return Promise.reject(new Error(`WorkerHost.run: ${item.nodeId} has no worker (is it down?)`));
        return worker.run(item);
      }),
    );
  }

  dispose(): void {
    this.disposed = true;
    for (const worker of this.workers.values()) worker.terminate('was disposed');
    this.workers.clear();
  }
}
