// Serves the production build with `vite preview` on a free localhost port. Building once and
// serving static files keeps the browser tests away from dev-server recompiles and HMR.
import { createServer } from 'node:net';
import { existsSync } from 'node:fs';
import { build, preview } from 'vite';

export function freePort() {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
  });
}

/** Builds dist/ unless E2E_SKIP_BUILD=1 and a build is already there. */
export async function buildOnce(root) {
  if (process.env.E2E_SKIP_BUILD === '1' && existsSync(`${root}/dist/index.html`)) return;
  await build({ root, logLevel: 'warn' });
}

export async function serve(root) {
  const port = await freePort();
  const server = await preview({ root, logLevel: 'warn', preview: { host: '127.0.0.1', port, strictPort: true, open: false } });
  return { url: `http://127.0.0.1:${port}/`, close: () => server.close() };
}
