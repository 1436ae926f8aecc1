import { describe, expect, it } from 'vitest';
import { EVALUATION_STATUSES, type EvaluationStatus } from '../protocol/qa.js';
import {
  disputeOutcome,
  evaluationTransition,
  resolveDispute,
  type EvaluationAction,
  type EvaluationActor,
  type TransitionInput,
} from './qa-disputes.js';

const nobody: EvaluationActor = { evaluator: false, admin: false, agent: false, arbitrator: false };
const as = (who: keyof EvaluationActor): EvaluationActor => ({ ...nobody, [who]: true });

const check = (
  status: EvaluationStatus | null,
  action: EvaluationAction,
  who: EvaluationActor,
  over: Partial<TransitionInput> = {},
) =>
  evaluationTransition({
    status,
    action,
    who,
    today: '2026-03-10',
    disputeUntil: '2026-03-12',
    versionDisputed: false,
    ...over,
  });

/** Every move the machine allows, with who makes it: the rest are refused. */
const ALLOWED: [
  EvaluationStatus | null,
  EvaluationAction,
  keyof EvaluationActor,
  EvaluationStatus,
][] = [
  [null, 'save', 'evaluator', 'draft'],
  [null, 'submit', 'evaluator', 'submitted'],
  ['draft', 'save', 'evaluator', 'draft'],
  ['draft', 'submit', 'evaluator', 'submitted'],
  ['submitted', 'save', 'evaluator', 'draft'],
  ['submitted', 'reopen', 'evaluator', 'draft'],
  ['submitted', 'reopen', 'admin', 'draft'],
  ['submitted', 'release', 'evaluator', 'released'],
  ['submitted', 'release', 'admin', 'released'],
  ['released', 'acknowledge', 'agent', 'acknowledged'],
  ['released', 'dispute', 'agent', 'disputed'],
  ['disputed', 'resolve', 'arbitrator', 'resolved'],
  ['resolved', 'acknowledge', 'agent', 'acknowledged'],
  ['resolved', 'dispute', 'agent', 'disputed'],
];

const ACTIONS: EvaluationAction[] = [
  'save',
  'submit',
  'reopen',
  'release',
  'acknowledge',
  'dispute',
  'resolve',
];
const WHO: (keyof EvaluationActor)[] = ['evaluator', 'admin', 'agent', 'arbitrator'];

describe('the evaluation state machine', () => {
  it('allows exactly the listed moves, each to the listed status', () => {
    for (const status of [null, ...EVALUATION_STATUSES])
      for (const action of ACTIONS)
        for (const who of WHO) {
          const allowed = ALLOWED.find(([s, a, w]) => s === status && a === action && w === who);
          const result = check(status, action, as(who));
          expect(result, `${who} ${action} on ${status}`).toEqual(
            allowed ? { ok: true, to: allowed[3] } : expect.objectContaining({ ok: false }),
          );
        }
  });

  it('says who may, before what the status allows', () => {
    const refused: [EvaluationStatus, EvaluationAction, keyof EvaluationActor, string, string][] = [
      [
        'submitted',
        'release',
        'agent',
        'forbidden',
        'only its evaluator or a quality manager releases an evaluation',
      ],
      [
        'released',
        'dispute',
        'evaluator',
        'forbidden',
        'only the agent evaluated disputes an evaluation',
      ],
      [
        'disputed',
        'resolve',
        'admin',
        'forbidden',
        'only the arbitrator of the dispute resolves it',
      ],
      ['draft', 'save', 'admin', 'forbidden', 'only its evaluator edits an evaluation'],
      ['released', 'save', 'evaluator', 'conflict', 'the evaluation is released (cannot save)'],
      [
        'draft',
        'release',
        'evaluator',
        'conflict',
        'the evaluation is a draft: it is submitted first (cannot release)',
      ],
      [
        'acknowledged',
        'dispute',
        'agent',
        'conflict',
        'the evaluation is acknowledged: it no longer changes (cannot dispute)',
      ],
    ];
    for (const [status, action, who, code, reason] of refused)
      expect(check(status, action, as(who)), `${who} ${action} on ${status}`).toEqual({
        ok: false,
        code,
        reason,
      });
    expect(check('released', 'reopen', as('admin'))).toMatchObject({ code: 'conflict' });
  });

  it('keeps imported evaluations read-only for everyone', () => {
    for (const action of ACTIONS)
      expect(
        check('imported', action, {
          ...nobody,
          evaluator: true,
          admin: true,
          agent: true,
          arbitrator: true,
        }),
      ).toEqual({
        ok: false,
        code: 'conflict',
        reason: 'the evaluation was imported from a QA tool: it is read-only here',
      });
  });

  it('takes a dispute only within the window and once per version', () => {
    const agent = as('agent');
    expect(check('released', 'dispute', agent, { today: '2026-03-12' })).toEqual({
      ok: true,
      to: 'disputed',
    });
    expect(check('released', 'dispute', agent, { today: '2026-03-13' })).toEqual({
      ok: false,
      code: 'conflict',
      reason: 'the dispute window closed on 2026-03-12: it can no longer be disputed',
    });
    expect(check('released', 'dispute', agent, { disputeUntil: null })).toMatchObject({
      code: 'conflict',
      reason: 'this evaluation cannot be disputed (the plan allows no disputes)',
    });
    expect(check('resolved', 'dispute', agent, { versionDisputed: true })).toMatchObject({
      code: 'conflict',
      reason: 'this version of the evaluation has been disputed already',
    });
    // The window and the version do not matter to acknowledging.
    expect(
      check('resolved', 'acknowledge', agent, { today: '2026-04-01', versionDisputed: true }),
    ).toEqual({ ok: true, to: 'acknowledged' });
  });
});

