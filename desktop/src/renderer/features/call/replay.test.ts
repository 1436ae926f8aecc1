import { describe, expect, it } from 'vitest';
import {
  parseStandardsPackYaml,
  scoreScorecard,
  scorecardItemsFor,
  type CallRecord,
} from '@sidecoach/shared';
import { callIdsOf, replay, upsert, type CallWrite } from './replay.js';

import defaultPack from '../../../../../assets/standards/default.yaml?raw';

const pack = parseStandardsPackYaml(defaultPack);
const callType = pack.callTypes[0]!.id;
const items = scorecardItemsFor(pack, callType);
const iso = (minute: number) => `2026-12-01T10:${String(minute).padStart(2, '0')}:00.000Z`;
const start = (id: string, at: string): CallWrite => ({
  event: 'call:start',
  payload: { id, callType, startedAt: at },
});

describe('the agent’s calls with unsent writes replayed over the hub’s records', () => {
  it('shows a call started, ticked, ended and assessed offline as the hub would', () => {
    const writes: CallWrite[] = [
      start('c1', '2026-12-01T10:00:00.000Z'),
      {
        event: 'call:tick',
        payload: {
          callId: 'c1',
          itemId: items[0]!.id,
          checked: true,
          at: '2026-12-01T10:01:00.000Z',
        },
      },
      { event: 'call:end', payload: { callId: 'c1', endedAt: '2026-12-01T10:05:00.000Z' } },
      {
        event: 'assessment:submit',
        payload: {
          id: 'a1',
          callId: 'c1',
          status: 'submitted',
          answers: Object.fromEntries(items.map((i) => [i.id, 'yes' as const])),
          at: '2026-12-01T10:06:00.000Z',
        },
      },
    ];
    const [call] = replay([], writes, 'agent-1', pack);
    expect(call).toMatchObject({
      id: 'c1',
      agentId: 'agent-1',
      ticked: [items[0]!.id],
      endedAt: '2026-12-01T10:05:00.000Z',
      durationMs: 300_000,
      assessment: { status: 'submitted', score: { percent: 100 } },
    });
    expect(callIdsOf(writes)).toEqual(new Set(['c1']));
  });

  it('assesses a call against the version it started with, not one published since', () => {
    const newer = structuredClone(pack);
    newer.version = pack.version + 1;
    // Version 2 weighs the first item ten times the others: another score for the same answers.
    newer.areas.forEach((a) => a.items.forEach((i, n) => (i.weight = n === 0 ? 10 : 1)));
    const answers = Object.fromEntries(
      items.map((i, n) => [i.id, n === 0 ? ('no' as const) : ('yes' as const)]),
    );
    const writes: CallWrite[] = [
      start('c1', '2026-12-01T10:00:00.000Z'),
      { event: 'call:end', payload: { callId: 'c1', endedAt: '2026-12-01T10:05:00.000Z' } },
      {
        event: 'assessment:submit',
        payload: { id: 'a1', callId: 'c1', status: 'submitted', answers, at: iso(6) },
      },
    ];
    // Started under version 1 (then the active pack); version 2 is active when it is assessed.
    const [started] = replay([], writes.slice(0, 2), 'agent-1', pack);
    const byVersion = (c: Pick<CallRecord, 'packVersion'>) =>
      c.packVersion === pack.version ? pack : undefined;
    const [call] = replay([started!], writes.slice(2), 'agent-1', newer, byVersion);
    expect(call!.packVersion).toBe(pack.version);
    const expected = scoreScorecard(pack, callType, answers).percent;
    expect(call!.assessment?.score?.percent).toBe(expected);
    expect(expected).not.toBe(scoreScorecard(newer, callType, answers).percent);
  });

  it('applies a write once: a start the hub already has, a second end, a second assessment', () => {
    const server = replay([], [start('c1', '2026-12-01T10:00:00.000Z')], 'a', pack);
    const writes: CallWrite[] = [
      start('c1', '2026-12-01T10:00:00.000Z'),
      { event: 'call:end', payload: { callId: 'c1', endedAt: '2026-12-01T10:02:00.000Z' } },
      { event: 'call:end', payload: { callId: 'c1', endedAt: '2026-12-01T10:09:00.000Z' } },
    ];
    const calls = replay(server, writes, 'a', pack);
    expect(calls).toHaveLength(1);
    expect(calls[0]!.endedAt).toBe('2026-12-01T10:02:00.000Z');
  });

  it('keeps the newest twenty, newest first, and puts a pushed record in place of its copy', () => {
    const writes = Array.from({ length: 25 }, (_, i) =>
      start(`c${i}`, `2026-12-01T10:${String(i).padStart(2, '0')}:00.000Z`),
    );
    const calls = replay([], writes, 'a', pack);
    expect(calls).toHaveLength(20);
    expect(calls[0]!.id).toBe('c24');
    const pushed: CallRecord = { ...calls[3]!, ticked: ['x'] };
    const next = upsert(calls, pushed);
    expect(next.filter((c) => c.id === pushed.id)).toEqual([pushed]);
    expect(next.map((c) => c.id)).toEqual(calls.map((c) => c.id));
  });
});
