// One packet: what kind of message it is (Raft, TLS handshake, swarm RPC), whether TLS seals it,
// between whom, how big, when it left and arrives, what it carries and what became of it. It keeps showing the packet after it lands, saying so.
import { actions, useApp } from '../app/instance';
import { Button } from '../components/Button';
import { packetFacts, packetProgress, packetTypeWords } from './packet-words';

export function PacketInspector() {
  const rec = useApp((s) => s.packet);
  // Whole percent, so playing re-renders this at most a hundred times per flight, not every frame.
  const percent = useApp((s) => (s.packet ? packetProgress(s.packet, s.view?.nowMs ?? 0) : 0));
  if (!rec) return <p className="hint">That packet is no longer on the wire.</p>;
  return (
    <div>
      <h3>{packetTypeWords(rec.message.label)}</h3>
      <p className="subtitle">
        {rec.message.summary.includes('ciphertext') ? 'Sealed in TLS' : 'Message'} <code>{rec.message.label}</code>, #{rec.message.id}
      </p>
      <dl className="kv" aria-label="Packet">
        {packetFacts(rec, percent).map((f) => (
          <div key={f.label} style={{ display: 'contents' }}>
            <dt>{f.label}</dt>
            <dd>{f.value}</dd>
          </div>
        ))}
      </dl>
      <div className="button-row">
        <Button label="Select the next packet to arrive" shortcut="N" onClick={actions.selectNextPacket}>
          Next to arrive
        </Button>
      </div>
    </div>
  );
}
