// The swarm a run starts with: certificates for every founding node, drawn from the run's seed,
// handed to each slot so its first boot finds them (as if `swarm init` and the joins had happened
// before t=0). Also the join tokens the page and the join actions use.
import type { Rng} from '../../engine/index';
import { createRootCA, deriveSeed, formSwarm, generateJoinToken, toPem, type SwarmRole } from '../../engine/index';
import type { Kernel } from './kernel';

export function formFoundingSwarm(k: Kernel, managers: string[], workers: string[]): void {
  const o = k.cfg.options;
  const formed = formSwarm({
    seed: deriveSeed(k.cfg.seed, 'swarm-pki'),
    managers,
    workers,
    nowMs: 0,
    certExpiryMs: Math.round(o.certExpiryHours * 3_600_000),
  });
  for (const [host, cfg] of Object.entries(formed.configs)) k.slot(host).swarm = cfg;
  k.tokens.observe(formed.tokens);
}

/** Join tokens the leader has shown, oldest first, per role: the current one is the last. */
export class TokenHistory {
  readonly seen: Record<SwarmRole, string[]> = { worker: [], manager: [] };

  observe(tokens: Record<SwarmRole, string>): void {
    for (const role of ['worker', 'manager'] as const) {
      const list = this.seen[role];
      if (list[list.length - 1] !== tokens[role]) list.push(tokens[role]);
    }
  }

  current(role: SwarmRole): string | null {
    const list = this.seen[role];
    return list.length > 0 ? list[list.length - 1] : null;
  }

  previous(role: SwarmRole): string | null {
    const list = this.seen[role];
    return list.length > 1 ? list[list.length - 2] : null;
  }
}

/** The same digest with a made-up secret: the CA refuses it ("A valid join token is necessary"). */
export function wrongSecretToken(token: string, rng: Rng): string {
  const alphabet = '0123456789abcdefghijklmnopqrstuvwxyz';
  let secret = '';
  for (let i = 0; i < 25; i++) secret += alphabet[rng.int(0, 36)];
  return `${token.slice(0, token.length - 25)}${secret}`;
}

/** A token of a swarm that does not exist here: the digest pins another root CA. */
export function otherSwarmToken(rng: Rng, nowMs: number): string {
  const root = createRootCA(rng, nowMs);
  return generateJoinToken(toPem(root.cert, 'CERTIFICATE'), rng);
}
