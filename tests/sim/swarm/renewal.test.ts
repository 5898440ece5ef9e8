// Certificate renewal inside a running swarm: at 50-80 % of the validity, over mTLS (no token),
// with the role from the store; an expired certificate can no longer get through mTLS.
import { describe, expect, it } from 'vitest';
import { SIM_EPOCH_MS } from '../../../src/engine/index';
import { certsOf, eventsMatching, runSwarm, statusOf } from './swarm-helpers';

const HOUR = 3_600_000;

describe('certificate renewal', () => {
  const sim = runSwarm({ seed: 31, options: { managers: 3, workers: 2, certExpiryHours: 1 } }, 50 * 60_000);

  it('renews every node inside its window: 50-80 % of NotBefore..NotAfter (2 h with the backdate)', () => {
    for (const node of ['node-1', 'node-2', 'node-3', 'node-4', 'node-5']) {
      const renewals = eventsMatching(sim, new RegExp(`^${node}: new certificate`));
      expect(renewals.length).toBeGreaterThanOrEqual(1);
      // The first certificate was issued at t=0 (NotBefore = -1 h); 50-80 % of 2 h is 0-36 min after t=0.
      expect(renewals[0].t).toBeLessThan(0.6 * HOUR + 5000);
    }
  });

  it('keeps each node its role and identity: same CN, OU, O; new key, new validity', () => {
    const [leaf] = certsOf(sim, 'node-4');
    expect(leaf.subject.ou).toEqual(['swarm-worker']);
    expect(leaf.notAfter - leaf.notBefore).toBe(2 * HOUR);
    expect(leaf.notBefore).toBeGreaterThan(SIM_EPOCH_MS - HOUR);
    expect(statusOf(sim, 'node-4').swarm?.nodeId).toBe(leaf.subject.cn);
  });

  it('schedules the next renewal inside the new window', () => {
    const st = statusOf(sim, 'node-2').swarm!;
    const [leaf] = certsOf(sim, 'node-2');
    const at = SIM_EPOCH_MS + st.renewAtMs!;
    expect(at).toBeGreaterThanOrEqual(leaf.notBefore + 0.5 * (leaf.notAfter - leaf.notBefore) - 60_000);
    expect(at).toBeLessThan(leaf.notBefore + 0.8 * (leaf.notAfter - leaf.notBefore));
  });
});

describe('an expired certificate', () => {
  const sim = runSwarm({
    seed: 32,
    options: { managers: 3, workers: 1, certExpiryHours: 1 },
    actions: [
      { atMs: 5_000, action: { type: 'kill', node: 'node-4' } },
      { atMs: 2.5 * HOUR, action: { type: 'restart', node: 'node-4' } },
    ],
  }, 2.5 * HOUR + 30_000);

  it('is refused in the TLS handshake by every manager, with the expiry as the reason', () => {
    const failures = sim.handshakes('node-4').filter((h) => h.state === 'failed');
    expect(failures.length).toBeGreaterThan(0);
    const server = failures.find((h) => h.side === 'server')!;
    expect(server.failure?.alert).toBe('certificate_expired');
    expect(server.failure?.reason).toMatch(/^expired: certificate CN=\w+ expired at/);
    expect(statusOf(sim, 'node-4').swarm?.detail).toMatch(/expired|certificate/);
  });
});
