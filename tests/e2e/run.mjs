// Browser tests: builds the app once, serves it with `vite preview`, runs each spec in
// tests/e2e/specs/ against Debian's Chromium and ends with "e2e: N passed, M failed".
//   node tests/e2e/run.mjs [--grep WORD]      E2E_SKIP_BUILD=1 reuses an existing dist/
import { mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { launchBrowser } from './lib/browser.mjs';
import { buildOnce, serve } from './lib/server.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const root = resolve(here, '..', '..');
const TEST_TIMEOUT_MS = 90_000;

function grepArg() {
  const i = process.argv.indexOf('--grep');
  return i >= 0 ? process.argv[i + 1] : null;
}

async function loadSpecs() {
  const files = readdirSync(join(here, 'specs')).filter((f) => f.endsWith('.mjs')).sort();
  const specs = [];
  for (const file of files) {
    const mod = await import(pathToFileURL(join(here, 'specs', file)).href);
    for (const spec of mod.default) specs.push({ ...spec, file });
  }
  const grep = grepArg();
  return grep ? specs.filter((s) => `${s.file} ${s.name}`.includes(grep)) : specs;
}

function withTimeout(promise, ms, name) {
  let timer;
  const timeout = new Promise((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${name}: no result after ${ms} ms`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

async function runAll(specs, browser, url) {
  const results = [];
  for (const spec of specs) {
    const started = Date.now();
    try {
      await withTimeout(spec.run({ browser, url }), spec.timeoutMs ?? TEST_TIMEOUT_MS, spec.name);
      results.push({ name: spec.name, ok: true, ms: Date.now() - started });
      console.log(`ok   ${spec.name} (${Date.now() - started} ms)`);
    } catch (err) {
      results.push({ name: spec.name, ok: false, ms: Date.now() - started, error: String(err?.stack ?? err) });
      console.log(`FAIL ${spec.name} (${Date.now() - started} ms)\n${String(err?.message ?? err).replace(/^/gm, '     ')}`);
    }
  }
  return results;
}

function writeResults(results) {
  const dir = join(root, 'tests', 'results');
  mkdirSync(dir, { recursive: true });
  const numPassedTests = results.filter((r) => r.ok).length;
  const numFailedTests = results.length - numPassedTests;
  writeFileSync(join(dir, 'e2e.json'), JSON.stringify({ numPassedTests, numFailedTests, results }, null, 2));
  return { numPassedTests, numFailedTests };
}

async function main() {
  const specs = await loadSpecs();
  let server = null;
  let browser = null;
  let results = [];
  try {
    await buildOnce(root);
    server = await serve(root);
    browser = await launchBrowser();
    results = await runAll(specs, browser, server.url);
  } catch (err) {
    results.push({ name: 'e2e setup', ok: false, ms: 0, error: String(err?.stack ?? err) });
    console.log(`FAIL e2e setup\n${String(err?.stack ?? err)}`);
  } finally {
    await browser?.close().catch(() => {});
    await server?.close().catch(() => {});
  }
  const { numPassedTests, numFailedTests } = writeResults(results);
  console.log(`e2e: ${numPassedTests} passed, ${numFailedTests} failed`);
  process.exitCode = numFailedTests > 0 || results.length === 0 ? 1 : 0;
}

await main();
