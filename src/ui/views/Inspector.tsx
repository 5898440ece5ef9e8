// The side panel: whatever is selected (a node or a link), or how to use the page.
import { useApp } from '../app/instance';
import { Panel } from '../components/Panel';
import { LinkInspector } from './LinkInspector';
import { NodeInspector } from './NodeInspector';

export function Inspector() {
  const selection = useApp((s) => s.selection);
  return (
    <Panel title="Inspector" className="inspector">
      {selection?.kind === 'node' && <NodeInspector id={selection.id} />}
      {selection?.kind === 'link' && <LinkInspector a={selection.a} b={selection.b} />}
      {!selection && <InspectorHelp />}
    </Panel>
  );
}

function InspectorHelp() {
  return (
    <p className="hint">
      Click a manager to kill, restart or isolate it, or to propose a value through it. Click a link to cut or heal it, in one
      direction or both. The arc around a follower is its election timer: when it fills, the node stands for election.
    </p>
  );
}
