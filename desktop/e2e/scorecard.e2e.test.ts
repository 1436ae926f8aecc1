// The scorecard builder end to end on real parts: a hub process (the built hub/dist serving the
// built renderer), the quality manager's sidebar in Chromium and an agent's beside it. The
// manager adds a section-critical item and a bonus item (checked as typed, kept across a
// reload, tried), publishes them as a new version, fixes a wording as a revision, exports the
// YAML and the history; the agent, signed in all along, gets both on the next call. Then a
// version published by another manager meanwhile: shown at once, or refused with a reload.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { parseStandardsPackYaml, type ScorecardInfo } from '@sidecoach/shared';
import { connect, signIn } from '../../hub/test/support/hub-process.js';
import {
  checkedAtWidths,
  chromiumMissing,
  demoHubAndBrowser,
  frameFromHub,
  screenshot,
  sidebarPage,
  signedInPage,
  signInAs,
  SIDEBAR_AND_DESK,
  startCall,
  tableRows,
} from './support/browser.js';
import { addItem, openScorecard } from './support/qa.js';
import zhTW from '../src/renderer/i18n/translation.zh-TW.js';
import lv from '../src/renderer/i18n/translation.lv.js';

const missing = chromiumMissing();
if (missing) console.warn(`[skip] scorecard builder end-to-end tests: ${missing}`);

/** The widths the brief names: the docked sidebar and a desk. */
const shots = (page: Page, name: string) =>
  checkedAtWidths(page, `scorecard-${name}`, SIDEBAR_AND_DESK);

const CRITICAL = 'Sends the complaint reference by e-mail';
const CRITICAL_ID = 'proc-sends-the-complaint-reference-by-e-mail';
const BONUS = 'Uses the customer’s name';
const BONUS_FIXED = 'Uses the customer’s name at least once';

async function answer(page: Page, item: RegExp, label: 'Yes' | 'No' | 'N/A') {
  await page.getByRole('radiogroup', { name: item }).getByText(label, { exact: true }).click();
}

