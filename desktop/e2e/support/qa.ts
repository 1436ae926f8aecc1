// Steps of quality monitoring in the renderer that the scorecard and QA end-to-end tests share:
// each the clicks a person makes and what the screen must say back, so the tests read as the
// journey they drive.
import type { Browser, Locator, Page } from 'playwright-core';
import { expect } from 'vitest';
import { signedInPage, tableRows } from './browser.js';

/** From the floor to the scorecard builder, which shows the active version as `active`. */
export async function openScorecard(page: Page, active: string | RegExp) {
  await page.getByRole('heading', { name: 'Floor' }).waitFor();
  await page.getByRole('button', { name: 'Scorecard', exact: true }).click();
  const shown = expect.poll(() => page.getByTestId('scorecard-active').textContent());
  if (typeof active === 'string') await shown.toBe(active);
  else await shown.toMatch(active);
}

/** Adds an item to a section by its English text (the editor opens on it). */
export async function addItem(page: Page, section: string, text: string) {
  const box = page.getByLabel(`New item in ${section} (English text)`);
  await box.fill(text);
  await box.press('Enter');
  await expect.poll(() => box.inputValue()).toBe('');
}

/** Opens the QA plan editor of a team that has no plan yet. */
export async function newPlanFor(page: Page, team: string) {
  await page.getByRole('button', { name: 'Quality' }).click();
  await page.getByRole('heading', { name: 'Quality monitoring' }).waitFor();
  await page.getByRole('button', { name: 'Plans', exact: true }).click();
  await page.getByLabel('Team', { exact: true }).selectOption({ label: team });
  await page.getByRole('heading', { name: 'New QA plan' }).waitFor();
}

/** A supervisor flags the call they observe for QA in one tap; the flag's box is returned. */
export async function flagForQa(page: Page): Promise<Locator> {
  const flag = page.getByTestId('qa-flag');
  await flag.getByRole('button', { name: 'Flag for QA' }).click();
  await expect.poll(() => flag.getByRole('status').textContent()).toBe('Flagged for QA');
  return flag;
}

/** The evaluator (Sam) signed in, on his queue, which holds one call of `agent`. */
export async function evaluatorQueue(browser: Browser, url: string, agent: string) {
  const evaluator = await signedInPage(browser, url, 'supervisor');
  await evaluator.getByRole('button', { name: 'Quality' }).click();
  await evaluator.getByRole('button', { name: 'Queue', exact: true }).click();
  await expect
    .poll(async () => (await tableRows(evaluator, 'qa-queue')).filter((r) => r.includes(agent)))
    .toHaveLength(1);
  return evaluator;
}

/** Answers every item of the open evaluation "yes"; the items' ids are returned. */
export async function answerAllYes(evaluator: Page): Promise<string[]> {
  const ids = await evaluator
    .locator('[data-testid^="qa-item-"]')
    .evaluateAll((els) => els.map((el) => el.getAttribute('data-item')!));
  for (const id of ids)
    await evaluator.getByTestId(`qa-item-${id}`).getByLabel('Yes', { exact: true }).check();
  return ids;
}

/** Submits the open evaluation and releases it to the agent, each said back. */
export async function submitAndRelease(evaluator: Page) {
  await evaluator.getByRole('button', { name: 'Submit' }).click();
  await expect.poll(() => evaluator.getByTestId('qa-notice').textContent()).toBe('Submitted.');
  await evaluator.getByRole('button', { name: 'Release to the agent' }).click();
  await expect
    .poll(() => evaluator.getByTestId('qa-notice').textContent())
    .toBe('Released to the agent.');
}

/** The agent's one released evaluation in the sidebar, showing the score `percent`. */
export async function myEvaluation(agent: Page, percent: string): Promise<Locator> {
  const mine = agent.getByTestId('my-evaluation');
  await mine.first().waitFor();
  await expect.poll(() => mine.count()).toBe(1);
  await expect.poll(() => mine.textContent()).toContain(`${percent}%`);
  return mine;
}

/** Opens the dispute form of the agent's evaluation about one item. */
export async function disputeItem(mine: Locator, itemId: string) {
  await mine.getByRole('button', { name: 'Dispute' }).click();
  await mine.getByLabel('About').selectOption(itemId);
}

/** Writes why, and proposes "yes" as the answer the item should have. */
export async function writeDispute(mine: Locator, reason: string) {
  await mine.getByLabel('Why (required)').fill(reason);
  await mine.getByLabel('The answer it should have').selectOption('yes');
}

export async function sendDispute(mine: Locator) {
  await mine.getByRole('button', { name: 'Send dispute' }).click();
  await expect
    .poll(() => mine.getByTestId('qa-notice').textContent())
    .toBe('Dispute sent. You will see the decision here.');
}

/** The arbitrator on the Disputes tab, which holds one dispute. */
export async function disputesTab(arbitrator: Page) {
  await arbitrator.getByRole('button', { name: 'Quality' }).click();
  await arbitrator.getByRole('button', { name: 'Disputes', exact: true }).click();
  await expect.poll(() => tableRows(arbitrator, 'qa-disputes')).toHaveLength(1);
}

/** Accepts the open dispute (the proposed "yes" taken) with the reason the agent reads. */
export async function acceptDispute(resolve: Locator, reason: string) {
  await resolve.getByLabel('Accept').check();
  await expect.poll(() => resolve.getByLabel('Answer it now has').inputValue()).toBe('yes');
  await resolve.getByLabel('Reason (the agent reads it)').fill(reason);
}

/** Sends the decision; the evaluation then shows its versions. */
export async function decideDispute(arbitrator: Page) {
  await arbitrator.getByTestId('qa-resolve').getByRole('button', { name: 'Decide' }).click();
  await expect
    .poll(() => arbitrator.getByTestId('qa-notice').textContent())
    .toBe('Dispute decided.');
  await arbitrator.getByTestId('qa-versions').waitFor();
}

/**
 * The agent's evaluation after the accepted dispute keeps version 1 (scored `percent`), says
 * what changed, and shows the arbitrator's reason.
 */
export async function earlierVersionKept(
  mine: Locator,
  percent: string | number,
  change: string,
  reason: string,
) {
  const versions = mine.getByTestId('qa-versions');
  await versions.waitFor();
  await expect.poll(() => versions.textContent()).toContain('Version 1');
  await expect.poll(() => versions.textContent()).toContain(`${percent}%`);
  await expect.poll(() => versions.textContent()).toContain(change);
  await expect.poll(() => mine.getByTestId('qa-dispute-history').textContent()).toContain(reason);
}

export async function acknowledge(mine: Locator) {
  await mine.getByRole('button', { name: 'Acknowledge' }).click();
  await expect
    .poll(() => mine.getByTestId('qa-notice').textContent())
    .toBe('Acknowledged. Thank you.');
}
