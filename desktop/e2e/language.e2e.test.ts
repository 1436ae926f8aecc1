// The constructive-language coach end to end: a supervisor's composer highlights, explains and
// rewrites as they type (English and Chinese), and a team lead sees the counts per coach, on a
// real hub (the built hub/dist serving the built renderer) in Chromium.
import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Locator, Page } from 'playwright-core';
import { startHub, type RunningHub } from '../../hub/test/support/hub-process.js';
import {
  checkedAtWidths,
  chromiumMissing,
  launchChromium,
  sidebarPage,
  signInAs,
} from './support/browser.js';

const missing = chromiumMissing();
if (missing) console.warn(`[skip] language end-to-end tests: ${missing}`);

const activeId = (page: Page) => page.evaluate(() => document.activeElement?.id ?? '');
const caretAt = (page: Page) =>
  page.evaluate(() => (document.activeElement as HTMLTextAreaElement | null)?.selectionStart);
const marks = (page: Page, tone: 'harmful' | 'good') =>
  page.getByTestId('highlights').locator(`mark.finding-${tone}`).allTextContents();
/** The finding whose marked span is exactly `text` (explanations mention other words). */
const finding = (page: Page, text: string) =>
  page
    .getByTestId('finding')
    .filter({ has: page.locator('.finding-span mark').getByText(text, { exact: true }) });
const explanation = (within: Locator) => within.getByTestId('explanation');
const summary = (page: Page) => page.getByTestId('language-summary').textContent();

/** How many Monday-to-Sunday weeks (UTC) the last `days` touch. */
function weeksTouched(days: number, now = Date.now()): number {
  const monday = (t: number) => {
    const day = new Date(t);
    const midnight = Date.UTC(day.getUTCFullYear(), day.getUTCMonth(), day.getUTCDate());
    return midnight - ((new Date(midnight).getUTCDay() + 6) % 7) * 86_400_000;
  };
  return Math.round((monday(now) - monday(now - days * 86_400_000)) / (7 * 86_400_000)) + 1;
}

