// The words on and under a node: its role and term inside the circle, its name and log/commit
// index below, then what its certificate says (role, time to renewal) or how its join is going. Labels below sit on a halo (see styles.css) so links behind them stay readable.
import type { NodeCard } from '../store/selectors';

/** Bold 12px capitals with letter spacing run about 8.4 px each. */
const ROLE_CHAR_PX = 8.4;

/** Squeezes a role word that would overflow the circle (PRE-CANDIDATE on a small node). */
function fitWidth(word: string, radius: number): { textLength?: number; lengthAdjust?: 'spacingAndGlyphs' } {
  const room = 2 * radius - 16;
  return word.length * ROLE_CHAR_PX > room ? { textLength: room, lengthAdjust: 'spacingAndGlyphs' } : {};
}

/** The role in capitals; PRE-CANDIDATE goes on two lines rather than overflow the circle. */
function RoleWord({ word, colour, radius }: { word: string; colour: string; radius: number }) {
  const [first, second] = word.includes('-') ? [word.slice(0, word.indexOf('-') + 1), word.slice(word.indexOf('-') + 1)] : [word, ''];
  if (!second) {
    return (
      <text className="node-role" y={-4} fill={colour} {...fitWidth(word, radius)}>
        {word}
      </text>
    );
  }
  return (
    <text className="node-role" y={-17} fill={colour}>
      <tspan x={0}>{first}</tspan>
      <tspan x={0} dy={13} {...fitWidth(second, radius)}>
        {second}
      </tspan>
    </text>
  );
}

/** Long join details ("join failed: remote CA does not match fingerprint") cut to fit under a node. */
const DETAIL_CHARS = 40;

/** The swarm line: role from the certificate and time to renewal, or the join's progress. */
function swarmLine(card: NodeCard): string | null {
  if (card.phase === null) return null;
  if (card.phase !== 'ready' || !card.certRole) {
    const d = card.detail || card.phase;
    return d.length > DETAIL_CHARS ? `${d.slice(0, DETAIL_CHARS - 1)}…` : d;
  }
  return card.renewIn ? `${card.certRole} cert · ${card.renewIn}` : `${card.certRole} cert`;
}

function innerLine(card: NodeCard): string {
  if (!card.up && card.member === 'removed') return 'down';
  if (!card.raft) return card.phase === 'failed' ? 'not joined' : 'no Raft';
  return `term ${card.term}`;
}

export function NodeText({ card, colour, word, radius }: { card: NodeCard; colour: string; word: string; radius: number }) {
  const line = swarmLine(card);
  return (
    <g textAnchor="middle">
      <g opacity={card.up ? undefined : 0.7}>
        <RoleWord word={word} colour={colour} radius={radius} />
        <text className="node-line" y={14}>
          {innerLine(card)}
        </text>
      </g>
      <text className="node-name" y={radius + 22}>
        {card.id}
      </text>
      {card.raft && (
        <text className="node-line node-log" y={radius + 39}>
          log {card.lastIndex} · commit {card.commit}
        </text>
      )}
      {line && (
        <text className={`node-line node-cert${card.phase === 'failed' ? ' node-failed' : ''}`} y={radius + (card.raft ? 55 : 39)}>
          {line}
        </text>
      )}
    </g>
  );
}
