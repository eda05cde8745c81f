// The dashboard end to end in headless chromium, against a running accessgate with seeded data.
// Usage: node dashboard.test.mjs  (settings in the environment, see below)
//   DASHBOARD_BASE   http://127.0.0.1:<port>
//   API_TOKEN        the bearer token of /v1
//   EXPECT           JSON: {cloudId, blockedObjects, hostileEventId, deadDeliveryId, transferId,
//                           forgeInstallationId, connectClientKey}
//   SCREENSHOTS      optional folder: also writes PNGs of the dashboard there
// Prints one "ok ..." line per check; exits 1 with the reason on the first failure.
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { openDashboard, withBrowser } from './browser.mjs';

const base = process.env.DASHBOARD_BASE;
const token = process.env.API_TOKEN;
const expect = JSON.parse(process.env.EXPECT ?? '{}');
assert.ok(base && token, 'DASHBOARD_BASE and API_TOKEN are required');

const ok = (what) => console.log(`ok ${what}`);

async function api(path, method = 'GET') {
  const response = await fetch(`${base}/v1/${path}`, { method, headers: { Authorization: `Bearer ${token}` } });
  return { status: response.status, json: await response.json() };
}

/** Runs {@code action} and waits for the page's next full load. */
async function reloaded(page, action) {
  const before = await page.getAttribute('body', 'data-loaded');
  await action();
  await page.waitForFunction((previous) => document.body.dataset.loaded !== previous, before);
}

const cells = (page, rowSelector) => page.$$eval(`${rowSelector} td`, (tds) => tds.map((td) => td.textContent));

await withBrowser(async (context) => {
  const page = await context.newPage();
  const problems = [];
  page.on('console', (message) => {
    // Chromium logs each refused request of the wrong-token step; anything else is a problem.
    if (message.type() === 'error' && !/status of 401/.test(message.text())) problems.push(`console: ${message.text()} (${message.location().url})`);
  });
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));

  // A wrong token is refused and the form stays.
  await page.goto(`${base}/dashboard`);
  assert.match(page.url(), /\/dashboard\/$/);
  await page.fill('#token-input', 'not-the-token-0123456789');
  await page.click('#token-form button[type=submit]');
  await page.waitForSelector('#message.error');
  assert.match(await page.textContent('#message'), /not accepted/);
  assert.equal(await page.isVisible('#token-form'), true);
  ok('a wrong token is refused');

  await openDashboard(page, base, token);
  assert.equal(await page.isVisible('#token-form'), false);
  assert.equal(await page.isVisible('#content'), true);
  ok('the dashboard loads with the token');

  // Workspaces with counts.
  const workspace = await cells(page, `#workspaces tr[data-cloud-id="${expect.cloudId}"]`);
  assert.deepEqual(workspace.slice(0, 3), [expect.cloudId, String(expect.blockedObjects), '1']);
  ok(`workspace ${expect.cloudId}: ${workspace[1]} objects, ${workspace[2]} container`);

  // Recent events, the hostile id as text: no element made of it, no script run.
  const rows = page.locator('#events tbody tr');
  const hostile = page.locator('#events tbody tr').filter({ has: page.locator('code.event-id', { hasText: expect.hostileEventId }) });
  assert.equal(await hostile.count(), 1, 'the hostile event is listed once');
  assert.equal(await hostile.locator('code.event-id').textContent(), expect.hostileEventId);
  assert.equal(await hostile.getAttribute('data-status'), 'unprocessed');
  assert.equal(await page.locator('main img, main script, main iframe').count(), 0, 'no element from data');
  assert.equal(await page.evaluate(() => window.__xss), undefined, 'no script from data ran');
  ok(`${await rows.count()} recent events; the hostile id renders as text`);
  await page.selectOption('#event-status', 'unprocessed');
  await page.waitForFunction(() => [...document.querySelectorAll('#events tbody tr')]
    .every((row) => row.dataset.status === 'unprocessed'));
  ok('events filter by status');

  // Deliveries by state, the dead letter and its replay.
  const deadTile = await page.textContent('#deliveries [data-tile="dead"] .count');
  assert.ok(Number(deadTile) >= 1, `dead tile counts ${deadTile}`);
  await page.click('#deliveries [data-tile="dead"]');
  await page.waitForFunction(() => document.querySelector('#delivery-state').value === 'dead');
  await page.waitForSelector(`#deliveries tr[data-delivery-id="${expect.deadDeliveryId}"][data-state="dead"]`);
  ok(`deliveries: ${deadTile} dead, listed by state`);
  const before = await api(`deliveries/${expect.deadDeliveryId}`);
  assert.equal(before.json.state, 'dead');
  const replay = page.locator(`#dead-letters tr[data-delivery-id="${expect.deadDeliveryId}"] button.replay`);
  await replay.click();
  await page.waitForSelector('#message.ok');
  assert.match(await page.textContent('#message'), /replayed/);
  const after = await api(`deliveries/${expect.deadDeliveryId}`);
  assert.equal(after.json.budget, before.json.budget + 1, 'a fresh budget: the delivery was re-queued');
  assert.ok(after.json.history.length >= before.json.history.length);
  ok(`replay re-queued ${expect.deadDeliveryId}: budget ${before.json.budget} -> ${after.json.budget}, now ${after.json.state}`);

  // Migration transfers and installations.
  const transfer = await cells(page, `#transfers tr[data-transfer-id="${expect.transferId}"]`);
  assert.equal(transfer[0], expect.transferId);
  assert.equal(transfer[4], 'yes', 'listener triggered');
  ok(`transfer ${expect.transferId} listed`);
  const forge = await cells(page, `#installations tr[data-installation-id="${expect.forgeInstallationId}"]`);
  assert.equal(forge[0], expect.forgeInstallationId);
  const connect = await cells(page, `#installations tr[data-client-key="${expect.connectClientKey}"]`);
  assert.equal(connect[0], expect.connectClientKey);
  assert.ok(!(await page.textContent('main')).includes('sharedSecret'), 'no secret on the page');
  ok('Forge and Connect installations listed');

  if (process.env.SCREENSHOTS) {
    await reloaded(page, () => page.selectOption('#event-status', ''));
    await reloaded(page, () => page.selectOption('#delivery-state', ''));
    await page.screenshot({ path: join(process.env.SCREENSHOTS, 'dashboard.png'), fullPage: true });
    await page.locator('#deliveries').screenshot({ path: join(process.env.SCREENSHOTS, 'dashboard-deliveries.png') });
    ok(`screenshots in ${process.env.SCREENSHOTS}`);
  }

  // The token is kept for the tab only, and forgotten on request.
  await page.reload();
  await page.waitForSelector('body[data-loaded]');
  assert.equal(await page.isVisible('#token-form'), false);
  await page.click('#forget');
  assert.equal(await page.isVisible('#token-form'), true);
  assert.equal(await page.evaluate(() => sessionStorage.length), 0);
  ok('the token stays for the tab and is forgotten on request');

  assert.deepEqual(problems, [], 'no console errors (CSP violations show there)');
  ok('no console errors');
});
