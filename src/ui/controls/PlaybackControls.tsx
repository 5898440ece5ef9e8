// Play/pause, single step and propose: the buttons for the same actions as Space, S and P.
import { actions, useApp } from '../app/instance';
import { Button } from '../components/Button';

export function PlaybackControls() {
  const playing = useApp((s) => s.playing);
  const running = useApp((s) => s.phase === 'running');
  return (
    <div className="header-group">
      <Button label={playing ? 'Pause' : 'Play'} variant="primary" shortcut="Space" disabled={!running} onClick={actions.togglePlay}>
        {playing ? '❚❚ Pause' : '▶ Play'}
      </Button>
      <Button label="Step one event" shortcut="S" disabled={!running} onClick={() => void actions.stepOnce()}>
        Step
      </Button>
      <Button label="Propose value" shortcut="P" disabled={!running} onClick={() => actions.proposeValue()}>
        Propose value
      </Button>
    </div>
  );
}
