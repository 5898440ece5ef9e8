// Raft engine alone, in one thread: how many messages per second it steps, with a leader
// replicating a steady stream of proposals to its followers (no simulator, no network model).
import { DEFAULT_RAFT_CONFIG, Rng, type Message, type Ready } from '../../src/engine/index';
import { RawNode } from '../../src/engine/raft/index';

function makeCluster(n: number): RawNode[] {
  const ids = Array.from({ length: n }, (_, i) => `n${i + 1}`);
  return ids.map((id, i) => new RawNode({ ...DEFAULT_RAFT_CONFIG, id, peers: ids }, new Rng(1000 + i), null));
}

/** Hands every Ready back at once (persistence is free here) and returns the messages it carried. */
function drain(nodes: RawNode[], out: Message[]): void {
  for (const node of nodes) {
    while (node.hasReady()) {
      const rd: Ready = node.ready();
      for (const m of rd.messages) out.push(m);
      node.advance(rd);
    }
  }
}

function deliverAll(nodes: RawNode[], byId: Map<string, RawNode>, limit: number): number {
  let queue: Message[] = [];
  drain(nodes, queue);
  let delivered = 0;
  while (queue.length > 0 && delivered < limit) {
    const next: Message[] = [];
    for (const m of queue) {
      byId.get(m.to)!.step(m);
      delivered++;
    }
    drain(nodes, next);
    queue = next;
  }
  return delivered;
}

export function benchRaftThroughput(seconds: number, nodeCount = 3): number {
  const nodes = makeCluster(nodeCount);
  const byId = new Map(nodes.map((n) => [n.status().id, n]));
  for (let t = 0; t < 40 && !nodes.some((n) => n.status().role === 'leader'); t++) {
    for (const n of nodes) n.tick();
    deliverAll(nodes, byId, 1e6);
  }
  const leader = nodes.find((n) => n.status().role === 'leader');
  if (!leader) throw new Error('bench: no leader elected');
  let delivered = 0;
  let proposals = 0;
  const start = performance.now();
  let elapsed = 0;
  while (elapsed < seconds * 1000) {
    for (let i = 0; i < 16; i++) leader.propose(`v${proposals++}`);
    delivered += deliverAll(nodes, byId, 1e6);
    if (proposals % 256 === 0) {
      for (const n of nodes) n.tick();
      delivered += deliverAll(nodes, byId, 1e6);
    }
    elapsed = performance.now() - start;
  }
  const committed = leader.status().commit;
  if (committed < proposals / 2) throw new Error(`bench: only ${committed} of ${proposals} proposals committed`);
  return delivered / (elapsed / 1000);
}
