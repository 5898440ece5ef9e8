// One manager in detail, with what can be done to it.
import { useShallow } from 'zustand/react/shallow';
import { actions, useApp } from '../app/instance';
import { Button } from '../components/Button';
import { nodeCard, type NodeCard } from '../store/selectors';

export function NodeInspector({ id }: { id: string }) {
  const card = useApp(useShallow((s) => nodeCard(s, id)));
  if (!card) return <p className="hint">{id} is not part of this run.</p>;
  return (
    <div>
      <h3>{id}</h3>
      <NodeFacts card={card} />
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
        <Button label={`Propose a value via ${id}`} disabled={!card.up} onClick={() => actions.proposeValue(id)}>
          Propose here
        </Button>
        <Button label={`Isolate ${id}`} onClick={() => actions.isolateNode(id)}>
          Isolate
        </Button>
        <Button label="Heal every link" onClick={actions.healAll}>
          Heal all links
        </Button>
      </div>
    </div>
  );
}

function NodeFacts({ card }: { card: NodeCard }) {
  const rows: [string, string][] = [
    ['state', card.up ? card.role : 'down (its disk survives)'],
    ['term', String(card.term)],
    ['voted for', card.vote || '–'],
    ['leader known', card.lead || '–'],
    ['last log entry', `index ${card.lastIndex}, term ${card.lastTerm}`],
    ['commit index', String(card.commit)],
    ['applied', String(card.applied)],
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
