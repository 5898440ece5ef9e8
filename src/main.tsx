// Entry point: read the URL, start the run it describes, draw the page, open the test surface.
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './ui/app/App';
import { installDebugSurface } from './ui/app/debug-surface';
import { actions, appStore } from './ui/app/instance';
import { readPageParams } from './ui/app/url-params';
import './ui/app/styles.css';

const params = readPageParams(window.location.search);
appStore.getState().setPlayback(params.play, params.speed);
installDebugSurface(appStore, actions);
void actions.loadSession(params.config).then(() => {
  if (params.ignored.length > 0) actions.reportProblem(`The page address had values it could not use:\n${params.ignored.join('\n')}`);
});

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');
createRoot(root).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
