// Traditional Chinese (Taipei) and Latvian (Rīga) end to end in Chromium on a real hub with the
// demo: an agent's call through the checklist and the self-assessment, the lead's note with the
// language coach's finding explained in that language, and the customer's survey answered on a
// phone. Every label is found by the language's own strings, so a string shown in English (or
// missing) fails the test; each screen is checked at 360, 1024 and 1280 px (axe-core, nothing
// sticking out sideways).
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { EXPLANATIONS } from '../../shared/src/domain/language/explanations.js';
import { complaintsByLink } from '../../hub/test/support/surveys.js';
import zhTW from '../src/renderer/i18n/translation.zh-TW.js';
import lv from '../src/renderer/i18n/translation.lv.js';
import {
  checkedAtWidths,
  chromiumMissing,
  demoHubAndBrowser,
  sidebarPage,
} from './support/browser.js';

const missing = chromiumMissing();
if (missing) console.warn(`[skip] zh-TW and lv end-to-end tests: ${missing}`);

const fill = (text: string, values: Record<string, string>) =>
  text.replace(/\{\{(\w+)\}\}/g, (_, k: string) => values[k] ?? '');

const desks = [
  {
    lang: 'zh-TW' as const,
    locale: 'zh-TW',
    t: zhTW,
    agent: { username: 'agent5', name: '陳冠宇' },
    lead: 'taipei-lead',
    note: '你的開場很親切，但是確認身分太慢了。',
    contrast: '但是',
  },
  {
    lang: 'lv' as const,
    locale: 'lv-LV',
    t: lv,
    agent: { username: 'agent6', name: 'Mārtiņš Ozols' },
    lead: 'riga-lead',
    note: 'Tu klientu sveicināji ļoti laipni, bet aizmirsi pārbaudīt viņa identitāti.',
    contrast: 'bet',
  },
];

