// npm run scenario -- FILE.json [--until MS]
// Runs a scenario headless (InlineHost, every safety checker on) and prints, as JSON, the trace
// and the final state of every node. Exit status: 0 ran cleanly, 1 bad file or arguments,
// 2 a safety checker stopped the run (the JSON still comes out, with the violation).
import { readFileSync } from 'node:fs';
import { runScenarioSync } from '../src/sim/scenario/run-scenario';
import { parseScenario, type Scenario } from '../src/sim/scenario/scenario';

/** Without --until, the run goes on this long after the last action. */
const DEFAULT_TAIL_MS = 60_000;

function fail(message: string): never {
  process.stderr.write(`${message}\n`);
  process.exit(1);
}

function parseArgs(argv: string[]): { file: string; untilMs: number | null } {
  let file: string | null = null;
  let untilMs: number | null = null;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--until') {
      const value = Number(argv[++i]);
      if (!Number.isSafeInteger(value) || value < 0) fail(`--until needs a whole number of milliseconds, got '${argv[i] ?? ''}'`);
      untilMs = value;
    } else if (arg.startsWith('--')) {
      fail(`unknown option ${arg}; usage: npm run scenario -- FILE.json [--until MS]`);
    } else if (file === null) {
      file = arg;
    } else {
      fail(`one scenario file at a time (got '${file}' and '${arg}')`);
    }
  }
  if (file === null) fail('usage: npm run scenario -- FILE.json [--until MS]');
  return { file, untilMs };
}

function load(file: string): Scenario {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (err) {
    fail(`${file}: cannot read it (${(err as NodeJS.ErrnoException).code ?? String(err)})`);
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (err) {
    fail(`${file}: not valid JSON (${(err as Error).message})`);
  }
  const parsed = parseScenario(json);
  if (!parsed.ok) fail(`${file}: ${parsed.error}`);
  return parsed.scenario;
}

function main(): void {
  const { file, untilMs: asked } = parseArgs(process.argv.slice(2));
  const scenario = load(file);
  const lastActionMs = scenario.actions.at(-1)?.atMs ?? 0;
  const untilMs = asked ?? lastActionMs + DEFAULT_TAIL_MS;
  const sim = runScenarioSync(scenario, { untilMs });
  const report = {
    seed: scenario.seed,
    untilMs,
    traceDigest: sim.traceDigest(),
    violation: sim.violation,
    trace: sim.trace(),
    nodes: sim.finalState(),
  };
  process.stdout.write(`${JSON.stringify(report, null, 1)}\n`);
  process.exitCode = sim.violation ? 2 : 0;
}

main();
