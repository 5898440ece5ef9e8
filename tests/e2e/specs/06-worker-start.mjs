// Node workers start and answer in parallel, and a worker that never becomes ready fails with an
// error that says so (browsers stop starting workers past about 500 per page, silently).
import { assert, openApp } from '../lib/app.mjs';

async function workerStart({ browser, url }) {
  const app = await openApp(browser, url, '?seed=1&play=0&host=inline');
  try {
    const { page } = app;
    const ms = await page.evaluate(() => window.swarmscope.startWorkers(8));
    assert(ms > 0 && ms < 10_000, `8 workers took ${ms} ms to be ready`);
    const error = await page.evaluate(() =>
      window.swarmscope.startWorkers(2, 0).then(
        () => null,
        (err) => String(err.message),
      ),
    );
    assert(error !== null, 'a 0 ms ready timeout should fail');
    assert(/was not ready after 0 ms/.test(error) && /500/.test(error), `unclear ready-timeout error: ${error}`);
    assert(app.problems.length === 0, `console problems:\n${app.problems.join('\n')}`);
  } finally {
    await app.close();
  }
}

export default [{ name: 'node workers start in parallel; a ready timeout fails clearly', run: workerStart }];
