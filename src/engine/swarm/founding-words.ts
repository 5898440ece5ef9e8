// How a node of the swarm that exists at t=0 introduces itself in the event list.
import type { SwarmNodeConfig } from '../node/types';
import type { Security } from './security';
import { roleOf } from './security';

export function describeFounding(self: string, cfg: Extract<SwarmNodeConfig, { start: 'founding' }>, sec: Security): string {
  const s = sec.leaf.subject;
  if (cfg.managers[0] === self) {
    return `${self}: swarm init: root CA CN=swarm-ca (P-256, 20 years), cluster ID ${s.o[0]}, this node is manager ${s.cn}`;
  }
  return `${self} was in the swarm from the start as ${roleOf(sec.leaf)} ${s.cn} (certificate OU=${s.ou[0]})`;
}
