// The handshake as a sequence diagram: the client's lifeline on the left, the server's on the
// right, one arrow per message in order. Each arrow is a button that opens the message.
import { useId, useState } from 'react';
import { HandshakeStepDetail } from './HandshakeStepDetail';
import { detectorSide, otherSide, type LadderRow, type Side } from './handshake-ladder';
import type { TlsFailure } from './types';
import './security.css';

export interface HandshakeLadderProps {
  rows: LadderRow[];
  names: Record<Side, string>;
  own: Side;
  failure: TlsFailure | null;
}

export function HandshakeLadder({ rows, names, own, failure }: HandshakeLadderProps) {
  const baseId = useId();
  // The failed message starts open: it is what the reader came to see.
  const [open, setOpen] = useState<ReadonlySet<number>>(() => new Set(rows.filter((r) => r.failed).map((r) => r.index)));
  const toggle = (index: number) =>
    setOpen((prev) => {
      const next = new Set(prev);
      if (!next.delete(index)) next.add(index);
      return next;
    });
  return (
    <div className="sec-ladder">
      <div className="sec-ladder-head">
        <span>
          client <strong>{names.client}</strong>
        </span>
        <span>
          server <strong>{names.server}</strong>
        </span>
      </div>
      {/* role="list" because Safari drops the list role from an <ol> styled without markers. */}
      <ol role="list" className="sec-ladder-rows" aria-label={`TLS handshake between ${names.client} and ${names.server}`}>
        {rows.map((row) => (
          <StepRow key={row.index} row={row} names={names} open={open.has(row.index)} detailId={`${baseId}-step-${row.index}`} onToggle={() => toggle(row.index)} />
        ))}
        {failure && <AlertRow failure={failure} own={own} names={names} />}
      </ol>
    </div>
  );
}

interface StepRowProps {
  row: LadderRow;
  names: Record<Side, string>;
  open: boolean;
  detailId: string;
  onToggle: () => void;
}

function StepRow({ row, names, open, detailId, onToggle }: StepRowProps) {
  const { step, from, failed } = row;
  const n = row.index + 1;
  const name = `${n}. ${step.type}, ${names[from]} to ${names[otherSide(from)]}${step.encrypted ? ', encrypted' : ''}${failed ? ', failed here' : ''}`;
  return (
    <li className={`sec-rung sec-from-${from}${failed ? ' sec-rung-failed' : ''}`}>
      <button type="button" className="sec-arrow" aria-expanded={open} aria-controls={open ? detailId : undefined} aria-label={name} onClick={onToggle}>
        <span className="sec-msg">
          <span className="sec-step-no">{n}.</span> {step.type}
          {step.encrypted && (
            <span className="sec-tag sec-tag-lock">
              <span aria-hidden="true">🔒</span> encrypted
            </span>
          )}
          {failed && <span className="sec-tag sec-tag-failed">✗ failed here</span>}
        </span>
        <span className="sec-arrow-line" aria-hidden="true" />
      </button>
      {open && <HandshakeStepDetail step={step} id={detailId} />}
    </li>
  );
}

/** The alert closes the ladder, drawn from the side that detected the fault. */
function AlertRow({ failure, own, names }: { failure: TlsFailure; own: Side; names: Record<Side, string> }) {
  const from = detectorSide(failure, own);
  return (
    <li className={`sec-rung sec-from-${from} sec-rung-alert`} aria-label={`alert ${failure.alert}, ${names[from]} to ${names[otherSide(from)]}`}>
      <div className="sec-arrow">
        <span className="sec-msg">
          <span aria-hidden="true">⚠</span> alert: {failure.alert}
        </span>
        <span className="sec-arrow-line" aria-hidden="true" />
      </div>
    </li>
  );
}
