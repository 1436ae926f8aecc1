// The customer's side of a post-call survey in real Chromium on a phone-sized screen: the email
// arrives at a real SMTP server on loopback, the link opens the hub's page, the form is answered
// with the keyboard and by touch, mistakes are shown, the thank-you says what happens next, and
// the used link says it was used.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import {
  connect,
  signIn,
  startHub,
  type HubSocket,
  type RunningHub,
} from '../../hub/test/support/hub-process.js';
import {
  ctiCall,
  startMailbox,
  surveyEmail,
  surveyLinkIn,
  surveyHubArgs,
  type Mailbox,
} from '../../hub/test/support/surveys.js';
import { checkedAtWidths, chromiumMissing, launchChromium } from './support/browser.js';

const missing = chromiumMissing();
if (missing) console.warn(`[skip] survey page end-to-end tests: ${missing}`);

describe.skipIf(missing)('the customer’s survey page', () => {
  let dir: string;
  let mailbox: Mailbox;
  let hub: RunningHub;
  let agent: HubSocket;
  let browser: Browser;

  const phone = async (locale = 'en-GB'): Promise<Page> => {
    const context = await browser.newContext({
      viewport: { width: 360, height: 780 },
      deviceScaleFactor: 2,
      isMobile: true,
      hasTouch: true,
      locale,
    });
    return context.newPage();
  };
  const surveyFor = async (email: string, lang?: string) => {
    await ctiCall(hub, agent, {
      extension: '1001',
      callType: 'booking',
      customer: lang ? { email, lang } : { email },
    });
    return surveyLinkIn(await surveyEmail(hub, mailbox, email));
  };

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'sidecoach-survey-page-'));
    mailbox = await startMailbox();
    hub = await startHub({
      demo: true,
      extraArgs: surveyHubArgs(dir, { smtpUrl: mailbox.url }),
    });
    agent = await connect(hub.url, (await signIn(hub.url, 'agent1')).token);
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    agent?.close();
    await hub?.dispose();
    await mailbox?.close();
    await rm(dir, { recursive: true, force: true });
  });

  it('is answered on a phone, shows mistakes, thanks the customer and cannot be reused', async () => {
    const link = await surveyFor('phone@example.test');
    const page = await phone();
    await page.goto(link);
    await expect.poll(() => page.title()).toBe('Service survey');
    // The company's name and colour, from the survey pack.
    expect(await page.locator('.brand').textContent()).toBe('Northwind Test Centre');
    expect(
      await page
        .getByRole('button', { name: 'Send my answers' })
        .evaluate((el) => getComputedStyle(el).backgroundColor),
    ).toBe('rgb(11, 122, 83)');
    // Every scale reads low-is-bad from the left: effort is shown as ease.
    const ease = page.getByRole('group', { name: /How easy was it\?/ }).getByRole('radio');
    expect(await ease.first().evaluate((el) => el.closest('label')?.textContent)).toBe(
      '1Very hard',
    );
    expect(await ease.last().evaluate((el) => el.closest('label')?.textContent)).toBe('5Very easy');
    await checkedAtWidths(page, 'survey-page-phone');

    // Sent empty: the mistakes are listed at the top and next to each question.
    await page.getByRole('button', { name: 'Send my answers' }).click();
    await expect
      .poll(() => page.getByRole('alert').textContent())
      .toContain('Please check your answers');
    await expect
      .poll(() => page.getByRole('group', { name: /How satisfied are you\?/ }).textContent())
      .toContain('Please choose an answer.');
    await checkedAtWidths(page, 'survey-page-errors');

    // Each scale is a radio group with a label per point (screen readers read "1 Very dissatisfied").
    await page
      .getByRole('group', { name: /How satisfied are you\?/ })
      .getByRole('radio', { name: /2\s*Dissatisfied/ })
      .check();
    await page
      .getByRole('group', { name: /Was it resolved\?/ })
      .getByRole('radio', { name: 'No' })
      .check();
    // By keyboard: focus the first point of the effort scale and move with the arrow keys.
    await page
      .getByRole('group', { name: /How easy was it\?/ })
      .getByRole('radio', { name: /1\s*Very hard/ })
      .focus();
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowRight');
    await page.getByLabel('Anything else?').fill('I had to explain twice. <i>Still waiting.</i>');
    await page.getByRole('button', { name: 'Send my answers' }).click();
    await expect
      .poll(() => page.getByRole('heading', { level: 1 }).textContent())
      .toBe('Thank you');
    expect(await page.textContent('main')).toContain('Your team reads every answer.');
    await checkedAtWidths(page, 'survey-page-thanks');

    const lead = await connect(hub.url, (await signIn(hub.url, 'lead')).token);
    const listed = await lead.emitWithAck('survey:responses', { days: 1 });
    lead.close();
    expect(listed.ok && listed.data.responses[0]).toMatchObject({
      csat: 2,
      resolved: false,
      effort: 3,
      comment: 'I had to explain twice. <i>Still waiting.</i>',
      alert: true,
    });

    await page.goto(link);
    await expect
      .poll(() => page.getByRole('heading', { level: 1 }).textContent())
      .toBe('Already answered');
  });

  it('speaks the customer’s language and offers the others', async () => {
    const link = await surveyFor('zh@example.test', 'zh-CN');
    const page = await phone('zh-CN');
    await page.goto(link);
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('服务调查');
    expect(await page.getAttribute('html', 'lang')).toBe('zh-CN');
    await checkedAtWidths(page, 'survey-page-zh-CN');
    await page.getByRole('navigation').getByRole('link', { name: 'English' }).click();
    await expect
      .poll(() => page.getByRole('heading', { level: 1 }).textContent())
      .toBe('Service survey');
  });

  it('speaks Traditional Chinese to a customer in Taiwan, and Latvian to a browser in Latvia', async () => {
    const link = await surveyFor('tw@example.test', 'zh-TW');
    const page = await phone('zh-TW');
    await page.goto(link);
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('服務問卷');
    expect(await page.getAttribute('html', 'lang')).toBe('zh-TW');
    expect(await page.locator('.brand').textContent()).toBe('北風測試中心');
    expect(await page.getByRole('navigation').getByRole('link').allTextContents()).toEqual([
      'English',
      '简体中文',
      'Latviešu',
    ]);
    await page.getByRole('button', { name: '送出我的回答' }).click();
    await expect.poll(() => page.getByRole('alert').textContent()).toContain('請檢查您的回答');
    await checkedAtWidths(page, 'survey-page-zh-TW');

    // Nobody told the hub this customer's language: their browser's is Latvian.
    const lvLink = await surveyFor('lv@example.test');
    const lv = await phone('lv-LV');
    await lv.goto(lvLink);
    await expect
      .poll(() => lv.getByRole('heading', { level: 1 }).textContent())
      .toBe('Apkalpošanas aptauja');
    expect(await lv.getAttribute('html', 'lang')).toBe('lv');
    const ease = lv.getByRole('group', { name: /Cik tas bija viegli\?/ }).getByRole('radio');
    expect(await ease.first().evaluate((el) => el.closest('label')?.textContent)).toBe(
      '1Ļoti grūti',
    );
    expect(await lv.getByText('Pēc izvēles, līdz 200 rakstzīmēm.').count()).toBe(1);
    await checkedAtWidths(lv, 'survey-page-lv');
  });

  it('says plainly when a link does not work', async () => {
    const page = await phone();
    await page.goto(`${hub.url}/s/${'A'.repeat(43)}`);
    await expect
      .poll(() => page.getByRole('heading', { level: 1 }).textContent())
      .toBe('This link does not work');
    await checkedAtWidths(page, 'survey-page-invalid');
  });
});
