// The handshake as a ladder: which side sent each message, which one failed, the failure in words,
// and the key schedule rows.
import type { HandshakeStep, TlsFailure, TlsSecrets } from './types';

export type Side = 'client' | 'server';

export interface LadderRow {
  index: number;
  step: HandshakeStep;
  from: Side;
  /** "server Certificate": the words a TlsFailure's step uses. */
  label: string;
  failed: boolean;
}

export function otherSide(side: Side): Side {
  return side === 'client' ? 'server' : 'client';
}

/**
 * Steps are recorded by one end of the connection, 'sent' and 'received' relative to it. The
 * ClientHello always goes client to server, so its direction says which end recorded them.
 */
export function recordingSide(steps: HandshakeStep[]): Side {
  const hello = steps.find((s) => s.type === 'ClientHello');
  return hello?.direction === 'received' ? 'server' : 'client';
}

/** The rows in order; the failed one is the last message matching the failure's step. */
export function ladderRows(steps: HandshakeStep[], failure: TlsFailure | null): LadderRow[] {
  const own = recordingSide(steps);
  const rows = steps.map((step, index) => {
    const from = step.direction === 'sent' ? own : otherSide(own);
    return { index, step, from, label: `${from} ${step.type}`, failed: false };
  });
  const hit = failure ? rows.findLastIndex((r) => r.label === failure.step) : -1;
  if (hit >= 0) rows[hit].failed = true;
  return rows;
}

export function failureLine(failure: TlsFailure): string {
  return `failed at ${failure.step}: ${failure.alert} - ${failure.reason}`;
}

/** Who found the fault; that side is also the one that sent the alert. */
export function detectorSide(failure: TlsFailure, own: Side): Side {
  return failure.remote ? otherSide(own) : own;
}

export function detectorLine(failure: TlsFailure, own: Side, names: Record<Side, string>): string {
  const by = detectorSide(failure, own);
  const who = `${names[by]} (the ${by})`;
  return failure.remote
    ? `Detected by the peer, ${who}, which sent the alert to ${names[own]}.`
    : `Detected here by ${who}, which sent the alert to ${names[otherSide(by)]}.`;
}

export const SECRET_ROWS: readonly [key: keyof TlsSecrets, label: string][] = [
  ['sharedSecret', '(EC)DHE shared secret'],
  ['handshakeSecret', 'handshake secret'],
  ['clientHandshakeTrafficSecret', 'client handshake traffic secret'],
  ['serverHandshakeTrafficSecret', 'server handshake traffic secret'],
  ['masterSecret', 'master secret'],
  ['clientApplicationTrafficSecret', 'client application traffic secret'],
  ['serverApplicationTrafficSecret', 'server application traffic secret'],
];
