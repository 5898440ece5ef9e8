// Reads what the security views need from the simulation: a node's files, its own view of its
// handshakes, how it joined, and the leader's root file.
import { ROOT_FILE, type HandshakeRecord, type Simulation } from '../../sim/api';
import type { NodePki } from './pki-slice';

/** Each end reports a handshake; a node's list holds the reports from its own side. */
function ownView(id: string) {
  return (h: HandshakeRecord) => (h.side === 'client' ? h.client === id : h.server === id);
}

export function readNodePki(sim: Simulation, id: string): NodePki {
  const start = sim.swarmStart(id);
  const via = start?.start === 'join' ? start.via : null;
  return {
    node: id,
    files: sim.nodeFiles(id),
    handshakes: sim.handshakes(id).filter(ownView(id)),
    start,
    viaRoot: via ? (sim.nodeFiles(via)[ROOT_FILE] ?? null) : null,
  };
}

/** The leader's root CA file, or null when there is no leader. */
export function readLeaderRoot(sim: Simulation): string | null {
  const leader = sim.leader();
  return leader ? (sim.nodeFiles(leader)[ROOT_FILE] ?? null) : null;
}
