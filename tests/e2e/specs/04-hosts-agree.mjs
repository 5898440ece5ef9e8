// WorkerHost (one Web Worker per node) and InlineHost (all in the page thread) run the same
// scenario (proposals, a kill, a cut, a heal, a restart) to the same trace digest and state.
import { assert, openApp } from '../lib/app.mjs';

const SCENARIO = {
  version: 1,
  seed: 42,
  options: { managers: 3 },
  actions: [
    { atMs: 30_000, action: { type: 'propose', value: 'a' } },
    { atMs: 31_000, action: { type: 'kill', node: 'node-1' } },
    { atMs: 40_000, action: { type: 'cut', from: 'node-2', to: 'node-3', both: false } },
    { atMs: 50_000, action: { type: 'propose', value: 'b' } },
    { atMs: 60_000, action: { type: 'healAll' } },
    { atMs: 70_000, action: { type: 'restart', node: 'node-1' } },
    { atMs: 80_000, action: { type: 'propose', node: 'node-1', value: 'c' } },
  ],
};
const UNTIL_MS = 150_000;

async function hostsAgree({ browser, url }) {
  const app = await openApp(browser, url, '?seed=1&play=0');
  try {
    const run = (host) =>
      app.page.evaluate(([json, until, h]) => window.swarmscope.runScenario(json, until, h), [SCENARIO, UNTIL_MS, host]);
    const worker = await run('worker');
    const inline = await run('inline');
    const again = await run('worker');
    assert(/^[0-9a-f]{64}$/.test(worker.digest), `not a SHA-256 digest: ${worker.digest}`);
    assert(worker.violation === null && inline.violation === null, `safety violation: ${worker.violation ?? inline.violation}`);
    assert(worker.digest === inline.digest, `digests differ: worker ${worker.digest}, inline ${inline.digest}`);
    assert(again.digest === worker.digest, `two worker runs differ: ${worker.digest} vs ${again.digest}`);
    assert(JSON.stringify(worker.nodes) === JSON.stringify(inline.nodes), 'final node states differ between hosts');
    const n1 = worker.nodes.find((n) => n.id === 'node-1');
    assert(n1.incarnation === 1 && n1.up, `node-1 should be up in its second incarnation, got ${JSON.stringify(n1)}`);
    const values = worker.nodes.map((n) => n.kv.x);
    assert(values.every((v) => v === 'c'), `every node should hold x=c after the last proposal, got ${values.join(', ')}`);
    assert(app.problems.length === 0, `console problems:\n${app.problems.join('\n')}`);
  } finally {
    await app.close();
  }
}

export default [{ name: 'WorkerHost and InlineHost give the same trace digest', run: hostsAgree }];
