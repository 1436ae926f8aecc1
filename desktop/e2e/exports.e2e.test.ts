// The streamed CSV exports in the browser, on real parts: a demo hub process (the built hub/dist
// serving the built renderer) with thousands of customers' survey responses written beside it
// (hub/test/support/survey-rows.ts), and the lead's sidebar in Chromium. The lead clicks "Export
// all (CSV)" on the survey report: the bar shows "n of N rows" while the file streams (the
// browser's network slowed so it is seen), the download is saved and parsed (byte-order mark,
// ISO times, 王小明 and Jānis Bērziņš as typed); a second export is stopped half-way and saves
// nothing; with the hub gone the button says so. Before that, a table's own export in Latvian
// holds numbers as a spreadsheet reads them.
import { readFile } from 'node:fs/promises';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import type { Download, Page } from 'playwright-core';
import { userIdOf, withHubDatabase } from '../../hub/test/support/database.js';
import { addSurveyResponses } from '../../hub/test/support/survey-rows.js';
import lv from '../src/renderer/i18n/translation.lv.js';
import {
  checkedAtWidths,
  chromiumMissing,
  demoHubAndBrowser,
  sidebarPage,
  signedInPage,
} from './support/browser.js';

const missing = chromiumMissing();
if (missing) console.warn(`[skip] exports end-to-end test: ${missing}`);

const DAY = 86_400_000;
const WANG = '王小明';
const JANIS = 'Jānis Bērziņš';
/** Chen's responses: the file is a few hundred kilobytes. */
const MANY = 3_000;
const ISO = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/u;

/** The browser's downloads slowed to this (bytes a second): the export takes seconds. */
const SLOW = 120 * 1024;

async function slowNetwork(page: Page, on: boolean) {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.emulateNetworkConditions', {
    offline: false,
    latency: 0,
    downloadThroughput: on ? SLOW : -1,
    uploadThroughput: -1,
  });
}

/** A saved download, parsed: the byte-order mark checked and dropped. */
async function parsed(download: Download) {
  const bytes = await readFile(await download.path());
  expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  const records: string[][] = parse(bytes.subarray(3).toString('utf8'), {});
  const [header, ...rows] = records;
  return { bytes, header: header!, rows };
}

