// The page's URL is untrusted: good values are used, anything else falls back to defaults.
import { describe, expect, it } from 'vitest';
import { pageQuery, readPageParams } from '../../src/ui/app/url-params';
import { DEFAULT_CONFIG } from '../../src/ui/store/session-config';

describe('page URL', () => {
  it('reads seed, cluster size, host, options, latency, speed and play', () => {
    const p = readPageParams('?seed=42&managers=5&host=inline&prevote=1&checkquorum=0&latency=25&speed=20&play=0');
    expect(p.config).toEqual({ ...DEFAULT_CONFIG, seed: 42, managers: 5, host: 'inline', preVote: true, checkQuorum: false, latencyMs: 25 });
    expect(p.speed).toBe(20);
    expect(p.play).toBe(false);
  });

  it('falls back to defaults for missing or bad values', () => {
    const p = readPageParams('?seed=-3&managers=99&host=gpu&prevote=maybe&latency=1e9&speed=abc');
    expect(p.config).toEqual(DEFAULT_CONFIG);
    expect(p.speed).toBe(1);
    expect(p.play).toBe(true);
    expect(p.ignored).toEqual([
      'seed=-3 ignored: expected a whole number from 0 to 4294967295; using 1',
      'managers=99 ignored: expected a whole number from 1 to 9; using 3',
      'host=gpu ignored: expected worker or inline; using worker',
      'prevote=maybe ignored: expected 0 or 1; using 0',
      'latency=1e9 ignored: expected milliseconds from 0 to 60000; using 100',
      'speed=abc ignored: expected a positive number; using 1',
    ]);
    expect(readPageParams('?seed=5&managers=3').ignored).toEqual([]);
    expect(readPageParams('?seed=4294967296').config.seed).toBe(DEFAULT_CONFIG.seed);
    expect(readPageParams('?seed=4294967295').config.seed).toBe(4294967295);
  });

  it('starts a 3-manager, 2-worker mTLS swarm by default and reads the swarm options', () => {
    expect(readPageParams('').config).toMatchObject({ managers: 3, workers: 2, security: 'mtls', certExpiryHours: 2160 });
    const p = readPageParams('?workers=8&security=none&certexpiry=24');
    expect(p.config).toMatchObject({ workers: 8, security: 'none', certExpiryHours: 24 });
    expect(p.ignored).toEqual([]);
  });

  it('reports unusable swarm options and runs the defaults', () => {
    const p = readPageParams('?workers=56&security=tls&certexpiry=0.5');
    expect(p.config).toEqual(DEFAULT_CONFIG);
    expect(p.ignored).toEqual([
      'workers=56 ignored: expected a whole number from 0 to 55; using 2',
      'security=tls ignored: expected mtls or none; using mtls',
      'certexpiry=0.5 ignored: expected hours from 1 to 1000000; using 2160',
    ]);
  });

  it('writes a query that reads back to the same run and keeps other parameters', () => {
    const config = { seed: 7, managers: 7, workers: 4, host: 'worker' as const, preVote: true, checkQuorum: true, latencyMs: 250, security: 'none' as const, certExpiryHours: 1.5 };
    const query = pageQuery(config, '?speed=5');
    expect(readPageParams(query).config).toEqual(config);
    expect(new URLSearchParams(query).get('speed')).toBe('5');
  });
});