describe.skipIf(missing)('constructive-language coach in Chromium', () => {
  let hub: RunningHub;
  let browser: Browser;
  let supervisor: Page;
  let lead: Page;

  beforeAll(async () => {
    hub = await startHub({ demo: true });
    browser = await launchChromium();
    supervisor = await sidebarPage(browser);
    lead = await sidebarPage(browser);
  });
  afterAll(async () => {
    await browser?.close();
    await hub?.dispose();
  });

  it('highlights, explains and rewrites as the coach types, and never blocks sending', async () => {
    await signInAs(supervisor, hub.url, 'supervisor');
    await supervisor.getByRole('button', { name: 'Observe Ava Agent' }).click();
    await supervisor.getByRole('heading', { name: 'Ava Agent' }).waitFor();
    const language = supervisor.getByLabel('Note language');
    await expect.poll(() => language.inputValue()).toBe('en'); // the UI language's
    expect(
      await supervisor.getByLabel('Note language').getByRole('option').allTextContents(),
    ).toEqual(['English', '简体中文', '繁體中文', 'Latviešu']);

    const box = supervisor.getByLabel('Observation', { exact: true });
    await box.click();
    await box.pressSequentially(
      'You were polite, but you should verify the identity first. Next time, confirm the address.',
    );
    await expect.poll(() => marks(supervisor, 'harmful')).toEqual(['but', 'should']);
    await expect.poll(() => marks(supervisor, 'good')).toEqual(['Next time']);
    await expect.poll(() => summary(supervisor)).toBe('1 “but”, 1 command; 1 next-time action');

    // Each finding explains itself under it, no hover needed; the span is described by it.
    const but = finding(supervisor, 'but');
    const should = finding(supervisor, 'should');
    await expect.poll(() => explanation(but).textContent()).toMatch(/^“But” erases the praise/);
    await expect
      .poll(() => explanation(should).textContent())
      .toMatch(/^Commands .* sound authoritarian/);
    const describedBy = await but
      .getByRole('button', { name: '“But”: but' })
      .getAttribute('aria-describedby');
    expect(await supervisor.locator(`[id="${describedBy}"]`).textContent()).toMatch(/^“But”/);
    await checkedAtWidths(supervisor, 'language-composer-highlights');

    // One click rewrites the span; the caret stays in the text box after the rewrite.
    await but.getByRole('button', { name: 'Use “and”', exact: true }).click();
    const rewritten =
      'You were polite, and you should verify the identity first. Next time, confirm the address.';
    await expect.poll(() => box.inputValue()).toBe(rewritten);
    await expect.poll(() => activeId(supervisor)).toBe('observation-text');
    await expect.poll(() => caretAt(supervisor)).toBe('You were polite, and'.length);
    await expect.poll(() => marks(supervisor, 'harmful')).toEqual(['should']);
    await expect.poll(() => summary(supervisor)).toBe('1 command; 1 next-time action');

    // A command is left in: the coach decides, sending is never blocked.
    await supervisor.getByRole('button', { name: 'Send', exact: true }).click();
    await expect.poll(() => box.inputValue()).toBe('');
    await supervisor.getByTestId('observed-note').filter({ hasText: rewritten }).waitFor();
    await expect.poll(() => supervisor.getByTestId('language-summary').count()).toBe(0);
    await expect.poll(() => supervisor.getByTestId('sync').textContent()).toBe('All changes saved');
  });

  it('reads Chinese notes in the note language and explains in the UI language', async () => {
    const box = supervisor.getByLabel('Observation', { exact: true });
    await box.click();
    await box.pressSequentially('你很有礼貌，但是你应该先核实身份。');
    // English chosen, Chinese written: read with the Chinese rules, and the coach is told so.
    const detected = supervisor.getByTestId('language-detected');
    await expect.poll(() => detected.textContent()).toContain('Read as 简体中文');
    await expect.poll(() => marks(supervisor, 'harmful')).toEqual(['但是', '应该']);
    await detected.getByRole('button', { name: 'Set the note language to 简体中文' }).click();
    await expect.poll(() => supervisor.getByLabel('Note language').inputValue()).toBe('zh-CN');
    await expect.poll(() => detected.count()).toBe(0);
    await expect.poll(() => summary(supervisor)).toBe('1 “but”, 1 command');
    await expect
      .poll(() => explanation(finding(supervisor, '但是')).textContent())
      .toMatch(/erases the praise/);

    // The UI in Chinese: the same findings, explained and summarised in Chinese.
    await supervisor.getByLabel('Language', { exact: true }).selectOption('zh-CN');
    await expect.poll(() => summary(supervisor)).toBe('1 个“但是”、1 处命令式');
    await expect.poll(() => explanation(finding(supervisor, '应该')).textContent()).toMatch(/命令/);
    await checkedAtWidths(supervisor, 'language-composer-zh');
    await finding(supervisor, '应该').getByRole('button', { name: '改用“可以”' }).click();
    await expect
      .poll(() => supervisor.getByLabel('观察内容', { exact: true }).inputValue())
      .toBe('你很有礼貌，但是你可以先核实身份。');
    await expect.poll(() => activeId(supervisor)).toBe('observation-text');
    await supervisor.getByRole('button', { name: '发送', exact: true }).click();
    await supervisor
      .getByTestId('observed-note')
      .filter({ hasText: '你很有礼貌，但是你可以先核实身份。' })
      .waitFor();
    // The note language is this device's choice from now on.
    await expect
      .poll(() => supervisor.evaluate(() => localStorage.getItem('sidecoach.noteLanguage')))
      .toBe('zh-CN');
    await supervisor.getByLabel('语言', { exact: true }).selectOption('en');
    await expect.poll(() => supervisor.getByTestId('sync').textContent()).toBe('All changes saved');
  });

  it('shows a team lead each coach’s patterns, per note and week by week', async () => {
    await signInAs(lead, hub.url, 'lead');
    await lead.getByRole('heading', { name: 'Floor' }).waitFor();
    await lead.getByRole('button', { name: 'Coaching language' }).click();
    await lead.getByRole('heading', { name: 'Coaching language' }).waitFor();
    const row = lead.getByTestId('language-trends').getByRole('row', { name: /Sam Supervisor/ });
    await row.waitFor();
    // Two notes this week: "should" and "next time" in English, 但是 in Chinese.
    await expect.poll(() => row.getByRole('cell').first().textContent()).toBe('2 · 2 harmful');
    const weeks = lead.getByTestId('language-weeks');
    const thisWeek = weeks.getByRole('row').last();
    const headers = await weeks.getByRole('columnheader').allTextContents();
    const cells = await thisWeek.getByRole('cell').allTextContents();
    const byHeader = Object.fromEntries(headers.slice(1).map((h, i) => [h, cells[i]]));
    expect(byHeader).toMatchObject({
      Notes: '2',
      'Harmful per note': '1.00',
      '“But”': '1',
      Command: '1',
      'Next-time action': '1',
      'Generic praise': '0',
    });
    // One row a week the period touches (weeks run Monday to Sunday, UTC), under the header.
    await expect.poll(() => weeks.getByRole('row').count()).toBe(weeksTouched(90) + 1);
    await lead.getByLabel('Period').selectOption({ label: 'Last 7 days' });
    await expect.poll(() => weeks.getByRole('row').count()).toBe(weeksTouched(7) + 1);
    await expect.poll(() => row.getByRole('cell').first().textContent()).toBe('2 · 2 harmful');
    await expect.poll(() => lead.locator('.chart canvas').count()).toBe(1);
    // Each table goes to a spreadsheet as the lead reads it.
    const download = lead.waitForEvent('download');
    await lead
      .getByRole('button', {
        name: 'Export CSV: Harmful patterns per note: first weeks against last weeks',
      })
      .click();
    const file = await download;
    expect(file.suggestedFilename()).toMatch(/^sidecoach-coaching-language-\d{4}-\d\d-\d\d\.csv$/);
    const csv = (await readFile(await file.path())).toString('utf8').replace(/^\uFEFF/, '');
    const [head, first] = csv.trim().split('\r\n');
    expect(head?.split(',').slice(0, 2)).toEqual(['Coach', 'Notes']);
    expect(first).toMatch(/^Sam Supervisor,/);
    await checkedAtWidths(lead, 'language-stats');
    // Not for supervisors.
    await supervisor.getByRole('button', { name: 'Back to the floor' }).click();
    await supervisor.getByRole('heading', { name: 'Floor' }).waitFor();
    await expect
      .poll(() => supervisor.getByRole('button', { name: 'Coaching language' }).count())
      .toBe(0);
  });
});
