// Smaller parts of the Swarm panel: joins that must fail (and why), and the certificate expiry
// setting with the manager's answer.
import { useState } from 'react';
import type { SwarmRole } from '../../../sim/api';
import { actions, useApp } from '../../app/instance';
import { Button } from '../../components/Button';
import { leaderSwarm } from '../../store/selectors';
import type { BadToken } from '../../store/swarm-actions';

const BAD_TOKENS: { token: BadToken; title: string; label: string }[] = [
  { token: 'wrong', title: 'wrong secret', label: 'a token with a made-up secret' },
  { token: 'rotated', title: 'rotated token', label: 'the token from before the last rotation' },
  { token: 'otherSwarm', title: "other swarm's", label: "another swarm's token" },
];

export function BadJoinControls({ disabled }: { disabled: boolean }) {
  const [role, setRole] = useState<SwarmRole>('worker');
  return (
    <div className="button-row bad-joins">
      <label className="header-group">
        <span className="label">Join a</span>
        <select aria-label="Role for a bad join" value={role} onChange={(ev) => setRole(ev.target.value === 'manager' ? 'manager' : 'worker')}>
          <option value="worker">worker</option>
          <option value="manager">manager</option>
        </select>
        <span className="label">with</span>
      </label>
      {BAD_TOKENS.map((b) => (
        <Button key={b.token} label={`Join a ${role} with ${b.label}`} disabled={disabled} onClick={() => actions.joinWithToken(role, b.token)}>
          {b.title}
        </Button>
      ))}
    </div>
  );
}

const HOUR_MS = 3_600_000;

/** The newest answer to `docker swarm update --cert-expiry` (an error below 1 h). */
function expiryAnswer(events: readonly { kind: string; text: string }[]): string | null {
  return events.find((e) => e.kind === 'expiry')?.text ?? null;
}

export function CertExpiryControl() {
  const currentHours = useApp((s) => {
    const l = leaderSwarm(s);
    return l ? l.certExpiryMs / HOUR_MS : null;
  });
  const answer = useApp((s) => expiryAnswer(s.events));
  const [draft, setDraft] = useState('');
  const submit = () => actions.setCertExpiry(Number(draft === '' ? currentHours : draft));
  return (
    <div className="cert-expiry">
      <label className="header-group">
        <span className="label">Cert expiry</span>
        <input
          type="number"
          min={0}
          step="any"
          aria-label="Certificate expiry in hours"
          placeholder={currentHours === null ? 'hours' : String(currentHours)}
          value={draft}
          onChange={(ev) => setDraft(ev.target.value)}
          onKeyDown={(ev) => ev.key === 'Enter' && submit()}
        />
        <span className="label">h</span>
        <Button label="Set certificate expiry" disabled={draft === ''} onClick={submit}>
          Set
        </Button>
      </label>
      {currentHours !== null && <p className="hint">node certificates last {currentHours} h ({Math.round((currentHours / 24) * 10) / 10} d)</p>}
      {answer && (
        <p className={answer.startsWith('Error') ? 'sec-fail expiry-answer' : 'hint expiry-answer'} role="status">
          {answer}
        </p>
      )}
    </div>
  );
}
