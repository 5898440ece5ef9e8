// Bench output: one `name value unit` line per metric, and the same in results/latest.json.
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export type Metrics = Record<string, { value: number; unit: string }>;

export function record(metrics: Metrics, name: string, value: number, unit: string): void {
  const rounded = Math.abs(value) >= 100 ? Math.round(value) : Math.round(value * 100) / 100;
  metrics[name] = { value: rounded, unit };
  console.log(`${name} ${rounded} ${unit}`);
}

export function writeResults(metrics: Metrics): string {
  const dir = join(dirname(fileURLToPath(import.meta.url)), 'results');
  mkdirSync(dir, { recursive: true });
  const file = join(dir, 'latest.json');
  writeFileSync(file, `${JSON.stringify(metrics, null, 2)}\n`);
  return file;
}