describe('resolving a dispute', () => {
  const answers = { greet: 'no', close: 'no', tone: 'yes' } as const;
  const raised = [
    { itemId: 'greet', proposed: 'yes' as const },
    { itemId: 'close', proposed: 'na' as const },
    { itemId: null, proposed: null },
  ];

  it('names the outcome: all accepted, some, or none', () => {
    expect(disputeOutcome([{ accept: true }, { accept: true }])).toBe('accepted');
    expect(disputeOutcome([{ accept: true }, { accept: false }])).toBe('partly');
    expect(disputeOutcome([{ accept: false }])).toBe('rejected');
  });

  it('changes the answers of accepted item points only', () => {
    const all = resolveDispute(answers, raised, [
      { accept: true, answer: null },
      { accept: true, answer: 'yes' },
      { accept: true, answer: null },
    ]);
    expect(all).toEqual({
      ok: true,
      outcome: 'accepted',
      answers: { greet: 'yes', close: 'yes', tone: 'yes' },
      changed: ['greet', 'close'],
      points: [
        { accepted: true, answer: 'yes' },
        { accepted: true, answer: 'yes' },
        { accepted: true, answer: null },
      ],
    });
    const partly = resolveDispute(answers, raised, [
      { accept: true, answer: null },
      { accept: false, answer: null },
      { accept: false, answer: null },
    ]);
    expect(partly).toMatchObject({
      outcome: 'partly',
      answers: { greet: 'yes', close: 'no', tone: 'yes' },
      changed: ['greet'],
      points: [
        { accepted: true, answer: 'yes' },
        { accepted: false, answer: 'no' },
        { accepted: false, answer: null },
      ],
    });
    const rejected = resolveDispute(
      answers,
      raised,
      raised.map(() => ({ accept: false, answer: null })),
    );
    expect(rejected).toMatchObject({ outcome: 'rejected', answers, changed: [] });
    // Accepting only the point on the whole evaluation changes no answer.
    expect(
      resolveDispute(answers, raised, [
        { accept: false, answer: null },
        { accept: false, answer: null },
        { accept: true, answer: null },
      ]),
    ).toMatchObject({ outcome: 'partly', changed: [] });
  });

  it('refuses decisions that do not fit the dispute', () => {
    expect(resolveDispute(answers, raised, [{ accept: true, answer: null }])).toEqual({
      ok: false,
      reason: 'the dispute has 3 points: decide each one (1 given)',
    });
    expect(
      resolveDispute(
        answers,
        [{ itemId: 'greet', proposed: null }],
        [{ accept: true, answer: null }],
      ),
    ).toEqual({ ok: false, reason: 'point 1 (greet) is accepted: give the answer it now has' });
    expect(
      resolveDispute(
        answers,
        [{ itemId: null, proposed: null }],
        [{ accept: true, answer: 'yes' }],
      ),
    ).toEqual({ ok: false, reason: 'point 1 is on the whole evaluation: it takes no answer' });
  });
});
