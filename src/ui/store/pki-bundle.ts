// "Download PKI": the live swarm's root CA, one manager's and one worker's certificate and key and
// the join tokens, with the openssl commands of docs/pki.md to check them, as a tar file.
import { CERT_FILE, checksText, exportChecks, KEY_FILE, ROOT_FILE, wallMs, type Simulation } from '../../sim/api';
import { ustar, type TarEntry } from './ustar';

export interface PkiBundle {
  name: string;
  bytes: Uint8Array;
}

function readme(atMs: number, hasWorker: boolean): string {
  return `Swarmscope PKI export: the live swarm's root CA, node certificates, keys and join tokens.
Certificates carry SIMULATED calendar times, so every check uses -attime ${Math.floor(atMs / 1000)}
(the simulated time of the export). See docs/pki.md for what each field means.

${checksText(exportChecks(atMs, hasWorker))}
# The private key belongs to its certificate (the two outputs match)
openssl pkey -in manager.key -pubout
openssl x509 -in manager.pem -noout -pubkey

# A join token's digest pins the root: the same 50 characters follow SWMTKN-1- in tokens.txt
node -e "const h=require('crypto').createHash('sha256').update(require('fs').readFileSync('ca.pem')).digest('hex');console.log(BigInt('0x'+h).toString(36).padStart(50,'0'))"
cat tokens.txt

# During a CA rotation manager.pem holds the leaf then the new root cross-signed by the old one.
`;
}

/** A ready node with this certificate role, leader first among managers. */
function pick(sim: Simulation, role: 'manager' | 'worker', leader: string): string | null {
  const ready = sim.view().nodes.filter((n) => n.status?.swarm?.phase === 'ready' && n.status.swarm.certRole === role);
  return (ready.find((n) => n.id === leader) ?? ready[0])?.id ?? null;
}

/** The bundle of the running swarm, or an error in words when there is nothing to export. */
export function pkiBundle(sim: Simulation): PkiBundle | string {
  const view = sim.view();
  const leader = sim.leader();
  const lv = view.nodes.find((n) => n.id === leader)?.status?.swarm?.leader;
  if (!leader || !lv) return 'Download PKI needs a swarm with a leader (this run has none right now).';
  const manager = pick(sim, 'manager', leader);
  const worker = pick(sim, 'worker', leader);
  if (!manager) return 'Download PKI needs a manager with a certificate.';
  const mtimeMs = wallMs(view.nowMs);
  const files = (id: string) => sim.nodeFiles(id);
  const entries: TarEntry[] = [
    { name: 'ca.pem', data: files(leader)[ROOT_FILE], mtimeMs },
    { name: 'manager.pem', data: files(manager)[CERT_FILE], mtimeMs },
    { name: 'manager.key', data: files(manager)[KEY_FILE], mtimeMs, mode: 0o600 },
  ];
  if (worker) {
    entries.push({ name: 'worker.pem', data: files(worker)[CERT_FILE], mtimeMs }, { name: 'worker.key', data: files(worker)[KEY_FILE], mtimeMs, mode: 0o600 });
  }
  entries.push(
    { name: 'tokens.txt', data: `worker: ${lv.tokens.worker}\nmanager: ${lv.tokens.manager}\n`, mtimeMs },
    { name: 'README.txt', data: readme(mtimeMs, worker !== null), mtimeMs },
  );
  return { name: `swarm-pki-${lv.clusterId}.tar`, bytes: ustar(entries) };
}
