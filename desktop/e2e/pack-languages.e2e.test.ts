// The quality manager sees, in the survey pack view, which pack texts customers and agents read
// in English because the pack lacks their language: a count per language and a tag per text,
// for the survey pack (as edited) and the standards pack in force. A pack without zh-TW or
// Latvian is still accepted: those texts fall back to English.
import { describe, expect, it } from 'vitest';
import {
  chromiumMissing,
  demoHubAndBrowser,
  screenshotFromTop,
  sidebarPage,
  signInAs,
  signInAsInChinese,
} from './support/browser.js';

const missing = chromiumMissing();
if (missing) console.warn(`[skip] pack language end-to-end tests: ${missing}`);

describe.skipIf(missing)('pack languages in the survey pack view', () => {
  const env = demoHubAndBrowser();

  it('counts the texts shown in English per language and tags each one', async () => {
    const quality = await sidebarPage(env.browser);
    await signInAs(quality, env.hub.url, 'quality');
    await quality.getByRole('button', { name: 'Survey pack', exact: true }).click();
    const yaml = quality.getByLabel('Survey pack (YAML)');
    await yaml.waitFor();
    const counts = (testId: string) =>
      quality.getByTestId(testId).locator('.pack-language-counts li').allTextContents();

    // The shipped packs are complete in every language.
    const complete = ['简体中文: every text', '繁體中文: every text', 'Latviešu: every text'];
    await expect.poll(() => counts('survey-pack-languages')).toEqual(complete);
    await expect.poll(() => counts('standards-pack-languages')).toEqual(complete);
    expect(
      await quality.getByRole('heading', { name: /^Standards pack in force: / }).textContent(),
    ).toBe('Standards pack in force: Sidecoach default standards, version 1');
    expect(
      await quality.getByTestId('survey-pack-languages').locator('.pack-fallbacks').count(),
    ).toBe(0);

    // An edit without Taiwan Chinese for one question and without Latvian for the brand.
    const oneEach = [
      '简体中文: every text',
      '繁體中文: 1 text in English',
      'Latviešu: 1 text in English',
    ];
    const original = await yaml.inputValue();
    const edited = original
      .replace(/^ {10}zh-TW: 您對今天的服務滿意嗎？\n/m, '')
      .replace(/^ {4}lv: Northwind klientu apkalpošanas centrs\n/m, '')
      .replace(/^version: 1$/m, 'version: 2');
    expect(edited).not.toBe(original);
    await yaml.fill(edited);
    await quality.getByText('Your edit (version 2, not saved yet)').waitFor();
    const languages = quality.getByTestId('survey-pack-languages');
    await expect.poll(() => counts('survey-pack-languages')).toEqual(oneEach);
    const rows = languages.locator('.pack-fallbacks li');
    await expect.poll(() => rows.count()).toBe(2);
    expect(await rows.allTextContents()).toEqual([
      'Northwind Contact Centre brand.nameEnglish — no Latviešu text',
      'How satisfied are you with the service you received today? surveys.service.questions.csat.textEnglish — no 繁體中文 text',
    ]);
    await screenshotFromTop(quality, 'survey-pack-languages');

    // The hub takes the pack as it is: the missing texts fall back to English.
    await quality.getByRole('button', { name: 'Save version 2' }).click();
    await quality.getByText('Saved version 2.').waitFor();
    await expect.poll(() => counts('survey-pack-languages')).toEqual(oneEach);
    await quality.context().close();
  });

  it('says the same in Chinese', async () => {
    const quality = await sidebarPage(env.browser, 'zh-CN');
    await signInAsInChinese(quality, env.hub.url, 'quality');
    await quality.getByRole('button', { name: '调查问卷包', exact: true }).click();
    const languages = quality.getByTestId('survey-pack-languages');
    await expect
      .poll(() => languages.locator('.pack-fallback-tag').allTextContents())
      .toEqual(['英文 — 没有“Latviešu”文本', '英文 — 没有“繁體中文”文本']);
    await screenshotFromTop(quality, 'survey-pack-languages-zh');
    await quality.context().close();
  });
});
