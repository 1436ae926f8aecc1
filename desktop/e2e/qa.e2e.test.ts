// Quality monitoring end to end on real parts: a hub process (the built hub/dist serving the
// built renderer, with the demo's four weeks of history) and one Chromium page per person. The
// admin saves a QA plan for the Rīga desk (the demo team has one already) and draws it; the
// evaluator scores the drawn call from
// their queue (a "no" with its required comment, the bonus item "yes") and releases it; the agent
// sees it in the sidebar and disputes one item; the arbitrator accepts; the agent sees the new
// score with the earlier version kept. Screens at 360 and 1280 px (no sideways scroll, no serious
// axe finding) go to SIDECOACH_SCREENSHOT_DIR (or test-results/screenshots).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { addDays, localDate } from '@sidecoach/shared';
import { data } from '../../hub/test/support/calls.js';
import { connect, signIn, startHub, type RunningHub } from '../../hub/test/support/hub-process.js';
import {
  checkedAtSidebarAndDesk,
  chromiumMissing,
  launchChromium,
  signedInPage,
  tableRows,
} from './support/browser.js';
import {
  acceptDispute,
  acknowledge,
  answerAllYes,
  decideDispute,
  disputeItem,
  disputesTab,
  earlierVersionKept,
  evaluatorQueue,
  flagForQa,
  myEvaluation,
  newPlanFor,
  sendDispute,
  submitAndRelease,
  writeDispute,
} from './support/qa.js';

const missing = chromiumMissing();
if (missing) console.warn(`[skip] quality monitoring end-to-end tests: ${missing}`);

const repoRoot = join(dirname(fileURLToPath(import.meta.url)), '../..');

/**
 * The default pack with two scorecard settings the test needs: a "no" on the summary needs a
 * comment, and a bonus item (5 points) for going the extra mile.
 */
async function packWithQaSettings(dir: string): Promise<void> {
  const yaml = await readFile(join(repoRoot, 'assets/standards/default.yaml'), 'utf8');
  const summary = '      - id: proc-summarise\n';
  const tone = '      - id: beh-tone\n';
  if (!yaml.includes(summary) || !yaml.includes(tone)) throw new Error('the default pack changed');
  const withComment = yaml.replace(
    /( {6}- id: proc-summarise\n(?: {8}.*\n| {10}.*\n)*? {8}weight: 2\n)/,
    '$1        commentOnNo: true\n',
  );
  if (withComment === yaml) throw new Error('proc-summarise has no weight line to follow');
  const withBonus = withComment.replace(
    tone,
    [
      '      - id: beh-extra-mile',
      '        text:',
      '          en: Goes the extra mile for the customer',
      '          zh-CN: 为客户多做一步',
      '          zh-TW: 主動為客戶多做一步',
      '          lv: Klienta labā izdara vairāk, nekā gaidīts',
      '        bonus: true',
      '        weight: 5',
      '',
    ].join('\n') + tone,
  );
  await writeFile(join(dir, 'default.yaml'), withBonus);
}

/** The same screen at the sidebar's 360 px and a desk's 1280 px, then back to 360. */
const shots = (page: Page, name: string) => checkedAtSidebarAndDesk(page, `qa-${name}`);

/** A day some days ago on this machine's calendar (YYYY-MM-DD). */
const daysAgo = (n: number) =>
  addDays(localDate(new Date(), Intl.DateTimeFormat().resolvedOptions().timeZone), -n);

