// @vitest-environment happy-dom
import { describe, expect, it, vi } from 'vitest';
import type * as Client from '../../hub/client.js';
import type { Badge, Shoutout } from '@sidecoach/shared';

// The inbox's badges and shout-outs reach the sidebar before recognition's store has loaded
// (it loads after the first screen): the first load keeps them, and hands them over once.

vi.mock('../../hub/client.js', async (original) => ({
  ...(await original<typeof Client>()),
  ask: vi.fn(() => Promise.resolve({ ok: true, data: {} })),
}));

const { recognitionArrived, useRecognitionView, registeredRecognitionStore } =
  await import('./view.js');
const { recognitionInbox } = await import('./feature.js');

const badge: Badge = {
  id: 'b1',
  agentId: 'u-ava',
  agentName: 'Ava Agent',
  teamId: 'team-demo',
  kind: 'csat-streak',
  itemId: null,
  period: '2026-03-02',
  count: 10,
  awardedAt: '2026-03-09T06:00:00.000Z',
};
const shoutout: Shoutout = {
  id: 's1',
  agentId: 'u-ava',
  agentName: 'Ava Agent',
  fromId: 'u-ben',
  fromName: 'Ben Agent',
  fromRole: 'peer',
  teamId: 'team-demo',
  itemId: 'proc-summarise',
  behaviour: 'You summarised the next steps before closing the call.',
  lang: 'en',
  callId: null,
  visibility: 'team',
  at: '2026-03-10T10:00:00.000Z',
};

describe('recognition before its store has loaded', () => {
  it('keeps what the inbox brought and hands it to the store once it registers', async () => {
    expect(registeredRecognitionStore()).toBeNull();
    recognitionInbox.recognition({
      seq: 1,
      kind: 'recognition',
      recognition: { type: 'badge', badge },
    });
    recognitionArrived({ type: 'shoutout', shoutout });
    expect(useRecognitionView.getState().early).toHaveLength(2);
    const { useRecognition } = await import('./store.js');
    expect(registeredRecognitionStore()).not.toBeNull();
    expect(useRecognitionView.getState().early).toEqual([]);
    expect(useRecognition.getState().mine.badges.map((b) => b.id)).toEqual(['b1']);
    expect(useRecognition.getState().mine.shoutouts.map((s) => s.id)).toEqual(['s1']);
    expect(useRecognition.getState().notices).toHaveLength(2);
  });
});
