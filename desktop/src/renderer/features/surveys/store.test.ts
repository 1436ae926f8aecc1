// @vitest-environment happy-dom
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type * as Client from '../../hub/client.js';
import type { SurveyResponse } from '@sidecoach/shared';

// The fake of the one hub client: each request waits until the test answers it.
const waiting: Array<{ payload: unknown; answer: (data: unknown) => void }> = [];
vi.mock('../../hub/client.js', async (original) => ({
  ...(await original<typeof Client>()),
  ask: vi.fn(
    (_event: string, payload: unknown) =>
      new Promise((resolve) =>
        waiting.push({ payload, answer: (data) => resolve({ ok: true, data }) }),
      ),
  ),
}));

const { loadFeedback, setFilters, useSurveys } = await import('./store.js');

const response = (callId: string, agentId: string): SurveyResponse =>
  ({ callId, agentId, submittedAt: '2026-12-01T10:00:00.000Z' }) as SurveyResponse;

beforeEach(() => {
  waiting.length = 0;
  useSurveys.getState().reset();
});

describe('customer feedback', () => {
  it('ignores an answer that arrives after a newer request’s', async () => {
    void loadFeedback();
    setFilters({ period: { days: 30 } }); // asks again
    expect(waiting).toHaveLength(2);
    const [older, newer] = waiting;
    newer!.answer({ responses: [response('c-30', 'a1')] });
    await vi.waitFor(() => expect(useSurveys.getState().feedback.status).toBe('loaded'));
    older!.answer({ responses: [response('c-7', 'a1')] });
    await Promise.resolve();
    expect(useSurveys.getState().feedback.responses.map((r) => r.callId)).toEqual(['c-30']);
  });

  it('drops every answer still on its way when the store is reset (sign-out)', async () => {
    void loadFeedback();
    useSurveys.getState().reset();
    waiting[0]!.answer({ responses: [response('c-1', 'a1')] });
    await Promise.resolve();
    expect(useSurveys.getState().feedback).toEqual({ status: 'idle', responses: [], error: null });
  });
});
