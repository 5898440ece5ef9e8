// What the inspector shows: one node, one link (an unordered pair), one packet, or nothing; and
// what the simulator says about it beyond the view (a node's log, a packet's fate), refreshed by
// the session after every advance.
import type { StateCreator } from 'zustand/vanilla';
import type { NodeLogView, SwarmRole } from '../../sim/api';
import { samePacketRecord, type PacketRecord } from './packet-record';
import { sameNodeLog } from './node-log';
import type { AppState } from './store';

/** Which part of a node the inspector shows; kept as the selection moves from node to node, so logs compare easily. */
export type NodeTab = 'status' | 'log' | 'cert' | 'handshakes' | 'token';

/** A join token is selected by role: the inspector shows the leader's current token of that role. */
export type Selection =
  | { kind: 'node'; id: string }
  | { kind: 'link'; a: string; b: string }
  | { kind: 'packet'; id: number }
  | { kind: 'token'; role: SwarmRole };

export interface SelectionSlice {
  selection: Selection | null;
  /** The selected node's newest log entries. */
  nodeLog: NodeLogView | null;
  /** The selected packet as last seen in flight, and what became of it. */
  packet: PacketRecord | null;
  nodeTab: NodeTab;
  /** The handshake open on the Handshakes tab (its connection id), kept while the same node stays selected. */
  handshake: string | null;
  /** Selects something; a packet comes with its record, since it may land before the next look. */
  setSelection(selection: Selection | null, packet?: PacketRecord): void;
  /** Updates leave the store alone when nothing shown changed, so the inspector does not re-render every frame. */
  setNodeLog(log: NodeLogView | null): void;
  setPacket(packet: PacketRecord | null): void;
  setNodeTab(tab: NodeTab): void;
  setHandshake(conn: string | null): void;
}

export const createSelectionSlice: StateCreator<AppState, [], [], SelectionSlice> = (set, get) => ({
  selection: null,
  nodeLog: null,
  packet: null,
  nodeTab: 'status',
  handshake: null,
  setSelection: (selection, packet) => set({ selection, nodeLog: null, packet: packet ?? null, handshake: null }),
  setNodeLog: (log) => {
    if (!sameNodeLog(get().nodeLog, log)) set({ nodeLog: log });
  },
  setPacket: (packet) => {
    if (!samePacketRecord(get().packet, packet)) set({ packet });
  },
  setNodeTab: (nodeTab) => set({ nodeTab }),
  setHandshake: (handshake) => set({ handshake }),
});
