// npm run pki:export -- --seed S --out DIR [--now ISO]
// Writes the PKI of a fresh swarm made from seed S (root CA, one manager, one worker, join
// tokens) as PEM files, then prints the openssl commands that check them. Certificates are
// issued at a fixed simulated time (default 2026-01-01T00:00:00Z), so the checks use -attime.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { checksText, exportChecks, exportSwarmPki } from '../src/engine/pki';

const DEFAULT_NOW = '2026-01-01T00:00:00Z';
const USAGE = 'usage: npm run pki:export -- --seed S --out DIR [--now ISO]';

function fail(message: string): never {
  process.stderr.write(`${message}\n${USAGE}\n`);
  process.exit(1);
}

function parseArgs(argv: string[]): { seed: number; out: string; nowMs: number } {
  const opts: Record<string, string> = {};
  for (let i = 0; i < argv.length; i += 2) {
    const key = argv[i];
    if (!['--seed', '--out', '--now'].includes(key)) fail(`unknown option ${key}`);
    if (argv[i + 1] === undefined) fail(`${key} needs a value`);
    opts[key] = argv[i + 1];
  }
  const seed = Number(opts['--seed']);
  if (!Number.isSafeInteger(seed) || seed < 0 || seed > 0xffffffff) fail('--seed needs a whole number in [0, 2^32)');
  if (!opts['--out']) fail('--out DIR is required');
  const nowMs = Date.parse(opts['--now'] ?? DEFAULT_NOW);
  if (Number.isNaN(nowMs)) fail(`--now needs an ISO date, got '${opts['--now']}'`);
  return { seed, out: opts['--out'], nowMs };
}

function main(): void {
  const { seed, out, nowMs } = parseArgs(process.argv.slice(2));
  const pki = exportSwarmPki(seed, nowMs);
  mkdirSync(out, { recursive: true });
  for (const [name, text] of Object.entries(pki.files)) writeFileSync(join(out, name), text);
  const lines = [
    `Swarm PKI from seed ${seed}, issued at simulated time ${new Date(nowMs).toISOString()}`,
    `cluster ${pki.clusterId}, manager ${pki.managerId}, worker ${pki.workerId}`,
    `wrote ${Object.keys(pki.files).join(', ')} to ${out}`,
    '',
    `Check them with openssl (in ${out}; -attime pins the check to the simulated time):`,
  ];
  const commands = checksText(exportChecks(nowMs)).replace(/^/gm, '  ').trimEnd();
  process.stdout.write(`${lines.join('\n')}\n${commands}\n`);
}

main();
