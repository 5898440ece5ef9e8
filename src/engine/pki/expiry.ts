// Expiry policy: the UpdateCluster check on --cert-expiry and the renewal schedule
// (ca/config.go calculateRandomExpiry).
import type { Rng } from '../core/prng';
import { CERT_LOWER_ROTATION_RANGE, CERT_UPPER_ROTATION_RANGE, MIN_NODE_CERT_EXPIRY_MS } from './constants';
import type { CertInfo } from './types';

const MINUTE_MS = 60_000;

/** Go's time.Duration.String() for whole milliseconds: "1h0m0s", "2m30s", "1.5s", "250ms", "0s". */
export function goDuration(ms: number): string {
  if (ms === 0) return '0s';
  const sign = ms < 0 ? '-' : '';
  const abs = Math.abs(ms);
  if (abs < 1000) return `${sign}${abs}ms`;
  const hours = Math.floor(abs / 3_600_000);
  const minutes = Math.floor(abs / MINUTE_MS) % 60;
  const seconds = ((abs % MINUTE_MS) / 1000).toString();
  if (hours > 0) return `${sign}${hours}h${minutes}m${seconds}s`;
  if (minutes > 0) return `${sign}${minutes}m${seconds}s`;
  return `${sign}${seconds}s`;
}

/** The error UpdateCluster returns for a node certificate expiry under the minimum, else null. */
export function certExpiryError(expiryMs: number): string | null {
  if (expiryMs >= MIN_NODE_CERT_EXPIRY_MS) return null;
  return `minimum certificate expiry time is: ${goDuration(MIN_NODE_CERT_EXPIRY_MS)}`;
}

/**
 * Delay until the node should renew: a whole number of minutes after NotBefore, drawn from
 * [50%, 80%) of the validity span so a swarm does not renew all at once; never negative.
 */
export function renewalDelayMs(cert: CertInfo, nowMs: number, rng: Rng): number {
  const spanMinutes = (cert.notAfter - cert.notBefore) / MINUTE_MS;
  const lo = Math.trunc(spanMinutes * CERT_LOWER_ROTATION_RANGE);
  const hi = Math.trunc(spanMinutes * CERT_UPPER_ROTATION_RANGE);
  const minutes = hi - lo < 1 ? lo : lo + rng.int(0, hi - lo);
  return Math.max(0, cert.notBefore + minutes * MINUTE_MS - nowMs);
}
