// The top bar: what this is, the run's options and its seed.
import { HostSelect } from '../controls/HostSelect';
import { LatencySelect } from '../controls/LatencySelect';
import { ManagersSelect } from '../controls/ManagersSelect';
import { RaftToggles } from '../controls/RaftToggles';
import { SeedControl } from '../controls/SeedControl';
import { SwarmOptions } from '../controls/SwarmOptions';

export function Header() {
  return (
    <header className="app-header">
      <h1 className="app-title">
        Swarmscope
        <small>A Docker swarm (Raft, PKI, mTLS), simulated in the browser</small>
      </h1>
      <ManagersSelect />
      <SwarmOptions />
      <RaftToggles />
      <LatencySelect />
      <HostSelect />
      <div className="header-spacer" />
      <SeedControl />
    </header>
  );
}
