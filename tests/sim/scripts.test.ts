// The two scripts as black boxes: spawned the way a teacher or CI would run them.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

function tsx(script: string, args: string[]): { status: number | null; stdout: string; stderr: string } {
  const r = spawnSync('npx', ['tsx', script, ...args], { encoding: 'utf8', timeout: 60_000 });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('npm run scenario', () => {
  it('runs a scenario and prints the trace and every node final state as JSON, the same each time', () => {
    const run = () => tsx('scripts/scenario.ts', ['tests/fixtures/scenario-kill-leader.json', '--until', '100000']);
    const first = run();
    expect(first.status).toBe(0);
    const report = JSON.parse(first.stdout);
    expect(report).toMatchObject({ seed: 42, untilMs: 100000, violation: null });
    expect(report.traceDigest).toMatch(/^[0-9a-f]{64}$/);
    expect(report.trace.length).toBeGreaterThan(100);
    expect(report.trace.filter((r: { k: string }) => r.k === 'action')).toHaveLength(6);
    const nodes = report.nodes as { id: string; up: boolean; role: string; commit: number; applied: number; kv: object; appliedEntries: unknown[] }[];
    expect(nodes.map((n) => n.id)).toEqual(['node-1', 'node-2', 'node-3']);
    expect(nodes.every((n) => n.up)).toBe(true);
    expect(nodes.filter((n) => n.role === 'leader')).toHaveLength(1);
    for (const n of nodes) {
      expect(n.kv).toEqual({ x: 'second' });
      expect(n.applied).toBe(nodes[0].applied);
      expect(n.appliedEntries).toEqual(nodes[0].appliedEntries);
    }
    expect(JSON.parse(run().stdout).traceDigest).toBe(report.traceDigest);
  });

  it('refuses a bad file with the specific error and exit status 1', () => {
    const bad = tsx('scripts/scenario.ts', ['tests/fixtures/scenario-unknown-node.json']);
    expect(bad.status).toBe(1);
    expect(bad.stderr).toContain("tests/fixtures/scenario-unknown-node.json: actions[1].action.node: unknown node 'node-9'");
    expect(bad.stdout).toBe('');
    const dir = mkdtempSync(join(tmpdir(), 'scenario-'));
    writeFileSync(join(dir, 'broken.json'), '{"version": 1,');
    const broken = tsx('scripts/scenario.ts', [join(dir, 'broken.json')]);
    expect(broken.status).toBe(1);
    expect(broken.stderr).toMatch(/broken\.json: not valid JSON/);
  });
});

describe('npm run soak', () => {
  it('runs seeds, prints a summary and writes the first seed history', () => {
    const file = join(mkdtempSync(join(tmpdir(), 'soak-')), 'history.json');
    const r = tsx('scripts/soak.ts', ['--seeds', '3', '--from', '10', '--history', file]);
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/^soak: 3 seeds from 10, 0 failed, /m);
    const history = JSON.parse(readFileSync(file, 'utf8'));
    expect(Array.isArray(history)).toBe(true);
    expect(history.length).toBeGreaterThan(5);
    expect(Object.keys(history[0]).slice(0, 3)).toEqual(['client', 'op', 'key']);
  });

  it('refuses arguments it does not understand', () => {
    const r = tsx('scripts/soak.ts', ['--seeds', 'many']);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain("--seeds needs a whole number from 0 to 4294967295, got 'many'");
  });
});
