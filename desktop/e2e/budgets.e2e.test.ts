// A request budget spent (hub/src/lib/budgets.ts), as the lead sees it in Chromium: the view
// that asked says in the lead's language how many minutes to wait, and fits the 360 px sidebar.
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { connect, signIn as signInHub } from '../../hub/test/support/hub-process.js';
import en from '../src/renderer/i18n/translation.en.js';
import zhTW from '../src/renderer/i18n/translation.zh-TW.js';
import lv from '../src/renderer/i18n/translation.lv.js';
import {
  checkedAtWidths,
  chromiumMissing,
  demoHubAndBrowser,
  sidebarPage,
} from './support/browser.js';

const missing = chromiumMissing();
if (missing) console.warn(`[skip] request budget end-to-end tests: ${missing}`);

/** survey:report's budget (60 in ten minutes): the lead's next report is refused for 10 min. */
const REPORT_BUDGET = 60;

const leads = [
  { username: 'lead', locale: 'en-US', t: en, busy: en.errors.busy_other },
  { username: 'taipei-lead', locale: 'zh-TW', t: zhTW, busy: zhTW.errors.busy_other },
  // Ten takes Latvian's "zero" form (0, 10–20, 30…): minūtēm.
  { username: 'riga-lead', locale: 'lv-LV', t: lv, busy: lv.errors.busy_zero },
];

describe.skipIf(missing)('a spent request budget in the sidebar', () => {
  const env = demoHubAndBrowser();

  async function signIn(page: Page, t: typeof en, username: string) {
    await page.goto(env.hub.url);
    await page.getByLabel(t.signIn.username).fill(username);
    await page.getByLabel(t.signIn.password).fill('sidecoach-demo');
    await page.getByRole('button', { name: t.signIn.submit, exact: true }).click();
  }

  for (const { username, locale, t, busy } of leads) {
    it(`tells ${username} in their language how long to wait`, async () => {
      // The same lead's other device spends the budget (a script, or a report reloaded in a loop).
      const socket = await connect(env.hub.url, (await signInHub(env.hub.url, username)).token);
      try {
        for (let i = 0; i < REPORT_BUDGET; i++)
          expect((await socket.emitWithAck('survey:report', { days: 30 })).ok).toBe(true);
      } finally {
        socket.close();
      }
      const page = await sidebarPage(env.browser, locale);
      await signIn(page, t, username);
      await page.getByRole('heading', { name: t.floor.title }).waitFor();
      await page.getByRole('button', { name: t.surveys.nav.report, exact: true }).click();
      const alert = page.getByRole('alert').filter({ hasText: busy.replace('{{count}}', '10') });
      await alert.waitFor();
      await checkedAtWidths(page, `budget-${locale}-survey-report`, [360]);
      await page.context().close();
    });
  }
});
