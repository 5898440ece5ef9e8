// The run's seed (the same seed replays the same run) and a button for a fresh one.
import { actions, useApp } from '../app/instance';
import { Button } from '../components/Button';

export function SeedControl() {
  const seed = useApp((s) => s.config.seed);
  return (
    <div className="header-group">
      <span className="label">Seed</span>
      <span className="seed" aria-label="Seed">
        {seed}
      </span>
      <Button label="New seed" onClick={() => void actions.newSeed()}>
        New seed
      </Button>
    </div>
  );
}