describe.skipIf(missing)('streamed CSV exports in Chromium', () => {
  const env = demoHubAndBrowser(async (hub) => {
    const ava = await userIdOf(hub.dataDir, 'agent1');
    const ben = await userIdOf(hub.dataDir, 'agent2');
    const chen = await userIdOf(hub.dataDir, 'agent3');
    const now = Date.now();
    await withHubDatabase(hub.dataDir, async (db) => {
      await db.updateTable('users').set({ display_name: WANG }).where('id', '=', ava).execute();
      await db.updateTable('users').set({ display_name: JANIS }).where('id', '=', ben).execute();
      const pack = await db
        .selectFrom('standards_packs')
        .select(['pack_id as id', 'version'])
        .orderBy('version', 'desc')
        .executeTakeFirstOrThrow();
      await addSurveyResponses(db, pack, [
        {
          agentId: ava,
          submittedAt: new Date(now - 2 * DAY).toISOString(),
          csat: 5,
          resolved: true,
          comment: `${WANG}很耐心，谢谢`,
          lang: 'zh-CN',
        },
        {
          agentId: ben,
          submittedAt: new Date(now - DAY).toISOString(),
          csat: 3,
          resolved: false,
          comment: `${JANIS} teica "gaidiet", bet\nneviens neatzvanīja`,
          lang: 'lv',
        },
        ...Array.from({ length: MANY }, (_, i) => ({
          agentId: chen,
          submittedAt: new Date(now - 5 * DAY + i * 60_000).toISOString(),
          csat: (i % 5) + 1,
          resolved: i % 3 !== 0,
          comment: i % 4 === 0 ? `Chen ${i}: ātri un laipni` : null,
        })),
      ]);
    });
  });

  it('exports a table as the lead reads it in Latvian, its numbers as a spreadsheet reads them', async () => {
    const { hub, browser } = env;
    const lead = await sidebarPage(browser, 'lv-LV');
    // The sign-in form speaks the browser's language before anyone has signed in.
    await lead.goto(hub.url);
    await lead.getByLabel(lv.signIn.username).fill('lead');
    await lead.getByLabel(lv.signIn.password).fill('sidecoach-demo');
    await lead.getByRole('button', { name: lv.signIn.submit, exact: true }).click();
    await lead.getByRole('button', { name: lv.surveys.nav.feedback, exact: true }).click();
    const table = lead.getByTestId('feedback-by-agent');
    await table.waitFor();
    await lead.getByRole('button', { name: lv.tableExport.all }).waitFor();
    const shown = await table
      .locator('tbody tr')
      .evaluateAll((rows: HTMLTableRowElement[]) =>
        rows.map((r) => Array.from(r.cells, (c) => (c.textContent ?? '').trim())),
      );
    expect(shown.length).toBeGreaterThan(0);
    const download = lead.waitForEvent('download');
    await lead
      .getByRole('button', {
        name: lv.tableExport.label.replace('{{name}}', lv.surveys.feedback.byAgent),
      })
      .click();
    const csv = await parsed(await download);
    expect(csv.rows).toHaveLength(shown.length);
    csv.rows.forEach((row, i) => {
      // CSAT: the screen rounds the percentage ("40%"), the file keeps a decimal ("40.4%").
      expect(shown[i]![2]).toMatch(/^\d+%$/u);
      expect(row[2]).toMatch(/^\d+(\.\d)?%$/u);
      expect(Math.round(Number.parseFloat(row[2]!))).toBe(Number.parseInt(shown[i]![2]!, 10));
      // The mean: the screen with a decimal comma ("3,0"), the file with a point ("3").
      expect(shown[i]![3]).toMatch(/^\d,\d$/u);
      expect(row[3]).toBe(String(Number(shown[i]![3]!.replace(',', '.'))));
      expect(row[0]).toBe(shown[i]![0]);
    });
    await checkedAtWidths(lead, 'exports-lv');
  });

  it('streams the survey responses with a progress bar, saved, parsed, stopped, refused', async () => {
    const { hub, browser } = env;
    const lead = await signedInPage(browser, hub.url, 'lead');
    await lead.getByRole('heading', { name: 'Floor' }).waitFor();
    await lead.getByRole('button', { name: 'Customer feedback' }).click();
    await lead.getByRole('heading', { name: 'Customer feedback' }).waitFor();
    await lead.getByRole('button', { name: 'Survey report' }).click();
    await lead.getByRole('heading', { name: 'Selective-surveying report' }).waitFor();
    const exportAll = lead.getByRole('button', { name: 'Export all (CSV)' });
    await exportAll.waitFor();
    const total = MANY + 2;
    const count = total.toLocaleString('en-US');

    // The bar while it streams: "n of N rows", determinate, below N until the file is whole.
    await slowNetwork(lead, true);
    const downloads: Download[] = [];
    lead.on('download', (d) => downloads.push(d));
    const saved = lead.waitForEvent('download', { timeout: 60_000 });
    await exportAll.click();
    const status = lead.getByTestId('hub-export').getByRole('status');
    await expect
      .poll(() => status.textContent(), { timeout: 30_000 })
      .toMatch(new RegExp(`^[\\d,]+ of ${count} rowsStop$`));
    const bar = status.locator('progress');
    expect(Number(await bar.getAttribute('max'))).toBe(total);
    expect(Number(await bar.getAttribute('value'))).toBeLessThan(total);
    expect(await exportAll.isDisabled()).toBe(true);
    // In the docked sidebar (the report's chart does not shrink back from a desk's width: the
    // wider widths are checked last, with the hub gone).
    await checkedAtWidths(lead, 'exports-progress', [360]);
    const file = await saved;
    expect(file.suggestedFilename()).toMatch(/^sidecoach-survey-responses-\d{4}-\d\d-\d\d\.csv$/);
    await expect.poll(() => status.textContent()).toBe(`Saved: ${count} rows`);
    expect(await bar.getAttribute('value')).toBe(String(total));

    const csv = await parsed(file);
    expect(csv.header.slice(0, 5)).toEqual([
      'submitted_at',
      'call_id',
      'agent',
      'agent_id',
      'team',
    ]);
    expect(csv.rows).toHaveLength(total);
    const col = (name: string) => csv.header.indexOf(name);
    for (const row of csv.rows) expect(row[col('submitted_at')]).toMatch(ISO);
    const wang = csv.rows.find((r) => r[col('agent')] === WANG)!;
    expect(wang[col('comment')]).toBe(`${WANG}很耐心，谢谢`);
    expect(wang[col('team')]).toBe('Demo team');
    const janis = csv.rows.find((r) => r[col('agent')] === JANIS)!;
    expect(janis[col('comment')]).toBe(`${JANIS} teica "gaidiet", bet\nneviens neatzvanīja`);
    expect(janis[col('resolved')]).toBe('false');
    expect(csv.rows.filter((r) => r[col('agent')] === 'Chen Agent')).toHaveLength(MANY);

    // Stopped half-way: nothing saved (the next export is the only other download).
    await exportAll.click();
    await expect
      .poll(() => status.textContent(), { timeout: 30_000 })
      .toMatch(new RegExp(`^[\\d,]+ of ${count} rowsStop$`));
    await status.getByRole('button', { name: 'Stop' }).click();
    await expect
      .poll(() => lead.getByTestId('hub-export').getByRole('status').textContent())
      .toBe('Export stopped: nothing was saved.');
    await slowNetwork(lead, false);
    const again = lead.waitForEvent('download');
    await exportAll.click();
    await again;
    expect(downloads).toHaveLength(2);

    // The hub gone: the button says so, in words.
    await hub.stop();
    await exportAll.click();
    await expect
      .poll(() => lead.getByTestId('hub-export').getByRole('alert').textContent())
      .toBe('The hub is not reachable: try again when you are online.');
    await checkedAtWidths(lead, 'exports-offline');
  });
});
