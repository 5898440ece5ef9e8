// What a run leaves behind: every send, delivery, drop, node event and user action, in processing
// order. describeRecord() is the canonical one-line text the trace digest is computed over.
import type { SendFate } from '../network/network';

export type DropReason = 'cut' | 'down';

export type TraceRecord =
  | { t: number; k: 'send'; id: number; from: string; to: string; label: string; size: number; recvMs: number; fate: SendFate }
  | { t: number; k: 'deliver'; id: number; from: string; to: string; label: string }
  | { t: number; k: 'drop'; id: number; from: string; to: string; label: string; reason: DropReason }
  | { t: number; k: 'event'; node: string | null; kind: string; text: string }
  | { t: number; k: 'action'; action: string };

export function describeRecord(r: TraceRecord): string {
  switch (r.k) {
    case 'send':
      return `${r.t} send #${r.id} ${r.from}>${r.to} ${r.label} ${r.size}B ${r.fate} ${r.recvMs}`;
    case 'deliver':
      return `${r.t} deliver #${r.id} ${r.from}>${r.to} ${r.label}`;
    case 'drop':
      return `${r.t} drop #${r.id} ${r.from}>${r.to} ${r.label} ${r.reason}`;
    case 'event':
      return `${r.t} event ${r.node ?? '-'} ${r.kind} ${r.text}`;
    case 'action':
      return `${r.t} action ${r.action}`;
  }
}
