// npm run soak -- --seeds N [--from S] [--seed S] [--history FILE] [--safety-ms MS] [--clients N] [--mtls]
// Runs sweep seeds (faults + clients, all safety checkers, then the liveness phase) and checks
// each seed's client history for linearizability. --seed S runs one seed and prints its stats;
// --history FILE writes the first seed's client history as a JSON array (format: docs/scenario-format.md).
// Exits 1 if any seed fails, naming each failing seed and the command that reproduces it.
import { writeFileSync } from 'node:fs';
import { checkSweepHistory, runSweepSeed, type SweepResult } from '../src/sim/sweep';

interface Args {
  from: number;
  count: number;
  single: boolean;
  history: string | null;
  safetyMs: number | undefined;
  clients: number | undefined;
  /** Run the whole swarm stack (PKI, Raft inside mTLS) instead of bare Raft. */
  mtls: boolean;
}

const USAGE = 'usage: npm run soak -- --seeds N [--from S] [--seed S] [--history FILE] [--safety-ms MS] [--clients N] [--mtls]';
const PROGRESS_EVERY = 100;

function fail(message: string): never {
  process.stderr.write(`${message}\n${USAGE}\n`);
  process.exit(1);
}

function uint(name: string, text: string | undefined): number {
  const n = Number(text);
  if (text === undefined || !Number.isSafeInteger(n) || n < 0 || n > 0xffff_ffff) fail(`${name} needs a whole number from 0 to 4294967295, got '${text ?? ''}'`);
  return n;
}

function parseArgs(argv: string[]): Args {
  const args: Args = { from: 0, count: 0, single: false, history: null, safetyMs: undefined, clients: undefined, mtls: false };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--seeds') args.count = uint('--seeds', argv[++i]);
    else if (arg === '--from') args.from = uint('--from', argv[++i]);
    else if (arg === '--seed') {
      args.from = uint('--seed', argv[++i]);
      args.count = 1;
      args.single = true;
    } else if (arg === '--history') {
      args.history = argv[++i] ?? fail('--history needs a file name');
    } else if (arg === '--safety-ms') args.safetyMs = uint('--safety-ms', argv[++i]);
    else if (arg === '--clients') args.clients = uint('--clients', argv[++i]);
    else if (arg === '--mtls') args.mtls = true;
    else fail(`unknown argument '${arg}'`);
  }
  if (args.count === 0) fail('nothing to run: give --seeds N or --seed S');
  return args;
}

function runOne(seed: number, args: Args): { result: SweepResult | null; error: string | null } {
  try {
    const result = runSweepSeed(seed, { safetyMs: args.safetyMs, clients: args.clients, security: args.mtls ? 'mtls' : 'none' });
    checkSweepHistory(result);
    return { result, error: null };
  } catch (err) {
    return { result: null, error: err instanceof Error ? err.message : String(err) };
  }
}

function main(): void {
  const args = parseArgs(process.argv.slice(2));
  const failures: string[] = [];
  const started = performance.now();
  let virtualMs = 0;
  for (let i = 0; i < args.count; i++) {
    const seed = args.from + i;
    const { result, error } = runOne(seed, args);
    if (error) {
      failures.push(error);
      process.stderr.write(`${error}\n`);
    }
    if (result) virtualMs += result.stats.virtualMs;
    if (result && args.single) process.stdout.write(`seed ${seed}: ${JSON.stringify(result.stats)}\n`);
    if (result && i === 0 && args.history) {
      writeFileSync(args.history, `${JSON.stringify(result.history, null, 1)}\n`);
      process.stdout.write(`wrote ${result.history.length} operations of seed ${seed} to ${args.history}\n`);
    }
    if ((i + 1) % PROGRESS_EVERY === 0) process.stdout.write(`  ${i + 1}/${args.count} seeds, ${failures.length} failed\n`);
  }
  const wallMs = performance.now() - started;
  process.stdout.write(
    `soak: ${args.count} seeds from ${args.from}, ${failures.length} failed, ` +
      `${(wallMs / args.count).toFixed(1)} ms per seed, ${Math.round(virtualMs / wallMs)} virtual s per wall s\n`,
  );
  if (failures.length > 0) process.exitCode = 1;
}

main();
