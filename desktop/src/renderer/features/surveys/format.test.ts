import { describe, expect, it } from 'vitest';
import type { SurveyResponse } from '@sidecoach/shared';
import { csatOf, percent, summarize } from './format.js';

const answer = (
  agentId: string,
  csat: number | null,
  more: Partial<SurveyResponse> = {},
): SurveyResponse => ({
  callId: `c-${agentId}-${csat}-${Math.random()}`,
  agentId,
  agentName: agentId,
  callType: 'booking',
  surveyId: 'service',
  channel: 'email',
  csat,
  resolved: null,
  effort: null,
  comment: null,
  lang: 'en',
  submittedAt: '2026-12-01T10:00:00.000Z',
  alert: csat !== null && csat <= 2,
  selfAnswer: null,
  ...more,
});

describe('one CSAT in the feedback views', () => {
  it('CSAT is the share of 4 and 5 answers, the mean rating the second figure', () => {
    const answers = [5, 4, 4, 3, 5, 2, 1, 5].map((c) => answer('ava', c));
    expect(csatOf(answers)).toEqual({ csat: 0.625, meanCsat: 3.625 });
    expect(percent(csatOf(answers).csat, 'en')).toBe('63%');
  });

  it('leaves out answers set apart as staff’s and answers with no score', () => {
    const answers = [
      answer('ava', 2),
      answer('ava', 5, { selfAnswer: 'agent-address' }),
      answer('ava', null),
    ];
    expect(csatOf(answers)).toEqual({ csat: 0, meanCsat: 2 });
    expect(csatOf([answer('ava', null)])).toEqual({ csat: null, meanCsat: null });
  });

  it('summarises per key, most answers first, each with its CSAT and mean', () => {
    const rows = summarize(
      [answer('ava', 5), answer('ava', 2), answer('ben', 1), answer('ava', 4)],
      (r) => r.agentId,
    );
    expect(rows).toEqual([
      { key: 'ava', count: 3, csat: 2 / 3, meanCsat: 11 / 3 },
      { key: 'ben', count: 1, csat: 0, meanCsat: 1 },
    ]);
  });
});
