// What the shapes mean: messages by type (shape and colour), node roles, cut links.
import { Panel } from '../components/Panel';
import { isOpenShape, symbolPath } from './message-symbol';
import { MESSAGE_STYLES } from './message-style';
import { SEAL_RING } from './draw-messages';

function Swatch({ shape, colour, size }: { shape: Parameters<typeof symbolPath>[0]; colour: string; size: number }) {
  const open = isOpenShape(shape);
  return (
    <svg width={18} height={18} viewBox="-9 -9 18 18" aria-hidden="true">
      <path d={symbolPath(shape, size)} fill={open ? 'none' : colour} stroke={colour} strokeWidth={open ? 2 : 0} />
    </svg>
  );
}

export function Legend() {
  return (
    <Panel title="Messages in flight">
      <ul className="legend" style={{ listStyle: 'none', margin: 0, padding: 0 }}>
        {MESSAGE_STYLES.map((s) => (
          <li key={s.name} className="legend-item">
            <Swatch shape={s.shape} colour={s.colour} size={s.sizePx} />
            {s.name}
          </li>
        ))}
        <li className="legend-item">
          <svg width={18} height={18} viewBox="-9 -9 18 18" aria-hidden="true">
            <circle r={3.5} fill="#5aa9ff" />
            <circle r={7} fill="none" stroke={SEAL_RING} strokeWidth={1.3} />
          </svg>
          sealed in TLS (AES-128-GCM)
        </li>
      </ul>
      <p className="legend-note">
        Filled = request, hollow = reply, faded = lost on the way; a gold ring = encrypted inside mTLS, no ring = in the
        clear (the ClientHello); click one to inspect it. The leader wears a crown and a
        double ring; a dashed red link with an ✕ is cut, its arrowhead shows the cut direction.
      </p>
    </Panel>
  );
}
