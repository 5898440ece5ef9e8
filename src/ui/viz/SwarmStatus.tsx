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
          <span className="swarm-error-text">
            {phase === 'failed' ? 'The simulation stopped: ' : ''}
            {error}
          </span>
          {phase !== 'failed' && (
            <button type="button" className="btn" onClick={actions.dismissError}>
              Dismiss
            </button>
          )}
        </div>
      )}
    </>
  );
}
