// Collects what one step of a node produced, in the order the host must act on it.
import type { Message } from '../raft/types';
import { estimateSize, labelOf } from './wire-labels';
import type { DiskWrite, NodeEvent, NodeOutput, NodeSend, NodeStatus, WireMessage } from './types';

export class OutputBuilder {
  readonly sends: NodeSend[] = [];
  readonly diskWrites: DiskWrite[] = [];
  readonly events: NodeEvent[] = [];

  write(w: DiskWrite): void {
    this.diskWrites.push(w);
  }

  event(e: NodeEvent): void {
    this.events.push(e);
  }

  send(msg: Message): void {
    this.sends.push({ to: msg.to, wire: { kind: 'raft', msg }, size: estimateSize(msg), label: labelOf(msg) });
  }

  sendWire(to: string, wire: WireMessage, label: string, size: number): void {
    this.sends.push({ to, wire, size, label });
  }

  finish(status: NodeStatus): NodeOutput {
    return { sends: this.sends, diskWrites: this.diskWrites, events: this.events, status };
  }
}
