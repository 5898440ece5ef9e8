import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  exportChecks, exportSwarmPki, parseCertificate, parseJoinToken, parsePem, tokenMatchesRoot, verifyChain,
} from '../../../src/engine/pki';
import { NOW, openssl, removeScratchDirs, requireOpenssl, writeFiles } from './helpers';

beforeAll(requireOpenssl);
afterAll(removeScratchDirs);

describe('exportSwarmPki', () => {
  const pki = exportSwarmPki(5, NOW);
  const der = (name: string) => parsePem(pki.files[name])[0].der;

  it('writes the root, both nodes with keys, and the tokens', () => {
    expect(Object.keys(pki.files).sort()).toEqual(['ca.pem', 'manager.key', 'manager.pem', 'tokens.txt', 'worker.key', 'worker.pem']);
    expect(parsePem(pki.files['manager.key'])[0].label).toBe('PRIVATE KEY');
    expect(parseCertificate(der('manager.pem')).subject).toEqual({ cn: pki.managerId, ou: ['swarm-manager'], o: [pki.clusterId] });
    expect(parseCertificate(der('worker.pem')).subject).toEqual({ cn: pki.workerId, ou: ['swarm-worker'], o: [pki.clusterId] });
    expect(verifyChain([der('manager.pem')], [der('ca.pem')], NOW, { serverName: 'swarm-manager' }).ok).toBe(true);
  });

  it('labels two distinct tokens that pin ca.pem', () => {
    const lines = pki.files['tokens.txt'].trim().split('\n');
    expect(lines.map((l) => l.split(': ')[0])).toEqual(['worker', 'manager']);
    const tokens = lines.map((l) => parseJoinToken(l.split(': ')[1]));
    expect(tokens.every((t) => tokenMatchesRoot(t, pki.files['ca.pem']))).toBe(true);
    expect(tokens[0].secret).not.toBe(tokens[1].secret);
  });

  it('is reproducible from the seed', () => {
    expect(exportSwarmPki(5, NOW)).toEqual(pki);
    expect(exportSwarmPki(6, NOW).files['ca.pem']).not.toBe(pki.files['ca.pem']);
  });

  it('passes every printed openssl check', () => {
    const dir = writeFiles(pki.files);
    for (const check of exportChecks(NOW)) {
      const r = openssl(dir, check.args);
      expect({ args: check.args.join(' '), ok: r.status === 0 }).toEqual({ args: check.args.join(' '), ok: check.expect === 'succeeds' });
    }
  });
});

describe('npm run pki:export', () => {
  it('writes the files and prints the commands', () => {
    const out = join(writeFiles({}), 'pki');
    const r = spawnSync(join('node_modules', '.bin', 'tsx'), ['scripts/pki-export.ts', '--seed', '5', '--out', out], { encoding: 'utf8' });
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('issued at simulated time 2026-01-01T00:00:00.000Z');
    expect(r.stdout).toContain('-attime 1767225600');
    expect(readdirSync(out).sort()).toEqual(['ca.pem', 'manager.key', 'manager.pem', 'tokens.txt', 'worker.key', 'worker.pem']);
    expect(readFileSync(join(out, 'ca.pem'), 'utf8')).toBe(exportSwarmPki(5, NOW).files['ca.pem']);
    const v = openssl(out, ['verify', '-x509_strict', '-attime', '1767225600', '-CAfile', 'ca.pem', 'manager.pem', 'worker.pem']);
    expect(v.out).toBe('manager.pem: OK\nworker.pem: OK\n');
  }, 20_000);
});
