// Words over the swarm when it is not simply running: booting, or what went wrong.
import { actions, useApp } from '../app/instance';

export function SwarmStatus() {
  const phase = useApp((s) => s.phase);
  const error = useApp((s) => s.error);
  const host = useApp((s) => s.config.host);
  return (
    <>
      {phase === 'booting' && (
        <p className="swarm-status" role="status">
          Starting nodes{host === 'worker' ? ' (one Web Worker each)' : ''}…
        </p>
      )}
      {error && (
        <div className="swarm-error" role="alert">
          {phase === 'failed' ? 'The simulation stopped: ' : ''}
          {error}
          {phase !== 'failed' && (
            <button type="button" className="btn" style={{ marginLeft: 12 }} onClick={actions.dismissError}>
              Dismiss
            </button>
          )}
        </div>
      )}
    </>
  );
}