describe.skipIf(missing)('a Taipei desk and a Rīga team in their languages', () => {
  // Complaints are surveyed by a link the agent shows (the demo's calls carry no phone number).
  const env = demoHubAndBrowser((hub) => complaintsByLink(hub.url));

  async function signIn(page: Page, t: typeof zhTW | typeof lv, username: string) {
    await page.goto(env.hub.url);
    // The sign-in form speaks the browser's language before anyone has signed in.
    await page.getByLabel(t.signIn.username).fill(username);
    await page.getByLabel(t.signIn.password).fill('sidecoach-demo');
    await page.getByRole('button', { name: t.signIn.submit, exact: true }).click();
  }

  for (const desk of desks) {
    const { t } = desk;

    it(`${desk.lang}: a call, the checklist, the self-assessment, and the customer's survey on a phone`, async () => {
      const agent = await sidebarPage(env.browser, desk.locale);
      await signIn(agent, t, desk.agent.username);
      await expect.poll(() => agent.getByTestId('status').textContent()).toBe(t.status.available);
      expect(await agent.getAttribute('html', 'lang')).toBe(desk.lang);
      await agent.getByLabel(t.call.type).selectOption('complaint');
      await agent.getByRole('button', { name: t.call.start, exact: true }).click();
      const end = agent.getByRole('button', { name: t.call.end, exact: true });
      await end.waitFor();
      // A tick goes through the store (and the outbox): checked once it is recorded.
      const item = agent.getByRole('checkbox').first();
      await item.click();
      await expect.poll(() => item.isChecked()).toBe(true);
      await checkedAtWidths(agent, `languages-${desk.lang}-on-call`);
      await end.click();

      const form = agent.getByRole('form', { name: t.assessment.title });
      await form.waitFor();
      await form.getByRole('button', { name: t.assessment.restYes }).click();
      await checkedAtWidths(agent, `languages-${desk.lang}-assessment`);
      await form.getByRole('button', { name: t.assessment.submit }).click();
      await expect
        .poll(() => agent.getByTestId('recent-call').first().textContent())
        .toMatch(/100\s?%/);

      // No SMS gateway in the demo: the survey is offered as a link, in the agent's language.
      const link = agent.getByTestId('survey-link');
      await expect.poll(() => link.textContent()).toMatch(/\/s\/\S+$/);
      const url = (await link.textContent()) ?? '';
      const phone = await env.browser.newContext({
        viewport: { width: 360, height: 780 },
        isMobile: true,
        hasTouch: true,
        locale: desk.locale,
      });
      const customer = await phone.newPage();
      await customer.goto(url);
      // Nobody told the hub the customer's language: their phone's is used.
      expect(await customer.getAttribute('html', 'lang')).toBe(desk.lang);
      const question = await customer.getByRole('heading', { level: 1 }).textContent();
      // Every scale answered at its best (touch on a phone), the comment left empty.
      for (const group of await customer.getByRole('group').all()) {
        const radios = group.getByRole('radio');
        if ((await radios.count()) > 0) await radios.last().check();
      }
      await checkedAtWidths(customer, `languages-${desk.lang}-survey`);
      await customer.locator('button[type="submit"]').click();
      await expect
        .poll(() => customer.getByRole('heading', { level: 1 }).textContent())
        .not.toBe(question);
      expect(await customer.getAttribute('html', 'lang')).toBe(desk.lang);
      await checkedAtWidths(customer, `languages-${desk.lang}-survey-thanks`);
      await phone.close();
      await agent.context().close();
    });

    it(`${desk.lang}: the lead's note, with the language coach's finding explained in ${desk.lang}`, async () => {
      const lead = await sidebarPage(env.browser, desk.locale);
      await lead.setViewportSize({ width: 1280, height: 900 });
      await signIn(lead, t, desk.lead);
      await lead
        .getByRole('button', { name: fill(t.floor.observeAgent, { name: desk.agent.name }) })
        .click();
      await lead.getByRole('heading', { name: desk.agent.name }).waitFor();
      const box = lead.getByLabel(t.composer.text, { exact: true });
      await box.fill(desk.note);
      // The contrast word after praise is found and explained in the UI's language.
      await lead.getByText(EXPLANATIONS[desk.lang]!.but).first().waitFor();
      expect(await lead.locator('mark').allTextContents()).toContain(desk.contrast);
      await checkedAtWidths(lead, `languages-${desk.lang}-coach-finding`);
      await lead.getByRole('button', { name: t.composer.send, exact: true }).click();
      await expect.poll(() => box.inputValue()).toBe('');
      await lead.context().close();
    });
  }

  for (const desk of desks) {
    const { t } = desk;
    it(`${desk.lang}: every coach and administration view fits the 360 px sidebar`, async () => {
      // The quality manager (an administrator) sees every view; the language is chosen in the
      // sidebar's own picker (and kept on the hub for them).
      const page = await sidebarPage(env.browser, desk.locale);
      await signIn(page, t, 'quality');
      await page.getByRole('combobox', { name: t.language.label }).selectOption(desk.lang);
      await expect.poll(() => page.getAttribute('html', 'lang')).toBe(desk.lang);
      // Each view once its data is in (no "Loading…" line left), then checked at 360 px.
      const loading = page.locator('p.muted').filter({ hasText: /…$/ });
      const at360 = async (name: string) => {
        await expect.poll(() => loading.count(), { timeout: 15_000 }).toBe(0);
        await checkedAtWidths(page, `languages-${desk.lang}-${name}`, [360]);
      };
      const nav = (name: string) => page.getByRole('button', { name, exact: true }).click();
      // Back to where the view was opened from (the coaching-language view says "to the floor").
      const back = () =>
        page
          .getByRole('button', { name: t.surveys.backLabel })
          .or(page.getByRole('button', { name: t.observe.backLabel }))
          .click();
      await page.getByRole('heading', { name: t.floor.title }).waitFor();
      await at360('floor');
      for (const [name, view] of [
        [t.languageStats.open, 'language-stats'],
        [t.reflection.nav, 'sessions'],
        [t.surveys.nav.feedback, 'feedback'],
        [t.surveys.nav.report, 'report'],
        [t.surveys.nav.pack, 'pack'],
      ] as const) {
        await nav(name);
        await at360(view);
        await back();
      }
      await nav(t.admin.nav);
      for (const [tab, view] of [
        [t.admin.tabs.people, 'admin-people'],
        [t.admin.tabs.teams, 'admin-teams'],
        [t.admin.tabs.import, 'admin-import'],
        [t.admin.tabs.audit, 'admin-audit'],
      ] as const) {
        await nav(tab);
        await at360(view);
      }
      await page.context().close();
    });
  }
});
