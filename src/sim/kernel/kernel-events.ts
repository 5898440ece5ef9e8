// What the event queue holds. Node-bound events carry the incarnation they were meant for, so a
// timer or message for a node that died (and maybe came back) is recognised as stale.
import type { NodeInput, WireMessage } from '../../engine/index';
import type { UserAction } from '../scenario/actions';

interface Base {
  timeMs: number;
  rank: number;
  seq: number;
}

export interface TickEvent extends Base {
  kind: 'tick';
  node: string;
  incarnation: number;
}

export interface DeliverEvent extends Base {
  kind: 'deliver';
  node: string;
  incarnation: number;
  from: string;
  msgId: number;
  label: string;
  wire: WireMessage;
}

/** Any other input for one node: a client request or an operator command. */
export interface InputEvent extends Base {
  kind: 'input';
  node: string;
  incarnation: number;
  input: NodeInput;
}

export interface ActionEvent extends Base {
  kind: 'action';
  action: UserAction;
}

export interface ClientTimerEvent extends Base {
  kind: 'clientTimer';
  clientId: number;
  token: number;
}

export type NodeBoundEvent = TickEvent | DeliverEvent | InputEvent;
export type KernelEvent = NodeBoundEvent | ActionEvent | ClientTimerEvent;