describe.skipIf(missing)('quality monitoring in Chromium', () => {
  let hub: RunningHub;
  let browser: Browser;
  let standardsDir: string;

  beforeAll(async () => {
    standardsDir = await mkdtemp(join(tmpdir(), 'sidecoach-qa-pack-'));
    await packWithQaSettings(standardsDir);
    hub = await startHub({
      demo: true,
      demoHistory: true,
      extraArgs: ['--standards-dir', standardsDir],
    });
    // The rights come from the administration (tested there): Sam evaluates (the demo gives him
    // that), the Rīga desk's lead arbitrates.
    const admin = await connect(hub.url, (await signIn(hub.url, 'quality')).token);
    const users = data(await admin.emitWithAck('admin:users', {})).users;
    const user = (username: string) => users.find((u) => u.username === username)!;
    for (const [username, permission] of [
      ['supervisor', 'evaluator'],
      ['riga-lead', 'arbitrator'],
    ] as const)
      if (!user(username).permissions.includes(permission))
        data(
          await admin.emitWithAck('admin:permission', {
            userId: user(username).id,
            permission,
            granted: true,
          }),
        );
    admin.close();
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await hub?.dispose();
    if (standardsDir) await rm(standardsDir, { recursive: true, force: true });
  });

  it('plans, draws, evaluates, releases, disputes and re-scores one call', async () => {
    // ---- the admin saves the Rīga desk's plan and draws it ----
    const admin = await signedInPage(browser, hub.url, 'quality');
    await newPlanFor(admin, 'Rīgas komanda (no plan)');
    // A plan without an evaluator is said, not sent.
    await admin.getByRole('button', { name: 'Save plan' }).click();
    await expect
      .poll(() => admin.getByTestId('qa-plan').getByRole('alert').textContent())
      .toBe('Choose at least one evaluator.');
    await admin.getByLabel('Evaluations per agent').fill('1');
    await admin.getByLabel('Sam Supervisor').check();
    await admin.getByLabel('Disputes decided by').selectOption({ label: 'Laura Kalniņa' });
    await admin.getByLabel('Booking').check();
    await shots(admin, 'plan-editor');
    await admin.getByRole('button', { name: 'Save plan' }).click();
    await expect
      .poll(() => admin.getByTestId('qa-notice').textContent())
      .toBe('Plan of Rīgas komanda saved.');

    // Drawn for a day of the period that has the desk's calls (the history's last fortnight).
    await admin.getByLabel('A day of the period').fill(daysAgo(2));
    await admin.getByRole('button', { name: 'Draw now' }).click();
    await expect
      .poll(() => admin.getByTestId('qa-draw-result').textContent())
      .toMatch(
        /^New calls drawn: 1 · Drawn before and kept: 0 · Agent slots with no eligible call: \d+$/,
      );
    await expect.poll(() => tableRows(admin, 'qa-draws')).toHaveLength(1);
    const [draw] = await tableRows(admin, 'qa-draws');
    expect(draw).toMatch(
      /^Mārtiņš Ozols \| Sam Supervisor \| .* \| Booking \| .* \| To do \| slot 1 /,
    );
    expect(draw).toContain('seed ');
    const exported = admin.waitForEvent('download');
    await admin.getByRole('button', { name: /^Export CSV: The team's draws/ }).click();
    const csv = await readFile(await (await exported).path());
    expect(csv.toString('utf8')).toContain('Why this call');
    await shots(admin, 'plan-drawn');

    // Drawing the same period again keeps what was drawn.
    await admin.getByRole('button', { name: 'Draw now' }).click();
    await expect
      .poll(() => admin.getByTestId('qa-draw-result').textContent())
      .toMatch(/^New calls drawn: 0 · Drawn before and kept: 1 · /);

    // ---- the evaluator scores it from the queue ----
    // Beside the demo team's draws for Sam, the one just drawn.
    const evaluator = await evaluatorQueue(browser, hub.url, 'Mārtiņš Ozols');
    await shots(evaluator, 'queue');
    await evaluator.getByRole('button', { name: /^Evaluate: the call of Mārtiņš Ozols/ }).click();
    await evaluator.getByTestId('qa-facts').waitFor();
    await evaluator.getByTestId('qa-item-proc-greeting').waitFor();

    // Every item yes, then the summary no: its comment is required.
    expect(await answerAllYes(evaluator)).toContain('beh-extra-mile');
    const summary = evaluator.getByTestId('qa-item-proc-summarise');
    await summary.getByLabel('No', { exact: true }).check();
    const full = await evaluator.getByTestId('qa-live-score').textContent();
    expect(full).toContain('+ 5 bonus');
    await evaluator.getByRole('button', { name: 'Submit' }).click();
    await expect
      .poll(() => summary.getByRole('alert').textContent())
      .toBe('A “No” here needs a comment.');
    await summary
      .getByLabel('Comment (required for “No”)')
      .fill('Closed without recapping the booking dates.');
    await evaluator
      .getByLabel('Coaching tips for the agent')
      .fill('Your tone was warm all through. Next time, recap the dates before you close.');
    await shots(evaluator, 'evaluate');
    await submitAndRelease(evaluator);
    const released = (await evaluator.getByTestId('qa-score').textContent()) ?? '';
    const firstPercent = /(\d+(?:\.\d)?)%/.exec(released)?.[1];
    expect(firstPercent).toBeDefined();

    // ---- beside the agent, a supervisor flags a call for QA in one tap, and takes it back ----
    await evaluator.getByRole('button', { name: 'Back to the list' }).click();
    await evaluator.getByRole('button', { name: 'Back to where you were' }).click();
    await evaluator.getByRole('button', { name: 'Observe Ava Agent' }).click();
    const flag = await flagForQa(evaluator);
    await shots(evaluator, 'observe-flagged');
    await flag.getByRole('button', { name: 'Undo' }).click();
    await flag.getByRole('button', { name: 'Flag for QA' }).waitFor();

    // ---- the agent sees it in the sidebar and disputes the summary ----
    const agent = await signedInPage(browser, hub.url, 'agent6');
    // Mārtiņš reads Latvian; English first for this test's words (Latvian at the end).
    await agent.getByLabel('Valoda').selectOption('en');
    await agent.getByRole('button', { name: 'Start call' }).waitFor();
    const mine = await myEvaluation(agent, firstPercent!);
    await expect.poll(() => mine.textContent()).toContain('Closed without recapping');
    await shots(agent, 'agent-released');
    await disputeItem(mine, 'proc-summarise');
    // Without a reason it is not sent.
    await mine.getByRole('button', { name: 'Send dispute' }).click();
    await mine.getByText('Say why.').waitFor();
    await writeDispute(mine, 'I recapped the dates at 3:40, just before the customer thanked me.');
    await shots(agent, 'agent-dispute');
    await sendDispute(mine);

    // ---- the arbitrator accepts ----
    const arbitrator = await signedInPage(browser, hub.url, 'riga-lead');
    await arbitrator.getByLabel('Valoda').selectOption('en');
    await disputesTab(arbitrator);
    await shots(arbitrator, 'disputes');
    await arbitrator.getByRole('button', { name: /^Decide: the dispute of Mārtiņš Ozols/ }).click();
    const resolve = arbitrator.getByTestId('qa-resolve');
    await resolve.waitFor();
    await resolve.getByText('I recapped the dates at 3:40').waitFor();
    await resolve.getByRole('button', { name: 'Decide' }).click();
    await resolve.getByText('Give a reason.').waitFor();
    await acceptDispute(resolve, 'The recording has the recap at 3:40: the summary was given.');
    await shots(arbitrator, 'resolve');
    await decideDispute(arbitrator);

    // ---- the agent sees the new score, the earlier version kept ----
    await expect.poll(() => mine.textContent()).toContain('Version 2');
    const now = (await mine.getByTestId('qa-score').textContent()) ?? '';
    expect(now).not.toContain(`${firstPercent}%`);
    await earlierVersionKept(
      mine,
      firstPercent!,
      'Summarises the outcome and next steps before closing: No → Yes',
      'The recording has the recap at 3:40',
    );
    await shots(agent, 'agent-resolved');
    await acknowledge(mine);

    // ---- the lead reads the evaluations, the trend and the discrepancy ----
    await arbitrator.getByRole('button', { name: 'Back to the list' }).click();
    await arbitrator.getByRole('button', { name: 'Evaluations', exact: true }).click();
    // The demo's history has evaluations of its own; this one is there as acknowledged, version 2.
    await expect
      .poll(async () =>
        (await tableRows(arbitrator, 'qa-evaluations')).some((r) =>
          /Mārtiņš Ozols \| Booking \| Sam Supervisor \| [\d.]+% \| Acknowledged \| 2 \| Open$/.test(
            r,
          ),
        ),
      )
      .toBe(true);
    const ava = await arbitrator
      .getByLabel('Agent', { exact: true })
      .locator('option', { hasText: /^Mārtiņš/ })
      .getAttribute('value');
    await arbitrator.getByLabel('Agent', { exact: true }).selectOption(ava);
    await arbitrator.getByTestId('qa-trend').waitFor();
    await arbitrator.getByRole('button', { name: 'Compare' }).click();
    // Read from each evaluated call's self-assessment, with progress; the drawn call's summary
    // was "no" in version 1 only, and the agent said yes.
    await expect
      .poll(() => arbitrator.locator('.qa-panel').textContent())
      .toContain('Agent yes, evaluator no');
    await shots(arbitrator, 'evaluations');
    await arbitrator.getByRole('button', { name: 'Evaluators', exact: true }).click();
    // This month's: Sam's evaluation (made today) was disputed once and overturned; what was
    // assigned and done counts by due date.
    await expect
      .poll(async () => (await tableRows(arbitrator, 'qa-evaluators'))[0])
      .toMatch(/^Sam Supervisor \| \d+ \| \d+ \| [\d.]+% \| 1 \| 100%$/);
    await shots(arbitrator, 'evaluators');

    // ---- an evaluation imported from another QA tool opens read-only, saying so ----
    await admin.getByRole('button', { name: 'Evaluations', exact: true }).click();
    const imported = admin
      .getByTestId('qa-evaluations')
      .locator('tbody tr', { hasText: 'Imported (' })
      .first();
    await imported.getByRole('button', { name: /^Open the evaluation of/ }).click();
    await admin
      .getByText(/^Imported from another QA tool \(evaluator: .+\)\. It is read-only here\.$/)
      .waitFor();
    await admin.getByTestId('qa-facts').waitFor();
    expect(await admin.getByRole('radio').count()).toBe(0);
    expect(await admin.getByRole('button', { name: 'Submit' }).count()).toBe(0);
    await shots(admin, 'imported');

    // ---- the same in the agent's Latvian and the lead's Traditional Chinese ----
    await agent.getByLabel('Language').selectOption('lv');
    await agent.getByRole('heading', { name: 'Mani novērtējumi' }).waitFor();
    await expect.poll(() => mine.textContent()).toContain('Apstiprināts');
    await expect.poll(() => mine.textContent()).toContain('Agrākās versijas');
    await shots(agent, 'agent-lv');
    await arbitrator.getByLabel('Language').selectOption('zh-TW');
    await arbitrator.getByRole('heading', { name: '品質評核' }).waitFor();
    await arbitrator.getByRole('button', { name: '評核紀錄', exact: true }).click();
    await expect
      .poll(() => arbitrator.getByTestId('qa-evaluations').textContent())
      .toContain('已確認');
    await shots(arbitrator, 'evaluations-zh-TW');
    // The address keeps the view: a reload opens the same tab.
    expect(new URL(arbitrator.url()).hash).toBe('#/quality/evaluations');
    await arbitrator.reload();
    await expect
      .poll(() =>
        arbitrator
          .getByRole('button', { name: '評核紀錄', exact: true })
          .getAttribute('aria-current'),
      )
      .toBe('page');

    await Promise.all([admin, evaluator, agent, arbitrator].map((p) => p.context().close()));
  });
});
