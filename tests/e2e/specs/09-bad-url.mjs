// A page address is untrusted input: unusable values are named in the page, the run starts with
// the defaults in their place, and nothing crashes.
import { assert, managers, openApp, screenshot, waitForSnapshot } from '../lib/app.mjs';

async function badUrl({ browser, url }) {
  const app = await openApp(browser, url, '?seed=abc&managers=12&workers=99&security=tls&host=inline&speed=-4&play=0');
  try {
    const { page } = app;
    const alert = page.getByRole('alert');
    await alert.waitFor();
    const text = await alert.textContent();
    for (const expected of [
      'seed=abc ignored: expected a whole number from 0 to 4294967295; using 1',
      'managers=12 ignored: expected a whole number from 1 to 9; using 3',
      'workers=99 ignored: expected a whole number from 0 to 55; using 2',
      'security=tls ignored: expected mtls or none; using mtls',
      'speed=-4 ignored: expected a positive number; using 1',
    ]) {
      assert(text.includes(expected), `the page does not say "${expected}"; it says:\n${text}`);
    }
    const snap = await waitForSnapshot(page, 'the default run', (s) => s.ready && s.nodes.length === 5 && managers(s).length === 3);
    assert(snap.seed === 1 && snap.host === 'inline', `expected seed 1 on inline, got seed ${snap.seed} on ${snap.host}`);
    const query = new URL(page.url()).searchParams;
    assert(query.get('managers') === '3' && query.get('workers') === '2' && query.get('security') === 'mtls' && query.get('seed') === '1', `the URL was not rewritten to the run: ${page.url()}`);
    await screenshot(page, 'bad-url');
    await page.getByRole('button', { name: 'Dismiss' }).click();
    assert((await page.getByRole('alert').count()) === 0, 'the notice did not go away');
    assert(app.problems.length === 0, `console problems:\n${app.problems.join('\n')}`);
  } finally {
    await app.close();
  }
}

export default [{ name: 'a malformed page address is explained, defaults run, nothing crashes', run: badUrl }];
