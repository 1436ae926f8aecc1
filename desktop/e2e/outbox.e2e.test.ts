// The outbox against real IndexedDB in Chromium: a write stays on the device until the hub has
// answered it, a retry carries the same id, and the hub stores each id once.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { callsOf, startHub, type RunningHub } from '../../hub/test/support/hub-process.js';
import { chromiumMissing, launchChromium, sidebarPage, signInAs } from './support/browser.js';

const missing = chromiumMissing();

interface StoredWrite {
  seq: number;
  event: string;
  payload: { id?: string; callId?: string };
  userId: string;
  createdAt: string;
}

/** Reads (or, with `add`, appends to) the sidebar's outbox in the page's own IndexedDB. */
function outbox(page: Page, add?: Omit<StoredWrite, 'seq'>): Promise<StoredWrite[]> {
  return page.evaluate(
    (entry) =>
      new Promise<StoredWrite[]>((resolve, reject) => {
        const open = indexedDB.open('sidecoach');
        open.onerror = () => reject(open.error ?? new Error('indexedDB.open failed'));
        open.onsuccess = () => {
          const db = open.result;
          const tx = db.transaction('outbox', 'readwrite');
          const store = tx.objectStore('outbox');
          if (entry) store.add(entry);
          const all = store.getAll();
          tx.oncomplete = () => {
            db.close();
            resolve(all.result as StoredWrite[]);
          };
          tx.onerror = () => reject(tx.error ?? new Error('outbox transaction failed'));
        };
      }),
    add ?? null,
  );
}

const synced = (page: Page) => page.getByTestId('sync').textContent();

describe.skipIf(missing)('the outbox in real IndexedDB', () => {
  let hub: RunningHub;
  let browser: Browser;

  beforeAll(async () => {
    hub = await startHub({ demo: true });
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await hub?.dispose();
  });

  it('keeps a write the hub did not answer in time and resends it with the same id, stored once', async () => {
    const page = await sidebarPage(browser);
    try {
      // Every call:start the page sends on its socket, by the id it carries.
      const sent: string[] = [];
      page.on('websocket', (ws) =>
        ws.on('framesent', ({ payload }) => {
          const text = String(payload);
          const id = /"call:start",\{"id":"([^"]+)"/.exec(text)?.[1];
          if (id) sent.push(id);
        }),
      );
      await signInAs(page, hub.url, 'agent2');
      await expect.poll(() => page.getByTestId('status').textContent()).toBe('Available');
      const before = await callsOf(hub.url, 'agent2');

      // The hub stops answering (paused, its socket still open): the acknowledgement times out
      // and the outbox sends the write again.
      hub.process.kill('SIGSTOP');
      try {
        await page.getByRole('button', { name: 'Start call' }).click();
        const [waiting] = await outbox(page);
        expect(waiting).toMatchObject({ event: 'call:start', userId: expect.any(String) });
        await expect.poll(() => synced(page)).toBe('1 change waiting to sync');
        await expect.poll(() => sent.length, { timeout: 30_000 }).toBeGreaterThanOrEqual(2);
        expect(new Set(sent)).toEqual(new Set([waiting!.payload.id]));
        expect(await outbox(page)).toHaveLength(1);
      } finally {
        hub.process.kill('SIGCONT');
      }

      // The first send and the retries all reach the hub; it stores the id once.
      await expect.poll(() => synced(page), { timeout: 30_000 }).toBe('All changes saved');
      expect(await outbox(page)).toEqual([]);
      const after = await callsOf(hub.url, 'agent2');
      expect(after).toHaveLength(before.length + 1);
      await page.getByRole('button', { name: 'End call' }).click();
      await expect.poll(() => synced(page)).toBe('All changes saved');
    } finally {
      await page.context().close();
    }
  });

  it('sends a write left on the device after the hub stored it (its answer lost) without storing it twice', async () => {
    const page = await sidebarPage(browser);
    try {
      await signInAs(page, hub.url, 'agent3');
      await expect.poll(() => page.getByTestId('status').textContent()).toBe('Available');
      await page.getByRole('button', { name: 'Start call' }).click();
      await expect.poll(() => synced(page)).toBe('All changes saved');
      const [call] = await callsOf(hub.url, 'agent3');
      expect(call?.endedAt).toBeNull();
      const userId = call!.agentId;

      // As if the page had closed between the hub's commit and the local removal: the start is
      // in the outbox again, and the end the agent made next is behind it.
      const again = { id: call!.id, callType: call!.callType, startedAt: call!.startedAt };
      const createdAt = new Date().toISOString();
      await outbox(page, { event: 'call:start', payload: again, userId, createdAt });
      const endedAt = new Date().toISOString();
      await outbox(page, {
        event: 'call:end',
        payload: { callId: call!.id, endedAt } as never,
        userId,
        createdAt,
      });
      expect((await outbox(page)).map((e) => e.event)).toEqual(['call:start', 'call:end']);

      await page.reload();
      await expect.poll(() => synced(page), { timeout: 30_000 }).toBe('All changes saved');
      expect(await outbox(page)).toEqual([]);
      const calls = (await callsOf(hub.url, 'agent3')).filter((c) => c.id === call!.id);
      expect(calls).toHaveLength(1);
      expect(calls[0]!.endedAt).not.toBeNull();
    } finally {
      await page.context().close();
    }
  });
});
