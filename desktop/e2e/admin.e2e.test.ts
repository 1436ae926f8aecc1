// Administration end to end on real parts: a hub process (the built hub/dist serving the built
// renderer) and an admin's sidebar in Chromium. The admin creates a shift, imports an HR file of
// agents (preview first, then all or nothing), and reads and exports the audit log; at the
// sidebar's 360 px and at 1024 and 1280 px.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { data } from '../../hub/test/support/calls.js';
import { connect, signIn, startHub, type RunningHub } from '../../hub/test/support/hub-process.js';
import {
  chromiumMissing,
  launchChromium,
  screenshotFromTop,
  checkedAtWidths,
  sidebarPage,
  signInAs,
} from './support/browser.js';

const missing = chromiumMissing();
if (missing) console.warn(`[skip] administration end-to-end tests: ${missing}`);

/** The same view at the three widths an admin uses (then back to the sidebar's width). */
async function shots(page: Page, name: string) {
  await checkedAtWidths(page, `admin-${name}`);
  await page.setViewportSize({ width: 360, height: 900 });
}

/** A table's body rows, each its cells' texts joined by " | " (whatever the layout shows). */
const tableRows = (page: Page, testId: string) =>
  page
    .getByTestId(testId)
    .locator('tbody tr')
    .evaluateAll((rows: HTMLTableRowElement[]) =>
      rows.map((r) =>
        Array.from(r.cells, (c: HTMLTableCellElement) => (c.textContent ?? '').trim()).join(' | '),
      ),
    );

const HR_FILE =
  '\ufeffusername,display_name,role,team,extension,lang\r\n' +
  'wang.xiaoming,王小明,agent,Rīga day,5001,zh-CN\r\n' +
  'chen.meiling,陳美玲,agent,Rīga day,5002,zh-CN\r\n' +
  'janis.berzins,Jānis Bērziņš,agent,Rīga day,5003,en\r\n' +
  'liga.ozolina,Līga Ozoliņa,agent,Rīga day,5004,\r\n';

