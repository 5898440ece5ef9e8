// What the kernel does with one node's output, always in this order: status, disk writes (each
// checked), events (traced, checked, shown), messages onto the network (its random draws happen
// here, in this order), then client replies.
import type { NodeEvent, NodeOutput } from '../../engine/index';
import type { Kernel } from './kernel';
import type { NodeSlot } from './node-slot';
import { describeNodeEvent } from './sim-events';

type ClientReplyEvent = Extract<NodeEvent, { type: 'clientReply' }>;

export function routeOutput(k: Kernel, slot: NodeSlot, out: NodeOutput): void {
  slot.status = out.status;
  const lead = out.status.swarm?.leader;
  if (lead) k.tokens.observe(lead.tokens);
  k.writeDisk(slot, out);
  if (k.violation) return;
  let replies: ClientReplyEvent[] | null = null;
  for (const e of out.events) {
    slot.observe(e);
    const text = describeNodeEvent(slot.id, e);
    if (text !== null) k.emit(slot.id, e.type === 'swarm' ? e.kind : e.type, text);
    k.checkEvent(slot, e);
    if (k.violation) return;
    if (e.type === 'clientReply') (replies ??= []).push(e);
    else if (e.type === 'handshake') k.recordHandshake(e.record);
  }
  for (const s of out.sends) k.send(slot.id, s.to, s.wire, s.label, s.size);
  if (replies) for (const r of replies) k.hooks!.onClientReply(slot.id, r);
}
