// @vitest-environment happy-dom
// @vitest-environment-options { "happyDOM": { "url": "http://localhost:3000" } }
// The admin's account actions (features/account/UserAccountActions.tsx) rendered with React in
// a DOM, asking a real hub through the sidebar's one client, before the user editor embeds it.
import { act, createElement } from 'react';
import { createRoot } from 'react-dom/client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { withHubDatabase } from '../../hub/test/support/database.js';
import {
  connect,
  DEMO_USERS,
  signIn,
  startHub,
  type RunningHub,
} from '../../hub/test/support/hub-process.js';
import { UserAccountActions } from '../src/renderer/features/account/UserAccountActions.js';
import { initI18n } from '../src/renderer/i18n/index.js';
import { useSession } from '../src/renderer/hub/session-store.js';

// Answers from the hub arrive outside act(): the test polls for what they render instead.
(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = false;

const buttonIn = (within: HTMLElement, name: string) => {
  const found = Array.from(within.querySelectorAll('button')).find((b) => b.textContent === name);
  if (!found) throw new Error(`no button "${name}" in: ${within.textContent}`);
  return found;
};
/** Clicks and lets React render what the click changed at once (answers from the hub come later). */
async function click(name: string, within = document.body): Promise<void> {
  await act(async () => {
    buttonIn(within, name).click();
    await Promise.resolve();
  });
}
const text = () => document.body.textContent;
const shown = (selector: string) => document.querySelector(selector)?.textContent ?? '';
const render = async (props: { userId: string; username: string }) => {
  const root = document.createElement('div');
  document.body.append(root);
  await act(async () => {
    createRoot(root).render(createElement(UserAccountActions, props));
    await Promise.resolve();
  });
  return root;
};

describe('UserAccountActions against a real hub', () => {
  let hub: RunningHub;

  beforeAll(async () => {
    // The page's origin is one the hub allows, as a configured web origin would be.
    hub = await startHub({ demo: true, extraArgs: ['--allow-origin', location.origin] });
    await initI18n('en');
    const admin = await signIn(hub.url, DEMO_USERS.admin);
    const socket = await connect(hub.url, admin.token);
    useSession.setState({
      socket,
      session: { token: admin.token, hubUrl: hub.url, user: admin.user },
      phase: 'ready',
      connection: 'online',
    });
  });
  afterAll(async () => {
    useSession.getState().socket?.close();
    await hub?.dispose();
  });

  it('issues a code shown once, and signs the user out everywhere, each after confirming', async () => {
    const agent = await signIn(hub.url, 'agent3');
    const agentSocket = await connect(hub.url, agent.token);
    const closed = new Promise((resolve) => agentSocket.once('disconnect', resolve));
    await render({ userId: agent.user.id, username: 'agent3' });
    expect(text()).toContain('Sign-in for agent3');

    await click('Issue one-time code / link');
    expect(text()).toContain('Issue a new one-time code for agent3?');
    await click('Cancel');
    await click('Issue one-time code / link');
    await click('Issue code');
    await expect
      .poll(() => document.querySelector('.issued-code')?.textContent ?? '')
      .toMatch(/^[A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{4}$/);
    const code = shown('.issued-code');
    expect(shown('.issued-link')).toMatch(new RegExp(`^${hub.url}/#reset=`));
    expect(text()).toMatch(/Shown only now.*Valid until/);
    // The code works (checked as the agent's sign-in screen would), and hiding it forgets it.
    const check = await fetch(`${hub.url}/api/auth/one-time`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'agent3', code }),
    });
    expect(check.status).toBe(200);
    await click('Done, hide the code');
    expect(document.querySelector('.issued-code')).toBeNull();

    await click('Sign out everywhere');
    expect(text()).toContain('Sign agent3 out on every device?');
    await click('Sign out everywhere');
    await expect.poll(text).toContain('agent3 was signed out of 1 device.');
    await closed;

    // A refusal is shown, not swallowed: a user that is not there.
    const missing = await render({ userId: 'no-such-user', username: 'ghost' });
    await click('Sign out everywhere', missing);
    await click('Sign out everywhere', missing);
    await expect
      .poll(() => missing.querySelector('[role="alert"]')?.textContent ?? '')
      .toMatch(/^Not done: Not found: no user no-such-user/);
    const stored = await withHubDatabase(hub.dataDir, (db) =>
      db.selectFrom('audit_log').select('action').where('target_id', '=', agent.user.id).execute(),
    );
    expect(stored.map((r) => r.action)).toEqual(['password.reset-issued', 'session.revoke-all']);
  });
});
