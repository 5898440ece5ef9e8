// The link between two managers: each direction's state and the cuts and heals on offer.
import { useShallow } from 'zustand/react/shallow';
import { actions, useApp } from '../app/instance';
import { Button } from '../components/Button';
import { linkCuts, linkTiming } from '../store/selectors';

export function LinkInspector({ a, b }: { a: string; b: string }) {
  const cuts = useApp(useShallow((s) => linkCuts(s, a, b)));
  const timing = useApp(useShallow(linkTiming));
  return (
    <div>
      <h3>
        {a} ⇄ {b}
      </h3>
      <dl className="kv">
        <dt>{a} → {b}</dt>
        <dd>{cuts.ab ? 'CUT' : 'up'}</dd>
        <dt>{b} → {a}</dt>
        <dd>{cuts.ba ? 'CUT' : 'up'}</dd>
        <dt>latency</dt>
        <dd>
          {timing.latencyMs} ms ± {timing.jitterMs} ms
        </dd>
        <dt>loss</dt>
        <dd>{Math.round(timing.loss * 1000) / 10}%</dd>
      </dl>
      <div className="button-row">
        <Button label={`Cut both ways between ${a} and ${b}`} variant="danger" disabled={cuts.ab && cuts.ba} onClick={() => actions.cutLink(a, b, true)}>
          Cut both ways
        </Button>
        <Button label={`Heal both ways between ${a} and ${b}`} variant="primary" disabled={!cuts.ab && !cuts.ba} onClick={() => actions.healLink(a, b, true)}>
          Heal both ways
        </Button>
      </div>
      <div className="button-row">
        <DirectionButton from={a} to={b} cut={cuts.ab} />
        <DirectionButton from={b} to={a} cut={cuts.ba} />
      </div>
    </div>
  );
}

function DirectionButton({ from, to, cut }: { from: string; to: string; cut: boolean }) {
  if (cut) {
    return (
      <Button label={`Heal ${from} to ${to}`} onClick={() => actions.healLink(from, to, false)}>
        Heal {from} → {to}
      </Button>
    );
  }
  return (
    <Button label={`Cut ${from} to ${to} only`} onClick={() => actions.cutLink(from, to, false)}>
      Cut {from} → {to} only
    </Button>
  );
}
