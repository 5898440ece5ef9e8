// PreVote and CheckQuorum, shown as ON/OFF; changing one restarts the run from t=0 with the same seed.
import { actions, useApp } from '../app/instance';
import { Toggle } from '../components/Toggle';

export function RaftToggles() {
  const preVote = useApp((s) => s.config.preVote);
  const checkQuorum = useApp((s) => s.config.checkQuorum);
  return (
    <div className="header-group">
      <Toggle label="PreVote" on={preVote} onChange={(on) => void actions.setPreVote(on)} title="PreVote (off in swarmkit). Changing it restarts the run." />
      <Toggle
        label="CheckQuorum"
        on={checkQuorum}
        onChange={(on) => void actions.setCheckQuorum(on)}
        title="CheckQuorum (on in swarmkit): a leader that cannot hear a majority steps down. Changing it restarts the run."
      />
    </div>
  );
}
