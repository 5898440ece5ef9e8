// The side panel: whatever is selected (a node, a link or a packet), or how to use the page.
import { useApp } from '../app/instance';
import { Panel } from '../components/Panel';
import { LinkInspector } from './LinkInspector';
import { NodeInspector } from './NodeInspector';
import { PacketInspector } from './PacketInspector';
import { TokenInspector } from './swarm/NodeSecurityTabs';

export function Inspector() {
  const selection = useApp((s) => s.selection);
  return (
    <Panel title="Inspector" className="inspector">
      {selection?.kind === 'node' && <NodeInspector id={selection.id} />}
      {selection?.kind === 'link' && <LinkInspector a={selection.a} b={selection.b} />}
      {selection?.kind === 'packet' && <PacketInspector />}
      {selection?.kind === 'token' && <TokenInspector role={selection.role} />}
      {!selection && <InspectorHelp />}
    </Panel>
  );
}

function InspectorHelp() {
  return (
    <p className="hint">
      Click a node (managers inside, workers on the outer ring) to read its certificate, its TLS handshakes and its join
      token. Click a manager to kill, restart or isolate it, propose a value through it, move leadership to it or remove it, and to
      read its Raft log. Click a link to cut or heal it, in one direction or both. Click a message in flight (pause first, or
      press N) to see what it carries and when it lands. The arc around a follower is its election timer: when it fills, the
      node stands for election.
    </p>
  );
}
