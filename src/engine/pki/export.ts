// A complete swarm PKI from one seed, as files a student can inspect with openssl: what
// `npm run pki:export` writes. Pure: the script does the file I/O.
import { Rng } from '../core/prng';
import { DEFAULT_NODE_CERT_EXPIRY_MS } from './constants';
import { createCsr } from './csr';
import { newId } from './identity';
import { issueNodeCertificate, createRootCA } from './issue';
import { encodePkcs8PrivateKey, generateKeyPair } from './keys';
import { toPem } from './pem';
import { generateJoinToken } from './tokens';
import type { KeyPair, SwarmRole } from './types';

export interface SwarmPkiExport {
  files: Record<string, string>;
  clusterId: string;
  managerId: string;
  workerId: string;
}

/** The order of draws from the stream is part of the seed's meaning: root, cluster, manager, worker, tokens. */
export function exportSwarmPki(seed: number, nowMs: number): SwarmPkiExport {
  const rng = new Rng(seed);
  const root = createRootCA(rng, nowMs);
  const clusterId = newId(rng);
  const issue = (role: SwarmRole) => {
    const key = generateKeyPair(rng);
    const nodeId = newId(rng);
    const cert = issueNodeCertificate({
      csr: createCsr(key), nodeId, role, clusterId, signerCert: root.cert, signerKey: root.key,
      nowMs, expiryMs: DEFAULT_NODE_CERT_EXPIRY_MS, rng,
    });
    return { nodeId, cert, key };
  };
  const manager = issue('manager');
  const worker = issue('worker');
  const caPem = toPem(root.cert, 'CERTIFICATE');
  const tokens = [
    `worker: ${generateJoinToken(caPem, rng)}`,
    `manager: ${generateJoinToken(caPem, rng)}`,
  ];
  const keyPem = (key: KeyPair) => toPem(encodePkcs8PrivateKey(key), 'PRIVATE KEY');
  return {
    clusterId,
    managerId: manager.nodeId,
    workerId: worker.nodeId,
    files: {
      'ca.pem': caPem,
      'manager.pem': toPem(manager.cert, 'CERTIFICATE'),
      'manager.key': keyPem(manager.key),
      'worker.pem': toPem(worker.cert, 'CERTIFICATE'),
      'worker.key': keyPem(worker.key),
      'tokens.txt': `${tokens.join('\n')}\n`,
    },
  };
}

export interface CheckCommand {
  /** argv for openssl, run in the export directory. */
  args: string[];
  /** What a correct export makes openssl do. */
  expect: 'succeeds' | 'fails';
  why: string;
}

/**
 * The openssl checks a student can run on the exported files, at the simulated time. Without a
 * worker (a swarm that has none yet) the worker's checks are left out.
 */
export function exportChecks(nowMs: number, withWorker = true): CheckCommand[] {
  const at = ['-attime', String(Math.floor(nowMs / 1000))];
  const verify = (purpose: string) => ['verify', '-x509_strict', ...at, '-purpose', purpose, '-CAfile', 'ca.pem'];
  const checks: CheckCommand[] = [
    { args: ['x509', '-in', 'ca.pem', '-noout', '-text'], expect: 'succeeds', why: 'the root CA, CN=swarm-ca' },
    { args: ['x509', '-in', 'manager.pem', '-noout', '-text'], expect: 'succeeds', why: 'a manager certificate' },
    {
      args: [...verify('sslclient'), 'manager.pem', ...(withWorker ? ['worker.pem'] : [])],
      expect: 'succeeds', why: withWorker ? 'both nodes may act as TLS clients' : 'the manager may act as a TLS client',
    },
    {
      args: [...verify('sslserver'), '-verify_hostname', 'swarm-manager', 'manager.pem'],
      expect: 'succeeds', why: 'nodes dial managers with ServerName swarm-manager',
    },
    { args: ['pkey', '-in', 'manager.key', '-check', '-noout'], expect: 'succeeds', why: 'the PKCS#8 P-256 key is sound' },
  ];
  if (!withWorker) return checks;
  checks.splice(4, 0, {
    args: [...verify('sslserver'), '-verify_hostname', 'swarm-manager', 'worker.pem'],
    expect: 'fails', why: 'a worker has no swarm-manager SAN, so it cannot pose as a manager',
  });
  checks.push({ args: ['pkey', '-in', 'worker.key', '-check', '-noout'], expect: 'succeeds', why: 'the PKCS#8 P-256 key is sound' });
  return checks;
}

/** The checks as shell lines: a comment saying what to expect, then the command. */
export function checksText(checks: CheckCommand[]): string {
  const lines: string[] = [];
  for (const check of checks) {
    lines.push(`# ${check.why} (${check.expect === 'succeeds' ? 'should succeed' : 'must fail'})`);
    lines.push(`openssl ${check.args.map(shellQuote).join(' ')}`);
  }
  return `${lines.join('\n')}\n`;
}

function shellQuote(arg: string): string {
  return /^[\w./:=-]+$/.test(arg) ? arg : `'${arg}'`;
}
