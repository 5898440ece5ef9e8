// Adds a manager to the running cluster: the next node-N starts with an empty disk and the leader
// adds it as a voter (swarmkit's `docker swarm join` as a manager). Up to nine managers in all.
import { actions, useApp } from '../app/instance';
import { Button } from '../components/Button';
import { canAddManager } from '../store/selectors';

export function AddManagerButton() {
  const enabled = useApp(canAddManager);
  return (
    <Button label="Add manager" disabled={!enabled} onClick={actions.addManager}>
      + Add manager
    </Button>
  );
}
