// Dates in the device's time zone, with a fixed clock just after a local midnight that UTC
// has not reached (Shanghai) or has passed (New York): today's date in file names and form
// defaults, the evaluation month, and which month a late-evening answer counts in.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { serveAndLaunch, openContext, openApp, loaded } from './harness.js';

const env = serveAndLaunch();

/** `instant`'s calendar date in `timeZone`, as YYYY-MM-DD, worked out by Node, not the app. */
function localDate(instant, timeZone) {
  return new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(instant);
}

async function exportBackup(page) {
  await page.tap('nav a[data-section="data"]');
  const [download] = await Promise.all([page.waitForEvent('download'), page.tap('[data-testid="export"]')]);
  return { name: download.suggestedFilename(), json: JSON.parse(fs.readFileSync(await download.path(), 'utf8')) };
}

/** A device in `timeZone` at `instant`: every "today" and "this month" is the local one. */
async function checkToday(timeZone, instant) {
  const today = localDate(instant, timeZone);
  // The case is only worth testing where the local date is not UTC's.
  assert.notEqual(today, instant.toISOString().slice(0, 10));
  const month = today.slice(0, 7);
  const { context, page, problems } = await openContext(env.browser, { timezoneId: timeZone });
  await page.clock.setFixedTime(instant);
  await openApp(page, env.server.base, '#/staff');

  assert.equal(await page.inputValue('#staff-joined'), today);
  assert.equal(await page.inputValue('#team-period'), month);
  await page.fill('#staff-name', 'Wang Fang');
  await page.tap('[data-testid="add-staff"] button[type="submit"]');
  await page.tap('[data-staff] a:has-text("Wang Fang")');
  await page.waitForSelector('[data-page="staff-person"]');
  assert.equal(await page.inputValue('#person-period'), month);
  assert.match(await page.textContent('[data-testid="evaluate"] h2'), new RegExp(`· ${month}$`));
  assert.equal(await page.inputValue('#person-joined'), today);

  await page.goto(`${env.server.base}/#/staff/trainings`);
  await loaded(page);
  assert.equal(await page.inputValue('#training-date'), today);

  const backup = await exportBackup(page);
  assert.ok(backup.name.endsWith(`-${today}.json`), backup.name);
  assert.deepEqual(problems, []);
  await context.close();
}

test('07:30 on 1 January in Shanghai is 2027-01-01 and January, though UTC is still in 2026', async () => {
  await checkToday('Asia/Shanghai', new Date('2026-12-31T23:30:00Z'));
});

test('22:00 on 31 December in New York is 2026-12-31 and December, though UTC is in 2027', async () => {
  await checkToday('America/New_York', new Date('2027-01-01T03:00:00Z'));
});

test('a Shanghai answer at 23:30 on 30 November counts in November, one at 00:30 in December', async () => {
  const timeZone = 'Asia/Shanghai';
  const { context, page, problems } = await openContext(env.browser, { timezoneId: timeZone });
  await page.clock.setFixedTime(new Date('2026-12-05T04:00:00Z'));
  await openApp(page, env.server.base, '#/data');
  await page.tap('[data-testid="load-demo"]');
  await page.waitForSelector('[data-testid="demo-loaded"]');
  const { json } = await exportBackup(page);
  const d = json.data;

  // One demo answer given to a person on duty, with scores on questions of a dimension,
  // kept twice: once on each side of Shanghai's midnight (both 30 November in UTC).
  const questions = new Map(d.survey_versions.flatMap((v) => v.questions).map((q) => [q.id, q]));
  const dimensionsOf = (r) => Object.entries(r.answers)
    .filter(([q, a]) => a.kind === 'score' && questions.get(q)?.dimension)
    .map(([q]) => JSON.stringify(questions.get(q).dimension));
  const answer = d.responses.find((r) => r.staff_id && dimensionsOf(r).length > 0);
  const late = { ...answer, submitted_at: '2026-11-30T15:30:00Z' };
  const afterMidnight = { ...answer, id: crypto.randomUUID(), submitted_at: '2026-11-30T16:30:00Z' };
  assert.equal(localDate(new Date(late.submitted_at), timeZone), '2026-11-30');
  assert.equal(localDate(new Date(afterMidnight.submitted_at), timeZone), '2026-12-01');
  // Nothing else refers to responses once the feedback is gone.
  const file = { ...json, data: { ...d, responses: [late, afterMidnight], feedback: [] } };
  await page.setInputFiles('[data-testid="import-file"]', { name: 'dates.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(file)) });
  await page.waitForSelector('[data-testid="import-preview"]');
  await page.tap('[data-testid="import-replace"]');
  await page.tap('[data-testid="confirm-replace-yes"]');
  await page.waitForSelector('[data-testid="import-done"]');

  // The capabilities those answers speak about show one answer in each month.
  const dims = new Set(dimensionsOf(answer));
  const inUse = d.capabilities.filter((c) => !c.archived);
  const spoken = inUse.filter((c) => (c.dimensions ?? []).some((x) => dims.has(JSON.stringify(x)))).length;
  const silent = inUse.filter((c) => (c.dimensions ?? []).length > 0).length - spoken;
  assert.ok(spoken > 0);
  await page.goto(`${env.server.base}/#/staff/${answer.staff_id}`);
  await loaded(page);
  await page.waitForSelector('[data-page="staff-person"]');
  for (const month of ['2026-11', '2026-12']) {
    await page.fill('#person-period', month);
    await page.waitForFunction((m) => document.querySelector('[data-testid="evaluate"] h2').textContent.endsWith(m), month);
    const cells = await page.$$eval('[data-testid="score-customers"]', (tds) => tds.map((t) => t.textContent));
    const withOne = cells.filter((t) => /\(n=1\)$/.test(t)).length;
    assert.equal(withOne, spoken, `${month}: ${cells.join(' | ')}`);
    assert.equal(cells.filter((t) => /\(n=0\)$/.test(t)).length, silent, `${month}: ${cells.join(' | ')}`);
  }
  assert.deepEqual(problems, []);
  await context.close();
});
