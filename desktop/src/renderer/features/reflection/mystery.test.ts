import { describe, expect, it } from 'vitest';
import type { MysteryEvidence, StandardsPack } from '@sidecoach/shared';
import { scorecardItem } from '../qa/test-items.js';
import { mysteryCallLines } from './mystery.js';

// A mystery call in the reflective session, in the UI language: standards by name, ratings by
// their question, the score only for who may see numbers.

const pack: StandardsPack = {
  id: 'p',
  name: { en: 'Pack' },
  version: 1,
  callTypes: [{ id: 'booking', name: { en: 'Booking', lv: 'Rezervācija' } }],
  areas: [{ id: 'process', items: [scorecardItem('summary'), scorecardItem('tone')] }],
};

const call: MysteryEvidence['calls'][number] = {
  waveName: 'November',
  callId: 'c1',
  callType: 'booking',
  calledAt: '2026-11-10T18:40:00.000Z',
  score: 75,
  missed: [{ itemId: 'summary', comment: 'No reference number.' }],
  praised: [{ itemId: 'tone', comment: 'Warm and calm.' }],
  ratings: { welcome: 5, clear: 2 },
  ratingLabels: { welcome: { en: 'I felt welcome', lv: 'Mani sagaidīja laipni' } },
  impression: 'Friendly, unclear at the end.',
};

describe('a mystery call as evidence', () => {
  it('names the standards, the call type and the ratings in the UI language', () => {
    expect(mysteryCallLines(call, pack, 'lv', true)).toEqual({
      key: '2026-11-10T18:40:00.000Z:c1',
      calledAt: call.calledAt,
      callType: 'Rezervācija',
      waveName: 'November',
      score: 75,
      missed: [{ itemId: 'summary', name: 'Kritērijs summary', comment: 'No reference number.' }],
      praised: [{ itemId: 'tone', name: 'Kritērijs tone', comment: 'Warm and calm.' }],
      // A rating the hub sent no question for is named by its id.
      ratings: [
        { id: 'welcome', label: 'Mani sagaidīja laipni', value: 5 },
        { id: 'clear', label: 'clear', value: 2 },
      ],
      impression: 'Friendly, unclear at the end.',
    });
  });

  it('shows no score to who may not see numbers, nor when the hub sent none', () => {
    expect(mysteryCallLines(call, pack, 'en', false).score).toBeNull();
    // Under "behaviours, not scores" the hub leaves the score out of the agent's copy.
    const behavioursOnly = { ...call };
    delete behavioursOnly.score;
    expect(mysteryCallLines(behavioursOnly, pack, 'en', true).score).toBeNull();
    expect(mysteryCallLines({ ...call, score: null }, pack, 'en', true).score).toBeNull();
  });

  it('keeps an item id the pack no longer has', () => {
    const gone = { ...call, missed: [{ itemId: 'retired', comment: '' }] };
    expect(mysteryCallLines(gone, pack, 'en', true).missed).toEqual([
      { itemId: 'retired', name: 'retired', comment: '' },
    ]);
  });
});