describe.skipIf(missing)('administration in Chromium', () => {
  let hub: RunningHub;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    hub = await startHub({ demo: true });
    browser = await launchChromium();
    page = await sidebarPage(browser);
  });
  afterAll(async () => {
    await browser?.close();
    await hub?.dispose();
  });

  it('creates a shift, imports agents from a CSV after its preview, and reads the audit log', async () => {
    await signInAs(page, hub.url, 'quality');
    await page.getByRole('heading', { name: 'Floor' }).waitFor();
    await page.getByRole('button', { name: 'Administration' }).click();
    await page.getByRole('heading', { name: 'People', exact: false }).first().waitFor();
    // The demo's 13 staff and its two mystery callers (Mia and Ruth).
    await expect.poll(() => page.getByTestId('admin-people').locator('tbody tr').count()).toBe(15);
    await shots(page, 'people');

    // A shift in Rīga: a wrong time zone is said, not sent.
    await page.getByRole('button', { name: 'Teams', exact: true }).click();
    await page.getByRole('button', { name: 'New team' }).click();
    await page.getByLabel('Name', { exact: true }).fill('Rīga day');
    await page.getByLabel('Time zone (IANA, e.g. Europe/Riga)').fill('Europe/Rigaa');
    await page.getByRole('button', { name: 'Save' }).click();
    await expect
      .poll(() => page.getByRole('alert').textContent())
      .toBe(
        '“Europe/Rigaa” is not a time zone the browser knows (try Europe/Riga or Asia/Shanghai).',
      );
    await page.getByLabel('Time zone (IANA, e.g. Europe/Riga)').fill('Europe/Riga');
    await page.getByLabel('This team is a shift with working hours').check();
    await page.getByLabel('Starts').fill('08:00');
    await page.getByLabel('Ends').fill('16:00');
    await page.getByLabel('Nia Supervisor').check();
    await shots(page, 'team-editor');
    await page.getByRole('button', { name: 'Save' }).click();
    await expect
      .poll(() => page.getByTestId('admin-notice').textContent())
      .toBe('Team Rīga day was created.');
    await page.getByRole('button', { name: 'Close' }).click();
    await expect
      .poll(() => tableRows(page, 'admin-teams'))
      .toContain('Rīga day | Europe/Riga | 08:00–16:00 Mon Tue Wed Thu Fri | Nia Supervisor | 0');

    // The HR file: a preview row by row first, nothing stored yet.
    await page.getByRole('button', { name: 'Import', exact: true }).click();
    await page.getByLabel('Choose a CSV file').setInputFiles({
      name: 'hr-export.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from(HR_FILE, 'utf8'),
    });
    await expect
      .poll(() => page.getByTestId('import-counts').textContent())
      .toBe('4 to create, 0 to change, 0 unchanged, 0 refused');
    expect(await tableRows(page, 'import-preview')).toEqual([
      '2 | wang.xiaoming | 王小明 | Create | ',
      '3 | chen.meiling | 陳美玲 | Create | ',
      '4 | janis.berzins | Jānis Bērziņš | Create | ',
      '5 | liga.ozolina | Līga Ozoliņa | Create | ',
    ]);
    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Export CSV' }).click();
    const preview = await download;
    expect(preview.suggestedFilename()).toBe('hr-export-preview.csv');
    await shots(page, 'import-preview');

    await page.getByRole('button', { name: 'Import 4 changes' }).click();
    await expect
      .poll(() => page.getByTestId('import-result').textContent())
      .toMatch(/^Imported at .+: 4 created, 0 changed, 0 unchanged\.$/);
    await shots(page, 'import-applied');

    // The same file again: every row unchanged, nothing to import.
    await page.getByLabel('Choose another file').setInputFiles({
      name: 'hr-export.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from(HR_FILE, 'utf8'),
    });
    await expect
      .poll(() => page.getByTestId('import-counts').textContent())
      .toBe('0 to create, 0 to change, 4 unchanged, 0 refused');
    await page.getByText('Nothing to import: every row is as stored.').waitFor();

    // A bad row is shown with its reason, and nothing can be applied.
    await page.getByLabel('Choose a CSV file').setInputFiles({
      name: 'bad.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from('username,display_name,role\r\nghost,Ghost,wizard\r\n', 'utf8'),
    });
    await expect
      .poll(() => tableRows(page, 'import-preview'))
      .toEqual([
        '2 | ghost | Ghost | Refused | unknown role "wizard" (one of agent, supervisor, lead, admin)',
      ]);
    await page
      .getByText(
        'Nothing can be imported while a row is refused: correct the file and choose it again.',
      )
      .waitFor();

    // A person's editor: details, extra rights (none for an agent), a move from a date.
    await page.getByRole('button', { name: 'People', exact: true }).click();
    await page.getByRole('button', { name: 'Edit 王小明' }).click();
    await page.getByRole('heading', { name: 'Edit 王小明' }).waitFor();
    await page.getByText('Agents cannot hold extra rights.').waitFor();
    await page.getByRole('heading', { name: 'Move to another team' }).waitFor();
    await shots(page, 'user-editor');
    await page.getByRole('button', { name: 'Close' }).click();

    // The audit log: every change, by whom, with the names as typed.
    await page.getByRole('button', { name: 'Audit log', exact: true }).click();
    const rows = page.getByTestId('admin-audit').locator('tbody tr');
    await expect.poll(() => rows.count()).toBe(6); // the team, four people, the import
    const texts = await tableRows(page, 'admin-audit');
    expect(texts.filter((r) => r.includes('Person added')).length).toBe(4);
    expect(texts.some((r) => r.includes('王小明') && r.includes('Quinn Quality'))).toBe(true);
    expect(texts.some((r) => r.includes('Team created') && r.includes('Rīga day'))).toBe(true);
    expect(texts.some((r) => r.includes('HR file imported'))).toBe(true);
    await shots(page, 'audit');
    const exported = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Export CSV' }).click();
    const file = await exported;
    expect(file.suggestedFilename()).toMatch(/^sidecoach-audit-\d{4}-\d\d-\d\d\.csv$/);
    const path = await file.path();
    const { readFile } = await import('node:fs/promises');
    const bytes = await readFile(path);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(bytes.toString('utf8')).toContain('Jānis Bērziņš');

    // A date range that ends before it starts is said, not sent.
    await page.getByLabel('From').fill('2026-05-02');
    await page.getByLabel('To (inclusive)').fill('2026-05-01');
    await page.getByRole('button', { name: 'Show' }).click();
    await expect
      .poll(() => page.getByRole('alert').textContent())
      .toBe('The end date is before the start date.');

    // In Simplified Chinese (the admin's own choice, kept by the hub for their next sign-in).
    await page.getByLabel('Language').selectOption('zh-CN');
    await page.getByRole('heading', { name: '审计日志' }).waitFor();
    await page.getByRole('button', { name: '人员', exact: true }).click();
    await page.getByRole('heading', { name: /^人员/ }).waitFor();
    await shots(page, 'people-zh');
    await expect.poll(async () => (await signIn(hub.url, 'quality')).user.lang).toBe('zh-CN');
  });
  it('lets a new agent from the HR file sign in with a one-time code the admin issued, and choose a password', async () => {
    // The admin chose Chinese in the test before: back to English for this one.
    const admin = await sidebarPage(browser);
    await signInAs(admin, hub.url, 'quality');
    await admin.getByLabel('语言').selectOption('en');
    await admin.getByRole('button', { name: 'Administration' }).click();
    await admin.getByRole('button', { name: 'Edit 王小明' }).click();
    await admin.getByRole('button', { name: 'Issue one-time code / link' }).click();
    await admin.getByRole('button', { name: 'Issue code' }).click();
    const code = (await admin.locator('.issued-code').textContent())!.trim();
    expect(code).toMatch(/^[A-Z0-9]{4}-[A-Z0-9]{4}-[A-Z0-9]{4}$/);
    await shots(admin, 'issued-code');

    // 王小明 at his own desk: the code, then a password by the rules, then his sidebar.
    const agent = await sidebarPage(browser);
    await agent.goto(hub.url);
    await agent.getByRole('button', { name: 'I have a one-time code' }).click();
    await agent.getByLabel('Username').fill('wang.xiaoming');
    await agent.getByLabel('One-time code').fill(code);
    await agent.getByRole('button', { name: 'Continue' }).click();
    await agent.getByRole('heading', { name: 'Choose your password' }).waitFor();
    await agent.getByText('Hello 王小明.', { exact: false }).waitFor();
    const save = agent.getByRole('button', { name: 'Save password and sign in' });
    for (const [password, reason] of [
      ['wang.xiaoming2026', /not contain your username/],
      ['Password2024!', /list of common or breached passwords/],
    ] as const) {
      await agent.getByLabel('New password', { exact: true }).fill(password);
      await agent.getByLabel('Repeat the new password').fill(password);
      if (await save.isEnabled()) await save.click();
      await agent.getByText(reason).first().waitFor();
    }
    await shots(agent, 'first-password-refused');
    const chosen = 'lanterns over the Daugava at dusk';
    await agent.getByLabel('New password', { exact: true }).fill(chosen);
    await agent.getByLabel('Repeat the new password').fill(chosen);
    await save.click();
    // Signed in, in the language the HR file gave him.
    await expect.poll(() => agent.getByTestId('status').textContent()).toBe('空闲');
    expect(await agent.evaluate(() => document.documentElement.lang)).toBe('zh-CN');
    await shots(agent, 'first-sign-in');
    // The code is spent; the password works from now on.
    expect((await signIn(hub.url, 'wang.xiaoming', chosen)).user.displayName).toBe('王小明');
    await admin.close();
    await agent.close();
  });

  it('tells a supervisor moved off the team, mid-observation, and takes them back to the floor', async () => {
    const supervisor = await sidebarPage(browser);
    await signInAs(supervisor, hub.url, 'supervisor');
    await supervisor.getByRole('button', { name: 'Observe Ava Agent' }).click();
    await supervisor.getByRole('heading', { name: 'Ava Agent' }).waitFor();
    const admin = await connect(hub.url, (await signIn(hub.url, 'quality')).token);
    const sam = data(await admin.emitWithAck('admin:users', {})).users.find(
      (u) => u.username === 'supervisor',
    )!;
    data(
      await admin.emitWithAck('admin:user-save', {
        id: sam.id,
        username: sam.username,
        displayName: sam.displayName,
        role: sam.role,
        extension: sam.extension,
        defaultLang: sam.defaultLang,
        teamIds: ['team-night'],
      }),
    );
    admin.close();
    // The hub closed the supervisor's socket; the sidebar reconnects and may not rejoin.
    await expect
      .poll(() => supervisor.getByRole('alert').textContent())
      .toBe(
        'You can no longer observe this agent: your teams or rights changed. Back to the floor.Dismiss',
      );
    await supervisor.getByRole('heading', { name: 'Floor' }).waitFor();
    await screenshotFromTop(supervisor, 'admin-moved-supervisor-360');
    await supervisor.context().close();
  });
});
