// The selected node's Raft log, read from its disk (so a dead node shows one too): the newest
// entries, split at the commit index into "committed" and "not committed yet" (headed in words,
// and the two look different), and where the snapshot ends.
import { useApp } from '../app/instance';
import type { LogEntryView, NodeLogView } from '../../sim/api';

export function NodeLog({ id }: { id: string }) {
  const log = useApp((s) => s.nodeLog);
  if (!log || log.node !== id) return null;
  const afterSnapshot = log.lastIndex - log.snapshotIndex;
  return (
    <section className="node-log" aria-label={`Raft log of ${log.node}`}>
      <p className="log-head">
        commit index <strong>{log.commit}</strong> · last index <strong>{log.lastIndex}</strong>
      </p>
      {log.entries.length > 0 ? <LogTable log={log} /> : <p className="log-note">No entries{log.snapshotIndex > 0 ? ' after the snapshot' : ' yet'}.</p>}
      {afterSnapshot > log.entries.length && (
        <p className="log-note">
          The newest {log.entries.length} of {afterSnapshot} entries.
        </p>
      )}
      {log.snapshotIndex > 0 && (
        <p className="log-note">
          Entries up to {log.snapshotIndex} are in a snapshot (term {log.snapshotTerm}).
        </p>
      )}
    </section>
  );
}

function LogTable({ log }: { log: NodeLogView }) {
  const committed = log.entries.filter((e) => e.committed);
  const pending = log.entries.filter((e) => !e.committed);
  return (
    <table className="log-table">
      <thead>
        <tr>
          <th scope="col">index</th>
          <th scope="col">term</th>
          <th scope="col">entry</th>
        </tr>
      </thead>
      {committed.length > 0 && <LogSection title={`committed · up to index ${log.commit}`} state="committed" entries={committed} />}
      {pending.length > 0 && <LogSection title="not committed yet" state="uncommitted" entries={pending} />}
    </table>
  );
}

/** Entries on one side of the commit index, under a heading that says which side. */
function LogSection({ title, state, entries }: { title: string; state: 'committed' | 'uncommitted'; entries: LogEntryView[] }) {
  return (
    <tbody className={state}>
      <tr className="log-section">
        <th scope="rowgroup" colSpan={3}>
          {title}
        </th>
      </tr>
      {entries.map((e) => (
        <LogRow key={e.index} entry={e} />
      ))}
    </tbody>
  );
}

function LogRow({ entry: e }: { entry: LogEntryView }) {
  return (
    <tr>
      <td>{e.index}</td>
      <td>{e.term}</td>
      <td className={`entry-${e.kind}`} title={e.origin ? `${e.origin}, via ${e.via}` : undefined}>
        {e.text}
        {e.origin && <span className="entry-origin"> · {e.origin}</span>}
      </td>
    </tr>
  );
}
