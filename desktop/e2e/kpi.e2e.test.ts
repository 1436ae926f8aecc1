// Contact-centre KPIs end to end, on real parts: a hub process (the built hub/dist serving the
// built renderer) seeded with the demo's four weeks of calls and queue legs, and sidebars in
// headless Chromium: the lead's dashboard against the team's targets, a drill-down to an agent
// and to the calls behind a number (paged), the legs export downloaded and parsed, the KPI
// settings, and the agent's own figures: there for a team that shows scores, absent (the
// chunk never loaded, kpi:mine never sent) for one that coaches on behaviours.
import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { parse } from 'csv-parse/sync';
import { EXPORT_ROWS_HEADER } from '@sidecoach/shared';
import { data } from '../../hub/test/support/calls.js';
import { connect, signIn, startHub, type RunningHub } from '../../hub/test/support/hub-process.js';
import {
  checkedAtWidths,
  chromiumMissing,
  launchChromium,
  sidebarPage,
  signInAs,
  tableRows,
} from './support/browser.js';

const missing = chromiumMissing();
if (missing) console.warn(`[skip] KPI end-to-end tests: ${missing}`);

/** Every event name the page sends its hub, as it sends them. */
function sentEvents(page: Page): string[] {
  const sent: string[] = [];
  page.on('websocket', (ws) =>
    ws.on('framesent', ({ payload }) => {
      const text = typeof payload === 'string' ? payload : payload.toString('utf8');
      const event = /^\d+\["([^"]+)"/.exec(text)?.[1];
      if (event) sent.push(event);
    }),
  );
  return sent;
}

