// "Download PKI": the live swarm's root CA, one manager's and one worker's certificate and key and
// the join tokens, with the openssl commands of docs/pki.md to check them, as a tar file.
import { CERT_FILE, KEY_FILE, ROOT_FILE, wallMs, type Simulation } from '../../sim/api';
import { ustar, type TarEntry } from './ustar';

export interface PkiBundle {
  name: string;
  bytes: Uint8Array;
}

function readme(attimeS: number, hasWorker: boolean): string {
  const nodes = hasWorker ? 'manager.pem worker.pem' : 'manager.pem';
  return `Swarmscope PKI export: the live swarm's root CA, node certificates, keys and join tokens.
Certificates carry SIMULATED calendar times, so every check uses -attime ${attimeS}
(the simulated time of the export). See docs/pki.md for what each field means.

openssl x509 -in ca.pem -noout -text
openssl x509 -in manager.pem -noout -text

# Every node chains to the root and may act as a TLS client
openssl verify -x509_strict -attime ${attimeS} -purpose sslclient -CAfile ca.pem ${nodes}

# Nodes dial managers with the TLS server name swarm-manager: the manager passes...
openssl verify -x509_strict -attime ${attimeS} -purpose sslserver -CAfile ca.pem -verify_hostname swarm-manager manager.pem
${hasWorker ? `# ...and a worker fails ("hostname mismatch"): a worker cannot pose as a manager
openssl verify -x509_strict -attime ${attimeS} -purpose sslserver -CAfile ca.pem -verify_hostname swarm-manager worker.pem
` : ''}
# The private key is a valid P-256 key and belongs to its certificate (the two outputs match)
openssl pkey -in manager.key -check -noout
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
  const leaderNode = view.nodes.find((n) => n.up && n.status?.swarm?.leader);
  const lv = leaderNode?.status?.swarm?.leader;
  if (!leaderNode || !lv) return 'Download PKI needs a swarm with a leader (this run has none right now).';
  const manager = pick(sim, 'manager', leaderNode.id);
  const worker = pick(sim, 'worker', leaderNode.id);
  if (!manager) return 'Download PKI needs a manager with a certificate.';
  const mtimeMs = wallMs(view.nowMs);
  const files = (id: string) => sim.nodeFiles(id);
  const entries: TarEntry[] = [
    { name: 'ca.pem', data: files(leaderNode.id)[ROOT_FILE], mtimeMs },
    { name: 'manager.pem', data: files(manager)[CERT_FILE], mtimeMs },
    { name: 'manager.key', data: files(manager)[KEY_FILE], mtimeMs, mode: 0o600 },
  ];
  if (worker) {
    entries.push({ name: 'worker.pem', data: files(worker)[CERT_FILE], mtimeMs }, { name: 'worker.key', data: files(worker)[KEY_FILE], mtimeMs, mode: 0o600 });
  }
  entries.push(
    { name: 'tokens.txt', data: `worker: ${lv.tokens.worker}\nmanager: ${lv.tokens.manager}\n`, mtimeMs },
    { name: 'README.txt', data: readme(Math.floor(mtimeMs / 1000), worker !== null), mtimeMs },
  );
  return { name: `swarm-pki-${lv.clusterId}.tar`, bytes: ustar(entries) };
}
