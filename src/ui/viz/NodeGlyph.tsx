// One node: a manager is a clickable circle with its Raft role, term, log and commit index; a
// worker is a rounded square. The leader has a crown, a double ring and the word LEADER; a dead
// node is grey, dashed and says DOWN; a removed one is greyed out, dotted and says REMOVED. When
// the node's certificate changes (renewal, CA rotation) a ring flashes around it.
import { useState, type KeyboardEvent } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { actions, useApp } from '../app/instance';
import { isSelectedNode, nodeCard } from '../store/selectors';
import { ElectionTimer } from './ElectionTimer';
import { NodeText } from './NodeText';
import { crownPath, nodeAriaLabel, nodeLook } from './node-look';
import type { Point } from './ring-layout';

export interface NodeGlyphProps {
  id: string;
  at: Point;
  radius: number;
}

export function NodeGlyph({ id, at, radius }: NodeGlyphProps) {
  const card = useApp(useShallow((s) => nodeCard(s, id)));
  const selected = useApp((s) => isSelectedNode(s, id));
  if (!card) return null;
  const look = nodeLook(card);
  const leader = card.role === 'leader' && card.member !== 'removed';
  // Only a voter stands for election; on a removed or joining node the timer would only mislead.
  const timer = card.up && !leader && card.member === 'voter' && card.raft;
  const square = card.member === 'worker' || (card.certRole !== 'manager' && card.phase !== null);
  const onKey = (ev: KeyboardEvent) => {
    if (ev.key !== 'Enter') return;
    ev.preventDefault();
    actions.selectNode(id);
  };
  return (
    <g
      className="node-hit"
      transform={`translate(${at.x},${at.y})`}
      role="button"
      tabIndex={0}
      aria-label={nodeAriaLabel(card)}
      aria-pressed={selected}
      opacity={card.member === 'removed' ? 0.6 : undefined}
      onClick={() => actions.selectNode(id)}
      onKeyDown={onKey}
    >
      {selected && <circle r={radius + 16} fill="none" stroke="#9cc8ff" strokeWidth={2} strokeDasharray="3 4" />}
      {timer && <ElectionTimer id={id} radius={radius} />}
      {leader && <circle r={radius + 7} fill="none" stroke={look.colour} strokeWidth={2.5} />}
      <CertFlash notBefore={card.certNotBefore} radius={radius} />
      {square ? (
        <rect className="node-body" x={-radius * 0.9} y={-radius * 0.9} width={radius * 1.8} height={radius * 1.8} rx={10} fill={look.fill} stroke={look.colour} strokeWidth={3} strokeDasharray={look.ringDash} />
      ) : (
        <circle className="node-body" r={radius} fill={look.fill} stroke={look.colour} strokeWidth={3} strokeDasharray={look.ringDash} />
      )}
      {leader && <path d={crownPath(radius)} fill={look.colour} stroke="#10151f" strokeWidth={1.5} />}
      <NodeText card={card} colour={look.colour} word={look.word} radius={radius} />
    </g>
  );
}

/**
 * A ring that fades out (a CSS animation) each time the certificate's notBefore changes: the
 * first value seen is the one the node had when it was drawn, so nothing flashes on load.
 */
function CertFlash({ notBefore, radius }: { notBefore: number; radius: number }) {
  const [first] = useState(notBefore);
  if (notBefore === first) return null;
  return <circle key={notBefore} className="cert-flash" r={radius + 12} fill="none" stroke="#7ff0c0" strokeWidth={4} />;
}
