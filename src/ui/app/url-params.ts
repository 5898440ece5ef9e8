// The page's query string: ?seed=N&managers=N&host=worker|inline&prevote=0|1&checkquorum=0|1
// &latency=MS&speed=X&play=0|1. A URL is untrusted input: anything out of range falls back to
// the default, and the URL is rewritten to what actually runs.
import { isHostKind, MAX_MANAGERS } from '../../sim/api';
import { DEFAULT_CONFIG, type SessionConfig } from '../store/session-config';

export interface PageParams {
  config: SessionConfig;
  speed: number;
  play: boolean;
}

function intParam(q: URLSearchParams, name: string, lo: number, hi: number): number | null {
  const raw = q.get(name);
  if (raw === null || !/^\d+$/.test(raw)) return null;
  const n = Number(raw);
  return n >= lo && n <= hi ? n : null;
}

function boolParam(q: URLSearchParams, name: string): boolean | null {
  const raw = q.get(name);
  if (raw === '1' || raw === 'true' || raw === 'on') return true;
  if (raw === '0' || raw === 'false' || raw === 'off') return false;
  return null;
}

export function readPageParams(search: string): PageParams {
  const q = new URLSearchParams(search);
  const host = q.get('host');
  const speed = Number(q.get('speed'));
  const config: SessionConfig = {
    seed: intParam(q, 'seed', 0, 0xffff_ffff) ?? DEFAULT_CONFIG.seed,
    managers: intParam(q, 'managers', 1, MAX_MANAGERS) ?? DEFAULT_CONFIG.managers,
    host: isHostKind(host) ? host : DEFAULT_CONFIG.host,
    preVote: boolParam(q, 'prevote') ?? DEFAULT_CONFIG.preVote,
    checkQuorum: boolParam(q, 'checkquorum') ?? DEFAULT_CONFIG.checkQuorum,
    latencyMs: intParam(q, 'latency', 0, 60_000) ?? DEFAULT_CONFIG.latencyMs,
  };
  return { config, speed: Number.isFinite(speed) && speed > 0 ? speed : 1, play: boolParam(q, 'play') ?? true };
}

/** The query string for a configuration (playback state is left out: it is not part of a run). */
export function pageQuery(config: SessionConfig, search: string): string {
  const q = new URLSearchParams(search);
  q.set('seed', String(config.seed));
  q.set('managers', String(config.managers));
  q.set('host', config.host);
  q.set('prevote', config.preVote ? '1' : '0');
  q.set('checkquorum', config.checkQuorum ? '1' : '0');
  q.set('latency', String(config.latencyMs));
  return `?${q.toString()}`;
}
