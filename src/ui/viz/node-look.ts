// How a node's Raft role is drawn: a word (always), a colour, and a ring style, so the role reads
// without colour. The leader gets a crown and a double ring on top of this. The swarm comes first:
// a node whose join failed says FAILED, one still joining (or a new manager not in Raft yet) says
// JOINING, a worker says WORKER (and is drawn square). Then membership: a removed node says
// REMOVED (greyed, whatever it still thinks it is), a node waiting to be added says JOINING.
import type { NodeCard } from '../store/selectors';

export interface NodeLook {
  word: string;
  colour: string;
  fill: string;
  ringDash: string | undefined;
}

const LOOKS: Record<NodeCard['role'], NodeLook> = {
  leader: { word: 'LEADER', colour: '#f5c542', fill: '#2b2410', ringDash: undefined },
  candidate: { word: 'CANDIDATE', colour: '#ffb547', fill: '#2a1d0e', ringDash: '7 4' },
  'pre-candidate': { word: 'PRE-CANDIDATE', colour: '#c792ff', fill: '#221a33', ringDash: '2 4' },
  follower: { word: 'FOLLOWER', colour: '#5aa9ff', fill: '#13213a', ringDash: undefined },
  down: { word: 'DOWN', colour: '#8a94a8', fill: '#1a1d24', ringDash: '4 4' },
};

const REMOVED: NodeLook = { word: 'REMOVED', colour: '#8a94a8', fill: '#15181e', ringDash: '1 5' };
const JOINING: NodeLook = { word: 'JOINING', colour: '#4fd1a5', fill: '#10241f', ringDash: '8 3' };
const WORKER: NodeLook = { word: 'WORKER', colour: '#7fd4e8', fill: '#102228', ringDash: undefined };
const FAILED: NodeLook = { word: 'FAILED', colour: '#ff6b6b', fill: '#2a1216', ringDash: '3 3' };

type LookInput = Pick<NodeCard, 'role' | 'member'> & Partial<Pick<NodeCard, 'phase' | 'raft'>>;

export function nodeLook(card: LookInput): NodeLook {
  if (card.role !== 'down') {
    if (card.phase === 'failed') return FAILED;
    if (card.phase === 'joining') return JOINING;
    if (card.member === 'worker') return WORKER;
    if (card.raft === false) return JOINING;
  }
  if (card.member === 'worker') return LOOKS.down;
  if (card.member === 'removed') return REMOVED;
  if (card.member === 'joining' && card.role !== 'down') return JOINING;
  return LOOKS[card.role];
}

/** Words for screen readers and for Playwright's getByRole(name). */
export function nodeAriaLabel(card: NodeCard): string {
  if (card.phase === 'failed') return `${card.id}, join failed`;
  if (card.phase === 'joining') return `${card.id}, joining the swarm`;
  if (card.member === 'worker') return `${card.id}, worker, ${card.up ? 'up' : 'down'}`;
  const state = card.up ? `${card.role}, term ${card.term}` : 'down';
  if (card.member === 'voter') return `${card.id}, ${state}`;
  return `${card.id}, ${card.member}, ${state}`;
}

/** A crown above the node: the leader is marked by shape, not only by colour. */
export function crownPath(nodeRadius: number): string {
  const w = 30;
  const h = 18;
  const top = -nodeRadius - 14 - h / 2;
  const base = top + h;
  const l = -w / 2;
  const r = w / 2;
  return `M${l},${base} L${l},${top + 4} L${l + w * 0.25},${top + 10} L0,${top} L${r - w * 0.25},${top + 10} L${r},${top + 4} L${r},${base} Z`;
}
