// The "Swarm" control group: what `docker swarm init/join/join-token/ca/update` and `docker node rm`
// do here, the cluster ID, both join tokens (click one to take it apart in the inspector), the
// certificate expiry and a CA rotation's progress.
import { useShallow } from 'zustand/react/shallow';
import { actions, useApp } from '../../app/instance';
import { Button } from '../../components/Button';
import { Panel } from '../../components/Panel';
import { canAddManager, canAddNode, leaderSwarm } from '../../store/selectors';
import { BadJoinControls, CertExpiryControl } from './SwarmControls';

export function SwarmPanel() {
  const security = useApp((s) => s.config.security);
  const running = useApp((s) => s.phase === 'running');
  return (
    <Panel title="Swarm" className="swarm-panel">
      <div className="button-row">
        <Button label="Init swarm" variant="primary" onClick={() => void actions.initSwarm()}>
          docker swarm init
        </Button>
        <Button label="Download PKI" disabled={!running || security !== 'mtls'} onClick={actions.downloadPki}>
          Download PKI
        </Button>
      </div>
      {security === 'mtls' ? <SwarmControls /> : <p className="hint">Raft only (security=none): no certificates, no TLS, no workers.</p>}
    </Panel>
  );
}

function SwarmControls() {
  const canWorker = useApp(canAddNode);
  const canManager = useApp(canAddManager);
  return (
    <>
      <div className="button-row">
        <Button label="Join worker" shortcut="W" disabled={!canWorker} onClick={actions.joinWorker}>
          + Join worker
        </Button>
        <Button label="Join manager" shortcut="M" disabled={!canManager} onClick={actions.joinManager}>
          + Join manager
        </Button>
        <Button label="Rotate CA" onClick={actions.rotateCA}>
          Rotate CA
        </Button>
      </div>
      <BadJoinControls disabled={!canWorker} />
      <div className="button-row">
        <Button label="Rotate worker join token" onClick={() => actions.rotateJoinToken('worker')}>
          Rotate worker token
        </Button>
        <Button label="Rotate manager join token" onClick={() => actions.rotateJoinToken('manager')}>
          Rotate manager token
        </Button>
      </div>
      <LeaderFacts />
      <CertExpiryControl />
    </>
  );
}

/** The ends of a long value, so it fits the column ("SWMTKN-1-3mz2…gct5h"). */
function shorten(text: string, head: number, tail: number): string {
  return text.length > head + tail + 1 ? `${text.slice(0, head)}…${text.slice(-tail)}` : text;
}

function LeaderFacts() {
  const lv = useApp(
    useShallow((s) => {
      const l = leaderSwarm(s);
      return l ? { clusterId: l.clusterId, worker: l.tokens.worker, manager: l.tokens.manager, converged: l.rotation?.converged ?? -1, total: l.rotation?.total ?? 0 } : null;
    }),
  );
  if (!lv) return <p className="hint">No leader yet: the swarm's tokens and settings come from the leader.</p>;
  return (
    <dl className="kv swarm-facts">
      <dt>cluster ID</dt>
      <dd className="mono" aria-label="Cluster ID">{lv.clusterId}</dd>
      <dt>worker token</dt>
      <dd>
        <button type="button" className="token-link" aria-label="Inspect the worker join token" title={lv.worker} onClick={() => actions.selectToken('worker')}>
          {shorten(lv.worker, 13, 5)}
        </button>
      </dd>
      <dt>manager token</dt>
      <dd>
        <button type="button" className="token-link" aria-label="Inspect the manager join token" title={lv.manager} onClick={() => actions.selectToken('manager')}>
          {shorten(lv.manager, 13, 5)}
        </button>
      </dd>
      {lv.converged >= 0 && (
        <>
          <dt>CA rotation</dt>
          <dd className="rotation-progress" role="status">
            rotated TLS certificates {lv.converged}/{lv.total}
          </dd>
        </>
      )}
    </dl>
  );
}