describe.skipIf(missing)('KPIs in Chromium', () => {
  let hub: RunningHub;
  let browser: Browser;
  let lead: Page;

  beforeAll(async () => {
    hub = await startHub({ demo: true, demoHistory: true });
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await hub?.dispose();
  });

  it('shows the lead the team’s figures against its targets, the trend, agents and call types', async () => {
    lead = await sidebarPage(browser);
    await signInAs(lead, hub.url, 'lead');
    await lead.getByRole('heading', { name: 'Floor' }).waitFor();
    await lead.getByRole('button', { name: 'Figures', exact: true }).click();
    await lead.getByRole('heading', { name: 'Figures', exact: true }).waitFor();
    const tiles = lead.getByTestId('kpi-tiles');
    await tiles.waitFor();
    // The address names the team and the days, so back and a bookmark return here.
    await expect.poll(() => lead.evaluate(() => location.hash)).toBe('#/figures');
    const tile = (kpi: string) => tiles.locator(`[data-kpi="${kpi}"]`);
    // Service level against the demo team's 80%, its threshold and the formula's denominator.
    await expect
      .poll(() => tile('serviceLevel').innerText())
      .toMatch(
        /Service level\n[\d.]+%\n.*(Meets|Misses) target ≥ 80%\n.*Answered within 20 s, of answered \+ abandoned \(abandons under 5 s left out\)/s,
      );
    await expect.poll(() => tile('abandonment').innerText()).toMatch(/abandons under 5 s left out/);
    await expect.poll(() => tile('fcr').innerText()).toMatch(/within 7 days/);
    // CSAT is the share of 4 and 5, with the mean as a labelled second figure.
    await expect
      .poll(() => tile('csat').innerText())
      .toMatch(/Customer satisfaction\n[\d.]+%\nMean score [\d.]+ of 5\n/);
    // AHT as m:ss against 5:00 (300 s), and a figure with no target says so.
    await expect.poll(() => tile('aht').innerText()).toMatch(/\n\d+:\d\d\n.*target ≤ 5:00/s);
    await expect.poll(() => tile('complaints').innerText()).toMatch(/No target set/);
    // A target's state is a word and a mark, never the colour alone.
    const states = await tiles.locator('.kpi-target').allInnerTexts();
    expect(states.some((s) => /^✓ Meets target/.test(s) || /^✗ Misses target/.test(s))).toBe(true);
    // The last week was short-staffed: the trend's table has one row per week.
    const trend = await tableRows(lead, 'kpi-trend');
    expect(trend.length).toBeGreaterThanOrEqual(5);
    expect(trend[0]).toMatch(/^[A-Z][a-z]{2} \d{1,2} \| \d+ \| /);
    await lead.getByTestId('kpi-trend-chart').locator('canvas').waitFor();
    const agents = await tableRows(lead, 'kpi-agents');
    expect(agents.some((r) => r.startsWith('Ava Agent | '))).toBe(true);
    expect(agents.some((r) => r.startsWith('Ben Agent | '))).toBe(true);
    expect((await tableRows(lead, 'kpi-call-types')).length).toBeGreaterThan(0);
    await checkedAtWidths(lead, 'kpi-dashboard');
  });

  it('drills down to an agent and the calls behind their numbers, page by page', async () => {
    await lead.getByTestId('kpi-agents').getByRole('button', { name: 'Ava Agent' }).click();
    await lead.getByRole('heading', { name: 'Figures and calls of Ava Agent' }).waitFor();
    await expect
      .poll(() => lead.evaluate(() => location.hash))
      .toMatch(
        /^#\/figures\/team-demo\/week\/\d{4}-\d\d-\d\d\/\d{4}-\d\d-\d\d\/calls\/aht\/agent\/[^/]+$/,
      );
    // Her own tiles, without the queue's (abandons and waits are nobody's in particular).
    const own = lead.getByTestId('kpi-agent-tiles');
    await own.locator('[data-kpi="aht"]').waitFor();
    expect(await own.locator('[data-kpi="abandonment"]').count()).toBe(0);
    const drill = lead.getByTestId('kpi-drill');
    await drill.waitFor();
    const first = await tableRows(lead, 'kpi-drill');
    expect(first.length).toBe(50);
    expect(first.every((r) => r.includes('Ava Agent'))).toBe(true);
    expect(first.some((r) => /Handled in \d+:\d\d/.test(r))).toBe(true);
    // Four weeks of her calls are more than a page: "more" reads the next one.
    await lead.getByRole('button', { name: 'Show more calls' }).click();
    await expect.poll(async () => (await tableRows(lead, 'kpi-drill')).length).toBeGreaterThan(50);
    const all = await tableRows(lead, 'kpi-drill');
    expect(new Set(all).size).toBe(all.length);
    await checkedAtWidths(lead, 'kpi-agent');

    // Back to the dashboard, then the calls behind the team's abandonment rate.
    await lead.getByRole('button', { name: '← Dashboard' }).click();
    await lead
      .getByTestId('kpi-tiles')
      .locator('[data-kpi="abandonment"]')
      .getByRole('button')
      .click();
    await lead.getByRole('heading', { name: 'Calls behind Abandonment rate' }).waitFor();
    await expect
      .poll(() => lead.getByTestId('kpi-drill-figure').innerText())
      .toMatch(/^Abandonment rate: [\d.]+%/);
    // The calls of the rate's total (short abandons are not in it), each saying how it counts.
    const total = await tableRows(lead, 'kpi-drill');
    expect(total.some((r) => r.includes('Answered, not abandoned'))).toBe(true);
    expect(total.some((r) => r.includes('Short abandon'))).toBe(false);
    // Narrowed to the count: the abandons, reading further pages until some are loaded.
    await lead.getByLabel('Only the calls in the count (✓)').check();
    const more = lead.getByRole('button', { name: 'Show more calls' });
    for (let page = 0; page < 20 && (await lead.getByTestId('kpi-drill').count()) === 0; page++) {
      await more.click();
      await expect.poll(() => more.isEnabled()).toBe(true);
    }
    const abandons = await tableRows(lead, 'kpi-drill');
    expect(abandons.length).toBeGreaterThan(0);
    expect(abandons.every((r) => r.includes('✓ Abandoned') && r.includes('No agent'))).toBe(true);
    await expect
      .poll(() => lead.getByTestId('kpi-drill-filtered').innerText())
      .toMatch(new RegExp(`^${abandons.length} of the \\d+ calls loaded so far$`));
    await checkedAtWidths(lead, 'kpi-calls');

    // Browser back returns to the agent's screen, as the address said.
    await lead.goBack();
    await lead.goBack();
    await lead.getByRole('heading', { name: 'Figures and calls of Ava Agent' }).waitFor();

    // A week of the trend opens the calls of that week behind the charted figure.
    await lead.getByRole('button', { name: '← Dashboard' }).click();
    const week = lead.getByTestId('kpi-trend').locator('tbody tr').last().getByRole('button');
    const label = await week.innerText();
    await week.click();
    await lead.getByRole('heading', { name: 'Calls behind Service level' }).waitFor();
    await expect
      .poll(() => lead.getByTestId('kpi-drill-scope').innerText())
      .toMatch(new RegExp(`^Demo team · ${label}`));
    await expect
      .poll(() => lead.getByTestId('kpi-drill-figure').innerText())
      .toMatch(/^Service level: [\d.]+%/);
    expect((await tableRows(lead, 'kpi-drill')).length).toBeGreaterThan(0);
  });

  it('exports every leg of the days as a CSV file with its progress, and it parses', async () => {
    await lead.getByRole('button', { name: '← Dashboard' }).click();
    await lead.getByTestId('kpi-tiles').waitFor();
    const hash = await lead.evaluate(() => location.hash);
    const exported = lead.waitForEvent('download');
    await lead.getByRole('button', { name: 'Export all legs (CSV)' }).click();
    const download = await exported;
    expect(download.suggestedFilename()).toMatch(/^sidecoach-kpi-legs-\d{4}-\d\d-\d\d\.csv$/);
    const bytes = await readFile(await download.path());
    // UTF-8 with a byte-order mark, so spreadsheets open Chinese and Latvian names correctly.
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const rows = parse<Record<string, string>>(bytes.subarray(3), { columns: true });
    expect(rows.length).toBeGreaterThan(100);
    expect(rows[0]).toHaveProperty('offered_at');
    expect(rows.every((r) => r.team_id === 'team-demo')).toBe(true);
    expect(rows.some((r) => r.agent_name === 'Ava Agent')).toBe(true);
    expect(rows.every((r) => /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d/.test(r.offered_at ?? ''))).toBe(
      true,
    );
    // The bar said how many rows it read, against the hub's count.
    await expect
      .poll(() => lead.getByTestId('hub-export').getByRole('status').innerText())
      .toMatch(new RegExp(`^Saved:? ${rows.length.toLocaleString('en')} rows`));
    const days = /^#\/figures\/team-demo\/week\/([\d-]+)\/([\d-]+)$/.exec(hash);
    if (days) {
      const res = await fetch(
        `${hub.url}/api/kpi/legs.csv?teamId=team-demo&from=${days[1]}&to=${days[2]}`,
        { headers: { authorization: `Bearer ${(await signIn(hub.url, 'lead')).token}` } },
      );
      expect(Number(res.headers.get(EXPORT_ROWS_HEADER))).toBe(rows.length);
    }
  });

  it('keeps the KPI settings: a threshold the figures then show, and visible errors', async () => {
    await lead.getByRole('button', { name: 'Settings', exact: true }).click();
    await lead.getByRole('heading', { name: 'Team settings' }).waitFor();
    // A lead maps no queues (admins do) and sets their own team.
    expect(await lead.getByRole('heading', { name: 'Queues' }).count()).toBe(0);
    await lead.getByLabel('Short abandons').fill('200');
    await lead.getByLabel('Average handle time').fill('4:75');
    await lead.getByRole('button', { name: 'Save settings' }).click();
    await expect
      .poll(() => lead.getByRole('alert').first().innerText())
      .toBe('2 fields need a change before saving.');
    expect(await lead.getByText('A whole number from 0 to 120.').count()).toBe(1);
    expect(await lead.getByText('A time as m:ss (4:30) or seconds (270).').count()).toBe(1);
    await checkedAtWidths(lead, 'kpi-settings-errors', [360]);
    await lead.getByLabel('Short abandons').fill('3');
    await lead.getByLabel('Average handle time').fill('4:30');
    await lead.getByRole('button', { name: 'Save settings' }).click();
    await lead.getByText('Settings saved. The figures now count with them.').waitFor();
    await lead.getByRole('button', { name: 'Dashboard', exact: true }).click();
    await expect
      .poll(() => lead.getByTestId('kpi-tiles').locator('[data-kpi="abandonment"]').innerText())
      .toMatch(/abandons under 3 s left out/);
    await expect
      .poll(() => lead.getByTestId('kpi-tiles').locator('[data-kpi="aht"]').innerText())
      .toMatch(/target ≤ 4:30/);
    await checkedAtWidths(lead, 'kpi-settings', [360, 1280]);
  });

  it('lets an admin map the unmapped queue, listed first with the legs that wait', async () => {
    const admin = await sidebarPage(browser);
    await signInAs(admin, hub.url, 'quality');
    await admin.getByRole('heading', { name: 'Floor' }).waitFor();
    await admin.goto(`${hub.url}/#/figures/settings`);
    const queues = admin.getByTestId('kpi-queues');
    await queues.waitFor();
    const first = queues.locator('li').first();
    await expect.poll(() => first.innerText()).toMatch(/^overflow Not mapped: \d+ legs? wait/);
    await checkedAtWidths(admin, 'kpi-queues');
    await first.getByLabel('Team').selectOption({ label: 'Night shift' });
    await first.getByRole('button', { name: 'Save queue' }).click();
    await admin.getByText('Queue saved. Its calls count for the team chosen.').waitFor();
    // Mapped now: no longer waiting, and listed after nothing else waits.
    await expect.poll(() => queues.locator('li[data-queue="overflow"] .kpi-badge').count()).toBe(0);
    await admin.context().close();
  });

  it('reads as a native speaker writes it in Latvian and Traditional Chinese, at 360 px too', async () => {
    for (const [username, nav, tile] of [
      ['riga-lead', 'Rādītāji', /Apkalpošanas līmenis\n/],
      ['taipei-lead', '指標', /服務水準\n/],
    ] as const) {
      const page = await sidebarPage(browser);
      await signInAs(page, hub.url, username);
      await page.getByRole('button', { name: nav, exact: true }).click();
      const tiles = page.getByTestId('kpi-tiles');
      await expect.poll(() => tiles.locator('[data-kpi="serviceLevel"]').innerText()).toMatch(tile);
      await checkedAtWidths(page, `kpi-dashboard-${username}`, [360, 1280]);
      await page.context().close();
    }
  });

  it('shows an agent their own figures beside the team’s, and none where the team coaches on behaviours', async () => {
    // Ava's team shows scores: her figures, this week, beside the team's.
    const ava = await sidebarPage(browser);
    const avaSent = sentEvents(ava);
    await signInAs(ava, hub.url, 'agent1');
    const summary = ava.getByTestId('my-figures-summary');
    await expect.poll(() => summary.innerText()).toMatch(/^This week: Answered \d+ · AHT /);
    await ava.getByRole('button', { name: 'My figures' }).click();
    const table = ava.getByTestId('my-figures');
    await table.waitFor();
    const rows = await tableRows(ava, 'my-figures');
    expect(rows.some((r) => /^Average handle time.* \| \d+:\d\d \| \d+:\d\d$/.test(r))).toBe(true);
    await ava.getByText('This month', { exact: true }).click();
    await expect.poll(() => summary.innerText()).toMatch(/^This month: /);
    expect(avaSent.filter((e) => e === 'kpi:mine')).toHaveLength(2);
    await checkedAtWidths(ava, 'kpi-mine', [360]);
    await ava.context().close();

    // The night shift coaches on behaviours, not scores: Dev's sidebar never asks.
    const night = await connect(hub.url, (await signIn(hub.url, 'night-lead')).token);
    data(await night.emitWithAck('team:settings', { teamId: 'team-night', behavioursOnly: true }));
    night.close();
    const dev = await sidebarPage(browser);
    const devSent = sentEvents(dev);
    const chunks: string[] = [];
    dev.on('request', (r) => chunks.push(r.url()));
    await signInAs(dev, hub.url, 'agent4');
    await dev.getByTestId('status').waitFor();
    // A sentinel: the agent's evaluations load after the sidebar, beside where figures would.
    await expect.poll(() => devSent.includes('qa:mine')).toBe(true);
    expect(devSent).not.toContain('kpi:mine');
    expect(chunks.some((u) => /MyFigures-[\w-]+\.js$/.test(u))).toBe(false);
    expect(await dev.getByRole('button', { name: 'My figures' }).count()).toBe(0);
    await dev.context().close();

    // Their lead cannot turn a leaderboard on, and reads why.
    const noor = await sidebarPage(browser);
    await signInAs(noor, hub.url, 'night-lead');
    await noor.getByRole('heading', { name: 'Floor' }).waitFor();
    await noor.goto(`${hub.url}/#/figures/settings`);
    const board = noor.getByLabel('Leaderboard on the team wall');
    await board.waitFor();
    expect(await board.isDisabled()).toBe(true);
    expect(await board.isChecked()).toBe(false);
    await noor
      .getByText('This team coaches on behaviours, not scores, so it never shows a leaderboard.')
      .waitFor();
    await noor.context().close();
  });
});
