// The page: header, the swarm, the inspector and legend beside it, the timeline below.
import { Header } from '../views/Header';
import { Inspector } from '../views/Inspector';
import { SwarmPanel } from '../views/swarm/SwarmPanel';
import { Timeline } from '../views/Timeline';
import { Legend } from '../viz/Legend';
import { SwarmView } from '../viz/SwarmView';
import { useKeyboard } from './use-keyboard';

export function App() {
  useKeyboard();
  return (
    <div className="app">
      <Header />
      <main className="swarm-area">
        <SwarmView />
      </main>
      <aside className="side">
        <SwarmPanel />
        <Inspector />
        <Legend />
      </aside>
      <Timeline />
    </div>
  );
}
