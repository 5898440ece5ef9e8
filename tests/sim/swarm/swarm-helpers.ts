// Helpers for swarm-level tests: run a swarm scenario and read what happened from the trace and
// the nodes' disks, the way a person would read the event list and the certificate files.
import { CERT_FILE, parseCertificate, parsePem, ROOT_FILE, type CertInfo } from '../../../src/engine/index';
import type { Simulation } from '../../../src/sim/kernel/simulation';
import type { ScenarioInput } from '../../../src/sim/scenario/scenario';
import { runSync, scenario } from '../helpers';

export function runSwarm(input: Partial<ScenarioInput> & { seed: number }, untilMs: number): Simulation {
  return runSync(scenario(input), untilMs);
}

/** Event texts (optionally of one kind), in order. */
export function events(sim: Simulation, kind?: string): string[] {
  const out: string[] = [];
  for (const r of sim.trace()) if (r.k === 'event' && (kind === undefined || r.kind === kind)) out.push(r.text);
  return out;
}

export function eventsMatching(sim: Simulation, re: RegExp): { t: number; node: string | null; text: string }[] {
  const out: { t: number; node: string | null; text: string }[] = [];
  for (const r of sim.trace()) if (r.k === 'event' && re.test(r.text)) out.push({ t: r.t, node: r.node, text: r.text });
  return out;
}

/** The certificate chain a node keeps on its disk (leaf first). */
export function certsOf(sim: Simulation, node: string): CertInfo[] {
  const pem = sim.nodeFiles(node)[CERT_FILE];
  if (!pem) return [];
  return parsePem(pem).map((b) => parseCertificate(b.der));
}

export function rootOf(sim: Simulation, node: string): CertInfo | null {
  const pem = sim.nodeFiles(node)[ROOT_FILE];
  return pem ? parseCertificate(parsePem(pem)[0].der) : null;
}

export function statusOf(sim: Simulation, node: string) {
  const v = sim.view().nodes.find((n) => n.id === node);
  if (!v?.status) throw new Error(`no status for ${node}`);
  return v.status;
}

export function leaderView(sim: Simulation) {
  const leader = sim.leader();
  if (!leader) throw new Error('no leader');
  const lv = statusOf(sim, leader).swarm?.leader;
  if (!lv) throw new Error(`${leader} shows no leader view`);
  return lv;
}

export function hex(b: Uint8Array): string {
  return Array.from(b, (x) => x.toString(16).padStart(2, '0')).join('');
}
