// The swarm in the centre: managers on a ring (d3 computes where), links between every pair and
// messages in flight on a canvas above them.
import { useMemo, useRef } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { useApp } from '../app/instance';
import { useElementSize } from '../components/use-element-size';
import { nodeIds } from '../store/selectors';
import { allPairs } from './link-geometry';
import { LinkPair } from './LinkPair';
import { MessageCanvas } from './MessageCanvas';
import { NodeGlyph } from './NodeGlyph';
import { ringLayout } from './ring-layout';
import { SwarmStatus } from './SwarmStatus';

export function SwarmView() {
  const box = useRef<HTMLDivElement>(null);
  const { width, height } = useElementSize(box);
  const ids = useApp(useShallow(nodeIds));
  const layout = useMemo(() => ringLayout(ids, width, height), [ids, width, height]);
  const pairs = useMemo(() => allPairs(ids), [ids]);
  return (
    <div className="swarm" ref={box}>
      {width > 0 && (
        <svg viewBox={`0 0 ${width} ${height}`} role="group" aria-label="The swarm: managers and the links between them">
          <g>
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
