// The page's query string: ?seed=N&managers=N&workers=N&security=mtls|none&certexpiry=HOURS
// &host=worker|inline&prevote=0|1&checkquorum=0|1&latency=MS&speed=X&play=0|1. A URL is untrusted input: anything out of range falls back to
// the default, the page says which values it ignored and why, and the URL is rewritten to what
// actually runs.
import { isHostKind, MAX_MANAGERS, MAX_NODES } from '../../sim/api';
import { DEFAULT_CONFIG, type Security, type SessionConfig } from '../store/session-config';

export interface PageParams {
  config: SessionConfig;
  speed: number;
  play: boolean;
  /** One sentence per parameter that was present but unusable, e.g. "managers=12 ignored: ...". */
  ignored: string[];
}

/** Reads one parameter; a present but unusable value is reported and yields the fallback. */
function reader(q: URLSearchParams, ignored: string[]) {
  return <T>(name: string, parse: (raw: string) => T | null, expected: string, fallback: T): T => {
    const raw = q.get(name);
    if (raw === null) return fallback;
    const value = parse(raw);
    if (value !== null) return value;
    const shown = typeof fallback === 'boolean' ? Number(fallback) : fallback;
    ignored.push(`${name}=${raw.slice(0, 40)} ignored: expected ${expected}; using ${String(shown)}`);
    return fallback;
  };
}

const wholeNumber = (lo: number, hi: number) => (raw: string) => {
  const n = /^\d+$/.test(raw) ? Number(raw) : NaN;
  return n >= lo && n <= hi ? n : null;
};

function onOff(raw: string): boolean | null {
  if (raw === '1' || raw === 'true' || raw === 'on') return true;
  if (raw === '0' || raw === 'false' || raw === 'off') return false;
  return null;
}

function security(raw: string): Security | null {
  return raw === 'mtls' || raw === 'none' ? raw : null;
}

/** Hours of certificate validity: at least 1 h, as swarmkit requires. */
function certHours(raw: string): number | null {
  const n = Number(raw);
  return Number.isFinite(n) && n >= 1 && n <= 1_000_000 ? n : null;
}

function positive(raw: string): number | null {
  const n = Number(raw);
  return Number.isFinite(n) && n > 0 ? n : null;
}

export function readPageParams(search: string): PageParams {
  const q = new URLSearchParams(search);
  const ignored: string[] = [];
  const read = reader(q, ignored);
  const config: SessionConfig = {
    seed: read('seed', wholeNumber(0, 0xffff_ffff), 'a whole number from 0 to 4294967295', DEFAULT_CONFIG.seed),
    managers: read('managers', wholeNumber(1, MAX_MANAGERS), `a whole number from 1 to ${MAX_MANAGERS}`, DEFAULT_CONFIG.managers),
    workers: read('workers', wholeNumber(0, MAX_NODES - MAX_MANAGERS), `a whole number from 0 to ${MAX_NODES - MAX_MANAGERS}`, DEFAULT_CONFIG.workers),
    security: read('security', security, 'mtls or none', DEFAULT_CONFIG.security),
    certExpiryHours: read('certexpiry', certHours, 'hours from 1 to 1000000', DEFAULT_CONFIG.certExpiryHours),
    host: read('host', (raw) => (isHostKind(raw) ? raw : null), 'worker or inline', DEFAULT_CONFIG.host),
    preVote: read('prevote', onOff, '0 or 1', DEFAULT_CONFIG.preVote),
    checkQuorum: read('checkquorum', onOff, '0 or 1', DEFAULT_CONFIG.checkQuorum),
    latencyMs: read('latency', wholeNumber(0, 60_000), 'milliseconds from 0 to 60000', DEFAULT_CONFIG.latencyMs),
  };
  const speed = read('speed', positive, 'a positive number', 1);
  const play = read('play', onOff, '0 or 1', true);
  return { config, speed, play, ignored };
}

/** The query string for a configuration (playback state is left out: it is not part of a run). */
export function pageQuery(config: SessionConfig, search: string): string {
  const q = new URLSearchParams(search);
  q.set('seed', String(config.seed));
  q.set('managers', String(config.managers));
  q.set('workers', String(config.workers));
  q.set('security', config.security);
  q.set('certexpiry', String(config.certExpiryHours));
  q.set('host', config.host);
  q.set('prevote', config.preVote ? '1' : '0');
  q.set('checkquorum', config.checkQuorum ? '1' : '0');
  q.set('latency', String(config.latencyMs));
  return `?${q.toString()}`;
}
