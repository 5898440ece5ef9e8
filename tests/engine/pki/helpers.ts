// Shared fixtures for the PKI tests: a fixed simulated clock, a small swarm, and an openssl runner.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Rng } from '../../../src/engine/core/prng';
import {
  createCsr, createRootCA, DEFAULT_NODE_CERT_EXPIRY_MS, generateKeyPair, issueNodeCertificate, toPem,
} from '../../../src/engine/pki';
import type { KeyPair, SwarmRole } from '../../../src/engine/pki';

export const NOW = Date.UTC(2026, 0, 1, 0, 0, 0);
export const HOUR = 3600_000;
export const DAY = 24 * HOUR;
export const OPENSSL = '/usr/bin/openssl';

export interface Ca { cert: Uint8Array; key: KeyPair }

export function makeRoot(seed: number, nowMs = NOW): Ca {
  return createRootCA(new Rng(seed), nowMs);
}

export function makeLeaf(ca: Ca, role: SwarmRole, opts: { seed?: number; nodeId?: string; nowMs?: number; expiryMs?: number } = {}) {
  const rng = new Rng(opts.seed ?? 7);
  const key = generateKeyPair(rng);
  const cert = issueNodeCertificate({
    csr: createCsr(key), nodeId: opts.nodeId ?? 'node1abc', role, clusterId: 'cluster9xyz',
    signerCert: ca.cert, signerKey: ca.key, nowMs: opts.nowMs ?? NOW,
    expiryMs: opts.expiryMs ?? DEFAULT_NODE_CERT_EXPIRY_MS, rng,
  });
  return { key, cert };
}

export const pem = (der: Uint8Array) => toPem(der, 'CERTIFICATE');

export function requireOpenssl(): void {
  if (!existsSync(OPENSSL)) {
    throw new Error(`${OPENSSL} is missing: these tests check our DER with OpenSSL; install it (apt-get install -y openssl)`);
  }
}

const scratchDirs: string[] = [];

/** Call from afterAll in every file that uses writeFiles. */
export function removeScratchDirs(): void {
  for (const dir of scratchDirs.splice(0)) rmSync(dir, { recursive: true, force: true });
}

/** A fresh directory holding the files, for openssl to read. */
export function writeFiles(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'swarmscope-pki-'));
  scratchDirs.push(dir);
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  return dir;
}

export function openssl(dir: string, args: string[]): { status: number | null; out: string } {
  const r = spawnSync(OPENSSL, args, { cwd: dir, encoding: 'utf8' });
  return { status: r.status, out: `${r.stdout}${r.stderr}` };
}

/** -attime takes epoch seconds. */
export const attime = (ms: number) => ['-attime', String(Math.floor(ms / 1000))];
