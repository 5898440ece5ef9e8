// What the security tabs and the token inspector read beyond the view: the selected node's files
// (certificates, key), its handshakes and how it joined, and the leader's root file. The session
// refreshes it after every advance; it changes only when one of those did.
import type { StateCreator } from 'zustand/vanilla';
import type { HandshakeRecord, SwarmNodeConfig } from '../../sim/api';
import type { AppState } from './store';

export interface NodePki {
  node: string;
  /** Disk files by path (CERT_FILE, ROOT_FILE, KEY_FILE, STATE_FILE). */
  files: Readonly<Record<string, string>>;
  /** Handshakes as this node saw them (its own side), oldest first. */
  handshakes: readonly HandshakeRecord[];
  /** How it entered the swarm: founding, or the join command it ran. */
  start: SwarmNodeConfig | null;
  /** Root file of the manager it joined via: what its join token is checked against. */
  viaRoot: string | null;
}

export interface PkiSlice {
  nodePki: NodePki | null;
  /** The swarm leader's root CA file (pins both join tokens), while a token is selected. */
  leaderRoot: string | null;
  setNodePki(pki: NodePki | null): void;
  setLeaderRoot(pem: string | null): void;
}

function sameFiles(a: Readonly<Record<string, string>>, b: Readonly<Record<string, string>>): boolean {
  const keys = Object.keys(a);
  return keys.length === Object.keys(b).length && keys.every((k) => a[k] === b[k]);
}

/** Records are kept as they arrived, so identity says whether one changed. */
export function sameNodePki(a: NodePki | null, b: NodePki | null): boolean {
  if (a === b) return true;
  if (!a || !b || a.node !== b.node || a.start !== b.start || a.viaRoot !== b.viaRoot) return false;
  if (a.handshakes.length !== b.handshakes.length || a.handshakes.some((h, i) => h !== b.handshakes[i])) return false;
  return sameFiles(a.files, b.files);
}

export const createPkiSlice: StateCreator<AppState, [], [], PkiSlice> = (set, get) => ({
  nodePki: null,
  leaderRoot: null,
  setNodePki: (pki) => {
    if (!sameNodePki(get().nodePki, pki)) set({ nodePki: pki });
  },
  setLeaderRoot: (pem) => {
    if (get().leaderRoot !== pem) set({ leaderRoot: pem });
  },
});
