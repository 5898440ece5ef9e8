// The mTLS authorization table (swarmkit's tls_authorization options and ca/auth.go checks).
import { describe, expect, it } from 'vitest';
import { authorize } from '../../src/engine/swarm/net/authorize';

const ctx = { clusterId: 'cluster1', isRemoved: (id: string) => id === 'gone' };
const manager = { cn: 'm1', ou: 'swarm-manager', o: 'cluster1' };
const worker = { cn: 'w1', ou: 'swarm-worker', o: 'cluster1' };
const stranger = { cn: 'x1', ou: 'swarm-manager', o: 'other' };
const removed = { cn: 'gone', ou: 'swarm-worker', o: 'cluster1' };

const ROLE_ERROR = (ous: string) => `Permission denied: unauthorized peer role: rpc error: code = PermissionDenied desc = Permission denied: remote certificate not part of OUs: [${ous}]`;

describe('authorize', () => {
  it.each([
    ['CA.GetRootCACertificate', null, true],
    ['NodeCA.IssueNodeCertificate', null, true],
    ['NodeCA.NodeCertificateStatus', null, true],
    ['Dispatcher.Session', worker, true],
    ['Dispatcher.Heartbeat', manager, true],
    ['Raft.ProcessRaftMessage', manager, true],
    ['RaftMembership.Join', manager, true],
    ['CA.GetUnlockKey', manager, true],
    ['Control.UpdateCluster', manager, true],
  ] as const)('%s is allowed for %o', (method, who, ok) => {
    expect(authorize(method, who, undefined, ctx).ok).toBe(ok);
  });

  it('keeps workers out of Raft, the control API and the unlock key', () => {
    for (const m of ['Raft.ProcessRaftMessage', 'RaftMembership.Join', 'Control.UpdateCluster', 'CA.GetUnlockKey']) {
      expect(authorize(m, worker, undefined, ctx)).toEqual({ ok: false, error: ROLE_ERROR('swarm-manager') });
    }
  });

  it('needs a certificate for anything but the insecure CA calls', () => {
    expect(authorize('Dispatcher.Session', null, undefined, ctx)).toEqual({ ok: false, error: 'Permission denied: no client certificates in request' });
  });

  it('refuses another cluster and removed nodes', () => {
    expect(authorize('Raft.ProcessRaftMessage', stranger, undefined, ctx)).toEqual({ ok: false, error: 'Permission denied: remote certificate not part of organization: cluster1' });
    expect(authorize('Dispatcher.Heartbeat', removed, undefined, ctx)).toEqual({ ok: false, error: 'Permission denied: node gone was removed from swarm' });
  });

  it('accepts forwarded calls only from managers, and checks the forwarded identity', () => {
    expect(authorize('Dispatcher.Session', manager, worker, ctx)).toEqual({ ok: true, caller: worker });
    expect(authorize('Dispatcher.Session', worker, worker, ctx)).toEqual({ ok: false, error: ROLE_ERROR('swarm-manager') });
    expect(authorize('Dispatcher.Session', manager, removed, ctx)).toEqual({ ok: false, error: 'Permission denied: node gone was removed from swarm' });
    expect(authorize('NodeCA.IssueNodeCertificate', manager, null, ctx)).toEqual({ ok: true, caller: null });
  });

  it('refuses unknown methods', () => {
    expect(authorize('Nope.Call', manager, undefined, ctx)).toEqual({ ok: false, error: 'unknown method Nope.Call' });
  });
});
