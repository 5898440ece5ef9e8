// `npm run bench [-- --quick]`: prints `name value unit` per metric and writes results/latest.json.
// Targets (2-core machine): raft >= 200,000 msg/s; InlineHost 5 managers >= 5,000 virtual s per
// wall s; WorkerHost 7 managers >= 200x real time with frame p95 <= 20 ms at 1x; 50 workers
// ready <= 5 s, 100 <= 12 s. PKI: one mutual handshake, one worker join, a CA rotation of
// 3 managers + 20 workers (virtual and wall time).
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { benchBrowser } from './browser.mjs';
import { benchInlineVirtualRate } from './inline-host';
import { benchCaRotation, benchHandshakeMs, benchJoin } from './pki';
import { benchRaftThroughput } from './raft-throughput';
import { record, writeResults, type Metrics } from './report';

const quick = process.argv.includes('--quick');
const skipBrowser = process.argv.includes('--no-browser');
const root = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const metrics: Metrics = {};

record(metrics, 'raft_engine_3_nodes_messages_per_second', benchRaftThroughput(quick ? 2 : 5, 3), 'msg/s');
record(metrics, 'raft_engine_5_nodes_messages_per_second', benchRaftThroughput(quick ? 2 : 5, 5), 'msg/s');
record(metrics, 'inline_5_managers_virtual_seconds_per_wall_second', benchInlineVirtualRate(quick ? 1200 : 3600, 5), 'virtual-s/s');
record(metrics, 'inline_5_managers_raft_only_virtual_seconds_per_wall_second', benchInlineVirtualRate(quick ? 1200 : 3600, 5, 'none'), 'virtual-s/s');
record(metrics, 'mtls_handshake_ms', benchHandshakeMs(quick ? 10 : 40), 'ms');
const join = benchJoin();
record(metrics, 'join_worker_virtual_ms', join.virtualMs, 'ms');
record(metrics, 'join_worker_wall_ms', join.wallMs, 'ms');
const rotation = benchCaRotation();
record(metrics, 'ca_rotation_3m_20w_virtual_ms', rotation.virtualMs, 'ms');
record(metrics, 'ca_rotation_3m_20w_wall_ms', rotation.wallMs, 'ms');
if (!skipBrowser) {
  for (const [name, value, unit] of await benchBrowser(root, { quick })) record(metrics, name, value, unit);
}
console.log(`wrote ${writeResults(metrics)}`);
