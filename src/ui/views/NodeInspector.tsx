// One manager in detail: what can be done to it (faults, proposals, leadership, membership), then
// either its status or its Raft log, on two tabs so the log gets the room to list its entries.
import { useShallow } from 'zustand/react/shallow';
import { actions, useApp } from '../app/instance';
import { Button } from '../components/Button';
import { Tabs } from '../components/Tabs';
import { leaderId, nodeCard, type Membership, type NodeCard } from '../store/selectors';
import { NodeLog } from './NodeLog';

const MEMBERSHIP_WORDS: Record<Membership, string> = {
  voter: 'voter',
  joining: 'not a voter yet (waiting to be added)',
  removed: 'removed (no longer a voter)',
};

const TABS = [
  { id: 'status', title: 'Status' },
  { id: 'log', title: 'Raft log' },
] as const;

export function NodeInspector({ id }: { id: string }) {
  const card = useApp(useShallow((s) => nodeCard(s, id)));
  const leader = useApp(leaderId);
  const tab = useApp((s) => s.nodeTab);
  if (!card) return <p className="hint">{id} is not part of this run.</p>;
  return (
    <div>
      <h3>{id}</h3>
      <FaultButtons card={card} />
      <ClusterButtons card={card} leader={leader} />
      <Tabs label={`About ${id}`} tabs={TABS} selected={tab} onSelect={actions.showNodeTab} />
      <div role="tabpanel" aria-labelledby={`tab-${tab}`}>
        {tab === 'status' ? <NodeFacts card={card} /> : <NodeLog id={id} />}
      </div>
    </div>
  );
}

function FaultButtons({ card }: { card: NodeCard }) {
  const id = card.id;
  return (
    <div className="button-row">
      {card.up ? (
        <Button label={`Kill ${id}`} variant="danger" onClick={() => actions.killNode(id)}>
          Kill
        </Button>
      ) : (
        <Button label={`Restart ${id}`} variant="primary" onClick={() => actions.restartNode(id)}>
          Restart from disk
        </Button>
      )}
      <Button label={`Isolate ${id}`} onClick={() => actions.isolateNode(id)}>
        Isolate
      </Button>
      <Button label="Heal every link" onClick={actions.healAll}>
        Heal all links
      </Button>
    </div>
  );
}

/** Proposals, leadership and membership. The last two go through the leader, so they need one; only a live voter can lead. */
function ClusterButtons({ card, leader }: { card: NodeCard; leader: string | null }) {
  const id = card.id;
  const voter = card.member === 'voter';
  const canLead = leader !== null && card.up && card.role !== 'leader' && voter;
  return (
    <div className="button-row">
      <Button label={`Propose a value via ${id}`} disabled={!card.up} onClick={() => actions.proposeValue(id)}>
        Propose here
      </Button>
      <Button label={`Transfer leadership to ${id}`} disabled={!canLead} onClick={() => actions.transferLeader(id)}>
        Transfer leadership here
      </Button>
      <Button label={`Remove ${id} from the cluster`} variant="danger" disabled={leader === null || !voter} onClick={() => actions.removeManager(id)}>
        Remove from cluster
      </Button>
    </div>
  );
}

function NodeFacts({ card }: { card: NodeCard }) {
  const rows: [string, string][] = [
    ['state', card.up ? card.role : 'down (its disk survives)'],
    ['membership', MEMBERSHIP_WORDS[card.member]],
    ['term', card.vote ? `${card.term}, voted for ${card.vote}` : String(card.term)],
    ['leader known', card.lead || '–'],
    ['last log entry', `index ${card.lastIndex}, term ${card.lastTerm}`],
    ['commit / applied', `${card.commit} / ${card.applied}`],
    ['incarnation', String(card.incarnation + 1)],
  ];
  return (
    <dl className="kv">
      {rows.map(([k, v]) => (
        <div key={k} style={{ display: 'contents' }}>
          <dt>{k}</dt>
          <dd>{v}</dd>
        </div>
      ))}
    </dl>
  );
}
