// TLS alerts (RFC 8446 section 6): wire codes, and the error every parser and handshake step throws
// so that one place turns a failure into a fatal alert, a recorded TlsFailure and a dead connection.
import type { AlertName } from './types';

const ALERT_CODES: Record<AlertName, number> = {
  close_notify: 0,
  unexpected_message: 10,
  bad_record_mac: 20,
  handshake_failure: 40,
  bad_certificate: 42,
  certificate_expired: 45,
  certificate_unknown: 46,
  illegal_parameter: 47,
  unknown_ca: 48,
  decode_error: 50,
  decrypt_error: 51,
  protocol_version: 70,
  internal_error: 80,
  missing_extension: 109,
  certificate_required: 116,
  unrecognized_name: 112,
};

/**
 * Alerts a peer may send that AlertName does not list, with the listed alert closest in meaning,
 * so a received failure always has an AlertName; the reason keeps the real name.
 */
const FOREIGN_ALERTS: Record<number, [string, AlertName]> = {
  22: ['record_overflow', 'decode_error'],
  43: ['unsupported_certificate', 'bad_certificate'],
  44: ['certificate_revoked', 'bad_certificate'],
  49: ['access_denied', 'handshake_failure'],
  71: ['insufficient_security', 'handshake_failure'],
  86: ['inappropriate_fallback', 'protocol_version'],
  90: ['user_canceled', 'close_notify'],
  110: ['unsupported_extension', 'illegal_parameter'],
  113: ['bad_certificate_status_response', 'bad_certificate'],
  115: ['unknown_psk_identity', 'handshake_failure'],
  120: ['no_application_protocol', 'handshake_failure'],
};

export function alertCode(name: AlertName): number {
  return ALERT_CODES[name];
}

/** The AlertName for a received code and the name the peer meant (they differ for foreign codes). */
export function alertFromCode(code: number): { alert: AlertName; wireName: string } {
  for (const [name, value] of Object.entries(ALERT_CODES)) {
    if (value === code) return { alert: name as AlertName, wireName: name };
  }
  const foreign = FOREIGN_ALERTS[code];
  if (foreign) return { alert: foreign[1], wireName: foreign[0] };
  return { alert: 'internal_error', wireName: `alert ${code}` };
}

/** Alert record content: level (1 warning, 2 fatal) then description. */
export function encodeAlert(name: AlertName): Uint8Array {
  return Uint8Array.of(name === 'close_notify' ? 1 : 2, alertCode(name));
}

/** Thrown by parsers and handshake steps; the endpoint sends `alert` and records `reason`. */
export class TlsAlertError extends Error {
  constructor(
    readonly alert: AlertName,
    readonly reason: string,
  ) {
    super(`${alert}: ${reason}`);
  }
}

export function fail(alert: AlertName, reason: string): never {
  throw new TlsAlertError(alert, reason);
}
