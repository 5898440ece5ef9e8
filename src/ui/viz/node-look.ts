// How a node's Raft role is drawn: a word (always), a colour, and a ring style, so the role reads
// without colour. The leader gets a crown and a double ring on top of this. Membership comes
// first: a removed node says REMOVED (greyed, whatever it still thinks it is), a node waiting to be
// added says JOINING.
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

export function nodeLook(card: Pick<NodeCard, 'role' | 'member'>): NodeLook {
  if (card.member === 'removed') return REMOVED;
  if (card.member === 'joining' && card.role !== 'down') return JOINING;
  return LOOKS[card.role];
}

/** Words for screen readers and for Playwright's getByRole(name). */
export function nodeAriaLabel(card: NodeCard): string {
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
