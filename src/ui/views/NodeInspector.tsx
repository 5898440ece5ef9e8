// One node in detail: what can be done to it (faults, proposals, leadership, membership, removal
// from the swarm), then tabs: its status, its Raft log (managers only), its certificate, its TLS
// handshakes and its join token.
import { useShallow } from 'zustand/react/shallow';
import { actions, useApp } from '../app/instance';
import { Button } from '../components/Button';
import { Tabs } from '../components/Tabs';
import type { NodeTab } from '../store/selection-slice';
import { leaderId, nodeCard, type Membership, type NodeCard } from '../store/selectors';
import { NodeLog } from './NodeLog';
import { NodeCertificate, NodeHandshakes, NodeJoinToken } from './swarm/NodeSecurityTabs';
import { SwarmFacts } from './swarm/SwarmFacts';

const MEMBERSHIP_WORDS: Record<Membership, string> = {
  voter: 'voter',
  joining: 'not a voter yet (waiting to be added)',
  removed: 'removed (no longer a voter)',
  worker: 'worker (not in Raft)',
};

const RAFT_TABS: readonly { id: NodeTab; title: string }[] = [
  { id: 'status', title: 'Status' },
  { id: 'log', title: 'Raft log' },
];

const SWARM_TABS: readonly { id: NodeTab; title: string }[] = [
  { id: 'cert', title: 'Certificate' },
  { id: 'handshakes', title: 'Handshakes' },
  { id: 'token', title: 'Join token' },
];

/** Workers keep no Raft log; Raft-only runs have no certificates. */
function tabsFor(card: NodeCard): readonly { id: NodeTab; title: string }[] {
  const raft = card.member === 'worker' ? RAFT_TABS.filter((t) => t.id !== 'log') : RAFT_TABS;
  return card.phase === null ? raft : [...raft, ...SWARM_TABS];
}

export function NodeInspector({ id }: { id: string }) {
  const card = useApp(useShallow((s) => nodeCard(s, id)));
  const leader = useApp(leaderId);
  const chosen = useApp((s) => s.nodeTab);
  if (!card) return <p className="hint">{id} is not part of this run.</p>;
  const tabs = tabsFor(card);
  const tab = tabs.some((t) => t.id === chosen) ? chosen : 'status';
  return (
    <div>
      <h3>{id}</h3>
      <FaultButtons card={card} />
      {card.member === 'worker' ? <WorkerButtons card={card} /> : <ClusterButtons card={card} leader={leader} />}
      <Tabs label={`About ${id}`} tabs={tabs} selected={tab} onSelect={actions.showNodeTab} />
      <div role="tabpanel" aria-labelledby={`tab-${tab}`}>
        <TabBody tab={tab} card={card} />
      </div>
    </div>
  );
}

function TabBody({ tab, card }: { tab: NodeTab; card: NodeCard }) {
  if (tab === 'log') return <NodeLog id={card.id} />;
  if (tab === 'cert') return <NodeCertificate id={card.id} />;
  if (tab === 'handshakes') return <NodeHandshakes id={card.id} />;
  if (tab === 'token') return <NodeJoinToken id={card.id} />;
  return (
    <>
      <NodeFacts card={card} />
      <SwarmFacts id={card.id} />
    </>
  );
}

/** `docker node rm`: refused while the worker is up unless forced. */
function WorkerButtons({ card }: { card: NodeCard }) {
  const id = card.id;
  return (
    <div className="button-row">
      <Button label={`Remove ${id} from the swarm`} variant="danger" onClick={() => actions.removeNode(id, false)}>
        docker node rm
      </Button>
      <Button label={`Force-remove ${id} from the swarm`} variant="danger" onClick={() => actions.removeNode(id, true)}>
        rm --force
      </Button>
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
  const rows: [string, string][] = card.member === 'worker' ? workerRows(card) : raftRows(card);
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

function workerRows(card: NodeCard): [string, string][] {
  return [
    ['state', card.up ? 'up (a worker runs no Raft)' : 'down (its disk survives)'],
    ['incarnation', String(card.incarnation + 1)],
  ];
}

function raftRows(card: NodeCard): [string, string][] {
  return [
    ['state', card.up ? card.role : 'down (its disk survives)'],
    ['membership', MEMBERSHIP_WORDS[card.member]],
    ['term', card.vote ? `${card.term}, voted for ${card.vote}` : String(card.term)],
    ['leader known', card.lead || '–'],
    ['last log entry', `index ${card.lastIndex}, term ${card.lastTerm}`],
    ['commit / applied', `${card.commit} / ${card.applied}`],
    ['incarnation', String(card.incarnation + 1)],
  ];
}
