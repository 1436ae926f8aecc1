import { beforeEach, describe, expect, it } from 'vitest';
import type { ObservationRecord, Receipt } from '@sidecoach/shared';
import { useNotes } from './store.js';

const observation = (id: string, at: string) =>
  ({ id, at, releasedAt: null, deliveredAt: null, readAt: null }) as unknown as ObservationRecord;
const receipt = (observationId: string, patch: Partial<Receipt>): Receipt => ({
  observationId,
  agentId: 'agent-1',
  releasedAt: null,
  deliveredAt: null,
  readAt: null,
  ...patch,
});

beforeEach(() => useNotes.getState().reset());

describe('coaching notes merged from the inbox, answers and pushes', () => {
  it('keeps a receipt that arrived before its observation and applies it when it comes', () => {
    const notes = useNotes.getState();
    notes.received({ seq: 1, kind: 'receipt', receipt: receipt('o1', { deliveredAt: 'T1' }) });
    notes.received({ seq: 2, kind: 'observation', observation: observation('o1', 'T0') });
    expect(useNotes.getState().observations[0]).toMatchObject({ id: 'o1', deliveredAt: 'T1' });
    expect(useNotes.getState().receipts).toEqual({});
  });

  it('never lets an older copy of an observation erase a receipt time', () => {
    const notes = useNotes.getState();
    notes.addObservations([observation('o1', 'T0')]);
    notes.received({ seq: 1, kind: 'receipt', receipt: receipt('o1', { readAt: 'T2' }) });
    notes.addObservations([observation('o1', 'T0')]); // the join's list, read before the receipt
    expect(useNotes.getState().observations).toEqual([
      expect.objectContaining({ id: 'o1', readAt: 'T2' }),
    ]);
  });

  it('keeps one copy per id, oldest first', () => {
    const notes = useNotes.getState();
    notes.addObservations([observation('o2', 'T2'), observation('o1', 'T1')]);
    notes.addObservations([observation('o2', 'T2')]);
    expect(useNotes.getState().observations.map((o) => o.id)).toEqual(['o1', 'o2']);
  });
});
