// The swarm in the centre: managers on a ring, workers on a ring around them (d3 computes where),
// links between managers and from each worker to the managers, and messages in flight on a
// canvas above them.
import { useMemo, useRef } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { useApp } from '../app/instance';
import { useElementSize } from '../components/use-element-size';
import { managerIds, outerIds } from '../store/selectors';
import { allPairs } from './link-geometry';
import { LinkPair } from './LinkPair';
import { MessageCanvas } from './MessageCanvas';
import { NodeGlyph } from './NodeGlyph';
import { ringLayout } from './ring-layout';
import { SwarmStatus } from './SwarmStatus';

/** A worker talks to managers only (its dispatcher session), never to another worker. */
function workerPairs(managers: readonly string[], outer: readonly string[]): [string, string][] {
  return outer.flatMap((w) => managers.map((m): [string, string] => (w < m ? [w, m] : [m, w])));
}

export function SwarmView() {
  const box = useRef<HTMLDivElement>(null);
  const { width, height } = useElementSize(box);
  const managers = useApp(useShallow(managerIds));
  const outer = useApp(useShallow(outerIds));
  const layout = useMemo(() => ringLayout(managers, width, height, outer), [managers, outer, width, height]);
  const pairs = useMemo(() => allPairs(managers), [managers]);
  const spokes = useMemo(() => workerPairs(managers, outer), [managers, outer]);
  const ids = useMemo(() => [...managers, ...outer], [managers, outer]);
  return (
    <div className="swarm" ref={box}>
      {width > 0 && (
        <svg viewBox={`0 0 ${width} ${height}`} role="group" aria-label="The swarm: managers, workers around them and the links between them">
          <g>
            {spokes.map(([a, b]) => (
              <LinkPair key={`${a}|${b}`} a={a} b={b} layout={layout} faint />
            ))}
            {pairs.map(([a, b]) => (
              <LinkPair key={`${a}|${b}`} a={a} b={b} layout={layout} />
            ))}
          </g>
          <g>
            {ids.map((id) => {
              const at = layout.positions.get(id);
              return at ? <NodeGlyph key={id} id={id} at={at} radius={layout.nodeRadius} /> : null;
            })}
          </g>
        </svg>
      )}
      {width > 0 && <MessageCanvas layout={layout} />}
      <SwarmStatus />
    </div>
  );
}
