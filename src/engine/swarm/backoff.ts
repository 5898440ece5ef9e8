// Random waits between retries, as swarmkit draws them (go-events ExponentialBackoff): a random
// wait in [0, base + base * 2^(n-1)), capped. n is the number of failures so far.
import type { Rng } from '../core/prng';

export function backoffMs(rng: Rng, failures: number, baseMs: number, capMs: number): number {
  const ceiling = failures <= 0 ? baseMs : Math.min(capMs, baseMs + baseMs * 2 ** (failures - 1));
  return Math.floor(rng.float() * ceiling);
}

/** NodeCertificateStatus polling: base 1 s, cap 30 s. */
export const POLL_BACKOFF = { baseMs: 1000, capMs: 30_000 };
/** RenewTLSExponentialBackoff: base 5 s, cap 1 h. */
export const RENEW_BACKOFF = { baseMs: 5000, capMs: 3_600_000 };
/** GetCertRetryInterval: the root CA download is retried 5 times, 2 s apart. */
export const ROOT_RETRY_MS = 2000;
export const ROOT_ATTEMPTS = 5;
/** Every CA RPC has a 5 s deadline. */
export const RPC_TIMEOUT_MS = 5000;
/** A forced renewal (CA rotation) waits 500 ms first. */
export const FORCED_RENEW_DELAY_MS = 500;