describe.skipIf(missing)('the scorecard builder in Chromium', () => {
  const env = demoHubAndBrowser();

  it('publishes a critical and a bonus item as a version, a wording fix as a revision, exports the YAML; the agent gets them on the next call', async () => {
    const { hub, browser } = env;
    // The agent is signed in before anything is published: their sidebar is told of each one.
    const agent = await sidebarPage(browser);
    const revisedPack = frameFromHub(agent, (f) => f.includes(BONUS_FIXED), 180_000);
    await signInAs(agent, hub.url, 'agent1');
    await expect.poll(() => agent.getByTestId('status').textContent()).toBe('Available');

    const page = await signedInPage(browser, hub.url, 'quality');
    await openScorecard(page, 'Active: version 1, revision 1');
    await page
      .getByText('Not edited in the app yet: the hub reads the scorecard from its YAML file.')
      .waitFor();
    expect(await page.getByTestId('scorecard-change').textContent()).toBe('No changes to publish.');
    await shots(page, 'active');

    // A critical item that fails only its section, for complaints only, with a Chinese text.
    await addItem(page, 'Process', CRITICAL);
    const critical = page.locator(`[data-item="${CRITICAL_ID}"]`);
    await critical.getByLabel('Critical: a “no” fails').check();
    await critical.getByLabel('Only its section').check();
    await critical.getByLabel('Only these call types').check();
    for (const other of [
      'Information request',
      'Booking',
      'Cancellation',
      'Problem resolution',
      'Sales',
    ])
      await critical.getByLabel(other, { exact: true }).uncheck();
    await critical.getByLabel('简体中文').fill('通过电子邮件发送投诉编号');
    // The English text is required: said beside it, and in the publish card, as it is typed.
    const english = critical.getByLabel('English (required)');
    await english.fill('');
    await expect
      .poll(() => critical.locator('.sc-problem').first().textContent())
      .toBe('Write the English text (other languages fall back to it).');
    expect(await english.getAttribute('aria-invalid')).toBe('true');
    await expect
      .poll(() => page.getByTestId('scorecard-problems').locator('p').textContent())
      .toBe('Fix 1 problem before publishing:');
    expect(await page.getByRole('button', { name: 'Publish', exact: true }).isDisabled()).toBe(
      true,
    );
    await english.fill(CRITICAL);
    await expect.poll(() => page.getByTestId('scorecard-problems').count()).toBe(0);
    await expect
      .poll(() => critical.locator('.sc-badges').textContent())
      .toContain('Critical: fails its section');
    await shots(page, 'item-editor');

    // A bonus item in behaviour, worth 5 points.
    await addItem(page, 'Behaviour', BONUS);
    const bonus = page.locator('[data-item="beh-uses-the-customer-s-name"]');
    await bonus.getByLabel('Bonus item').check();
    expect(await bonus.getByLabel('Critical: a “no” fails').isDisabled()).toBe(true);
    await bonus.getByLabel('Bonus points for a “yes”').fill('5');
    await expect
      .poll(() => page.getByTestId('scorecard-change').textContent())
      .toBe(
        'This makes version 2: scores from now on are computed with it; results already scored keep the version they were scored with.',
      );

    // The edit survives a reload of the page (the address and the draft are kept in this tab).
    await page.reload();
    await expect
      .poll(() => page.getByTestId('scorecard-change').textContent())
      .toMatch(/^This makes version 2:/);
    await expect
      .poll(() => page.locator(`[data-item="${CRITICAL_ID}"] .sc-badge-new`).count())
      .toBe(1);

    // Try it: scored as evaluations will be. Process fails on the critical "no" (its section
    // only: 0 of 2); behaviour 1 of 1; so 1 of 3 = 33.3 %, plus the 5 bonus points.
    await page.getByRole('button', { name: 'Try it', exact: true }).click();
    await page.getByLabel('Call type').selectOption({ label: 'Complaint' });
    await answer(page, /^Greets with own name/, 'Yes');
    await answer(page, new RegExp(`^${CRITICAL}`), 'No');
    await answer(page, /^Listens without interrupting/, 'Yes');
    await answer(page, new RegExp(`^${BONUS}`), 'Yes');
    await expect.poll(() => page.getByTestId('scorecard-try-score').textContent()).toBe('38.3%');
    expect(await page.getByTestId('scorecard-try-verdict').textContent()).toBe(
      'No critical item failed the call.',
    );
    expect(await page.getByTestId('scorecard-try-sections').textContent()).toContain(
      `Section failed: ${CRITICAL}`,
    );
    await page.getByText('+5 points (at most 10)').waitFor();
    await shots(page, 'try');

    // Published as version 2, with a note.
    await page.getByRole('button', { name: 'Edit', exact: true }).click();
    await page
      .getByLabel('Note for the history (optional)')
      .fill('Complaint reference; bonus for the name');
    await page.getByRole('button', { name: 'Publish version 2' }).click();
    await expect
      .poll(() => page.getByTestId('scorecard-notice').textContent())
      .toBe('Version 2 is published.');
    expect(await page.getByTestId('scorecard-active').textContent()).toBe(
      'Active: version 2, revision 1',
    );
    await page
      .getByText(
        'Edited in the app: the hub’s database now holds the scorecard, not its YAML file.',
      )
      .waitFor();

    // A wording fix: a revision of version 2, scores untouched.
    await page.getByRole('button', { name: BONUS, exact: true }).click();
    await page
      .locator('[data-item="beh-uses-the-customer-s-name"]')
      .getByLabel('English (required)')
      .fill(BONUS_FIXED);
    await expect
      .poll(() => page.getByTestId('scorecard-change').textContent())
      .toBe('This makes revision 2 of version 2: wording only, scores are untouched.');
    await page.getByRole('button', { name: 'Publish revision 2.2' }).click();
    await expect
      .poll(() => page.getByTestId('scorecard-notice').textContent())
      .toBe('Revision 2 of version 2 is published.');

    // Versions and files: the history (exported as CSV), the active YAML downloaded.
    await page.getByRole('button', { name: 'Versions and files', exact: true }).click();
    const rows = await tableRows(page, 'scorecard-history');
    expect(rows).toHaveLength(3);
    expect(rows[0]).toMatch(/^2\.2 \| .+ \| Quinn Quality \| The app \| {2}\| Download$/);
    expect(rows[1]).toMatch(
      /^2\.1 \| .+ \| Quinn Quality \| The app \| Complaint reference; bonus for the name \| $/,
    );
    expect(rows[2]).toMatch(
      /^1\.1 \| .+ \| The hub \(at start-up\) \| YAML file \| default.yaml \| Download$/,
    );
    const csv = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Export CSV' }).click();
    const csvFile = await csv;
    expect(csvFile.suggestedFilename()).toMatch(
      /^sidecoach-default-history-\d{4}-\d{2}-\d{2}\.csv$/,
    );
    const csvText = readFileSync(await csvFile.path(), 'utf8');
    expect(csvText.split('\r\n')[0]).toBe('\ufeffVersion,Saved,By,Source,Note,Revision');
    expect(csvText).toContain('Complaint reference; bonus for the name');

    const yaml = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Download the active YAML' }).click();
    const yamlFile = await yaml;
    expect(yamlFile.suggestedFilename()).toBe('sidecoach-default-v2.2.yaml');
    const exported = parseStandardsPackYaml(readFileSync(await yamlFile.path(), 'utf8'));
    expect(exported.version).toBe(2);
    const items = exported.areas.flatMap((a) => a.items);
    expect(items.find((i) => i.id === CRITICAL_ID)).toMatchObject({
      critical: true,
      criticalScope: 'section',
      callTypes: ['complaint'],
      text: { en: CRITICAL, 'zh-CN': '通过电子邮件发送投诉编号' },
    });
    expect(items.find((i) => i.id === 'beh-uses-the-customer-s-name')).toMatchObject({
      bonus: true,
      weight: 5,
      text: { en: BONUS_FIXED },
    });
    await expect
      .poll(() => page.getByTestId('scorecard-notice').textContent())
      .toBe('Version 2, revision 2 was downloaded as YAML.');

    // A YAML file the hub refuses: its reason is shown, nothing is published.
    await page.getByLabel('Choose a YAML file').setInputFiles({
      name: 'broken.yaml',
      mimeType: 'application/yaml',
      buffer: Buffer.from(
        'id: sidecoach-default\nversion: 3\nname: { en: Broken }\ncallTypes: []\nareas: []\n',
      ),
    });
    await page.getByRole('button', { name: 'Import as a new version' }).click();
    await expect
      .poll(() => page.locator('.sc-import').getByRole('alert').textContent())
      .toMatch(/^The hub refused: .+/);
    expect(await page.getByTestId('scorecard-active').textContent()).toBe(
      'Active: version 2, revision 2',
    );
    await shots(page, 'history');

    // The agent's next call: the new critical item on the checklist (a complaint), both new
    // items on the self-assessment, with the fixed wording.
    await revisedPack;
    await startCall(agent, 'Complaint');
    await agent.getByRole('checkbox', { name: CRITICAL }).waitFor();
    await agent.getByRole('button', { name: 'End call' }).click();
    await agent.getByRole('heading', { name: 'How did that call go?' }).waitFor();
    await agent.getByRole('radiogroup', { name: CRITICAL }).waitFor();
    await agent.getByRole('radiogroup', { name: BONUS_FIXED }).waitFor();
    await screenshot(agent, 'scorecard-agent-self-assessment');
    await agent.context().close();
    await page.context().close();
  });

  it('shows a version another manager published, and refuses an edit based on an older one', async () => {
    const { hub, browser } = env;
    const page = await signedInPage(browser, hub.url, 'quality');
    await openScorecard(page, /^Active: version \d+, revision \d+$/);

    // Another manager on their own socket.
    const other = await connect(hub.url, (await signIn(hub.url, 'quality')).token);
    const publishOther = async (change: (info: ScorecardInfo) => ScorecardInfo['pack']) => {
      const got = await other.emitWithAck('scorecard:get', {});
      if (!got.ok) throw new Error(got.error.message);
      const res = await other.emitWithAck('scorecard:publish', {
        basedOn: { version: got.data.pack.version, revision: got.data.revision },
        pack: change(got.data),
        note: 'from another desk',
      });
      if (!res.ok) throw new Error(res.error.message);
      return res.data.info;
    };
    try {
      // Nothing edited here: the new revision is shown at once, and said.
      const renamed = await publishOther((info) => ({
        ...info.pack,
        callTypes: info.pack.callTypes.map((c) =>
          c.id === 'sales' ? { ...c, name: { ...c.name, 'zh-TW': '銷售業務' } } : c,
        ),
      }));
      await expect
        .poll(() => page.getByTestId('scorecard-notice').textContent())
        .toBe(
          `Version ${renamed.pack.version}, revision ${renamed.revision} was published by someone else: it is shown now.`,
        );
      expect(await page.getByTestId('scorecard-active').textContent()).toBe(
        `Active: version ${renamed.pack.version}, revision ${renamed.revision}`,
      );

      // An edit here, then another version there: said, with what a reload drops.
      await page.getByLabel('Most bonus points a score can gain').fill('5');
      await expect
        .poll(() => page.getByTestId('scorecard-change').textContent())
        .toMatch(/^This makes version/);
      const versioned = await publishOther((info) => ({ ...info.pack, bonusCap: 20 }));
      await expect
        .poll(() => page.getByTestId('scorecard-newer').textContent())
        .toBe(
          `Version ${versioned.pack.version}, revision ${versioned.revision} was published by someone else. Reloading drops your unpublished changes.Reload`,
        );

      // Publishing the older edit is refused: said, with the reload that starts from the newest.
      await page.getByRole('button', { name: /^Publish version/ }).click();
      await expect
        .poll(() => page.getByTestId('scorecard-stale').locator('p').textContent())
        .toBe(
          `Not published: someone published version ${versioned.pack.version}.${versioned.revision} while you were editing version ${renamed.pack.version}.${renamed.revision}. Reload to start from it (your changes are dropped).`,
        );
      await shots(page, 'conflict');
      await page.getByTestId('scorecard-stale').getByRole('button', { name: 'Reload' }).click();
      await expect
        .poll(() => page.getByTestId('scorecard-change').textContent())
        .toBe('No changes to publish.');
      expect(await page.getByLabel('Most bonus points a score can gain').inputValue()).toBe('20');
      expect(await page.getByTestId('scorecard-stale').count()).toBe(0);
    } finally {
      other.close();
    }
    await page.context().close();
  });

  for (const [lang, t] of [
    ['zh-TW', zhTW],
    ['lv', lv],
  ] as const) {
    it(`${lang}: the builder fits the 360 px sidebar, an item open, each view`, async () => {
      const page = await signedInPage(env.browser, env.hub.url, 'quality');
      await page.getByRole('combobox', { name: 'Language' }).selectOption(lang);
      await expect.poll(() => page.getAttribute('html', 'lang')).toBe(lang);
      await page.getByRole('button', { name: t.scorecard.nav, exact: true }).click();
      await page.getByTestId('scorecard-active').waitFor();
      // An item's editor open (the identity check: critical, for some call types).
      await page.locator('[data-item="proc-verify-identity"] .sc-title').click();
      await page.locator('.sc-item.open').waitFor();
      await checkedAtWidths(page, `scorecard-${lang}-edit`, [360]);
      await page.getByRole('button', { name: t.scorecard.tabs.try, exact: true }).click();
      await checkedAtWidths(page, `scorecard-${lang}-try`, [360]);
      await page.getByRole('button', { name: t.scorecard.tabs.history, exact: true }).click();
      await checkedAtWidths(page, `scorecard-${lang}-history`, [360]);
      await page.context().close();
    });
  }
});
