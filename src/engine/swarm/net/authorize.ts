// Which certificate may call which RPC: swarmkit's `tls_authorization` options on its gRPC
// services, and the checks of ca/auth.go (AuthorizeOrgAndRole), with swarmkit's error texts.
import { MANAGER_OU, WORKER_OU } from '../../pki/types';
import type { PeerIdentity } from './frames';

/** null: an "insecure" RPC anyone may call, with or without a certificate. */
const POLICY: Record<string, string[] | null> = {
  'CA.GetRootCACertificate': null,
  'NodeCA.IssueNodeCertificate': null,
  'NodeCA.NodeCertificateStatus': null,
  'CA.GetUnlockKey': [MANAGER_OU],
  'Dispatcher.Session': [WORKER_OU, MANAGER_OU],
  'Dispatcher.Heartbeat': [WORKER_OU, MANAGER_OU],
  'Control.UpdateCluster': [MANAGER_OU],
  'Control.RemoveNode': [MANAGER_OU],
  'Raft.ProcessRaftMessage': [MANAGER_OU],
  'RaftMembership.Join': [MANAGER_OU],
};


export interface AuthContext {
  clusterId: string;
  isRemoved(nodeId: string): boolean;
}

/**
 * The identity a call acts as, or why it is refused. A manager may forward a request for another
 * node (the raft proxy): then the forwarder must be a manager and the forwarded identity is checked.
 */
export function authorize(method: string, peer: PeerIdentity | null, fwd: PeerIdentity | null | undefined, ctx: AuthContext):
  | { ok: true; caller: PeerIdentity | null }
  | { ok: false; error: string } {
  if (!(method in POLICY)) return { ok: false, error: `unknown method ${method}` };
  const allowed = POLICY[method];
  // fwd undefined: a direct call; null: a manager forwarding a caller that had no certificate.
  if (fwd !== undefined) {
    const forwarder = check([MANAGER_OU], peer, ctx);
    if (!forwarder.ok) return forwarder;
    if (allowed === null) return { ok: true, caller: fwd };
    return check(allowed, fwd, ctx);
  }
  if (allowed === null) return { ok: true, caller: peer };
  return check(allowed, peer, ctx);
}

function check(allowed: string[], who: PeerIdentity | null, ctx: AuthContext): { ok: true; caller: PeerIdentity } | { ok: false; error: string } {
  if (!who) return { ok: false, error: 'Permission denied: no client certificates in request' };
  if (!allowed.includes(who.ou)) {
    return { ok: false, error: `Permission denied: unauthorized peer role: rpc error: code = PermissionDenied desc = Permission denied: remote certificate not part of OUs: [${allowed.join(' ')}]` };
  }
  if (who.o !== ctx.clusterId) {
    return { ok: false, error: `Permission denied: remote certificate not part of organization: ${ctx.clusterId}` };
  }
  if (ctx.isRemoved(who.cn)) return { ok: false, error: `Permission denied: node ${who.cn} was removed from swarm` };
  return { ok: true, caller: who };
}
