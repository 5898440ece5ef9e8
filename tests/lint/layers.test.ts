// The lint rules are the architecture's guard rails; these tests prove each rule fires.
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const eslint = new ESLint({ cwd: process.cwd() });

async function messagesFor(code: string, filePath: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return result.messages.map((m) => `${m.ruleId}: ${m.message}`);
}

describe('engine purity', () => {
  const file = 'src/engine/core/probe.ts';
  it.each([
    ['Date.now()', 'no ambient Date'],
    ['new Date()', 'no ambient Date'],
    ['Math.random()', 'Math.random'],
    ['setTimeout(() => 1, 5)', 'no ambient setTimeout'],
    ['performance.now()', 'no ambient performance'],
    ['crypto.getRandomValues(new Uint8Array(1))', 'no ambient crypto'],
    ['Promise.resolve(1)', 'no ambient Promise'],
    ['export async function f(): Promise<number> { return 1; }', 'synchronous'],
    ['postMessage(1)', 'no ambient postMessage'],
  ])('%s is refused in src/engine', async (code, expected) => {
    const messages = await messagesFor(`${code};\nexport {};\n`, file);
    expect(messages.join('\n')).toContain(expected);
  });

  it('allows the seeded Rng', async () => {
    const code = "import { Rng } from './prng';\nexport const x = new Rng(1).float();\n";
    expect(await messagesFor(code, file)).toEqual([]);
  });
});

describe('layer direction', () => {
  it.each([
    ['src/engine/raft/probe.ts', "import { Simulation } from '../../sim/kernel/simulation';", 'never imports the simulator'],
    ['src/engine/raft/probe.ts', "import { useState } from 'react';", 'UI libraries'],
    ['src/sim/kernel/probe.ts', "import { RawNode } from '../../engine/raft/rawnode';", 'only through src/engine/index.ts'],
    ['src/sim/kernel/probe.ts', "import { App } from '../../ui/app/App';", 'never import the UI'],
    ['src/ui/views/probe.ts', "import { Simulation } from '../../sim/kernel/simulation';", 'only through src/sim/api.ts'],
    ['src/ui/views/probe.ts', "import { Rng } from '../../engine/index';", 'never imports the engine'],
  ])('%s: %s is refused', async (file, code, expected) => {
    const messages = await messagesFor(`${code}\nexport const keep = [${code.match(/\{ (\w+) \}/)?.[1]}];\n`, file);
    expect(messages.join('\n')).toContain(expected);
  });

  it.each([
    ['src/sim/kernel/probe.ts', "import { Rng } from '../../engine/index';"],
    ['src/ui/views/probe.ts', "import { createSimulation } from '../../sim/api';"],
  ])('%s: %s is allowed', async (file, code) => {
    const messages = await messagesFor(`${code}\nexport const keep = [${code.match(/\{ (\w+) \}/)?.[1]}];\n`, file);
    expect(messages).toEqual([]);
  });
});
