import type { DisputeOutcome, EvaluationStatus } from '../protocol/qa.js';
import type { Answer } from './scoring.js';

// An evaluation's life (DOMAIN.md, "Release, acknowledgement, disputes"), pure:
//
//   draft -> submitted -> released -> acknowledged
//   submitted -> draft (reopened, while unreleased)
//   released -> disputed -> resolved -> acknowledged
//   resolved -> disputed (a re-scored version may be disputed again, within the window)
//   imported: read-only (it belongs to the QA tool it came from)
//
// Who: the evaluator drafts, submits and reopens their own; the evaluator or a quality manager
// (admin) releases; only the agent evaluated acknowledges or disputes, within `disputeUntil`
// and once per evaluation version; only the arbitrator (the plan's, else the original
// evaluator) resolves.

/**
 * The statuses of evaluations the agent sees and reflective sessions count: released ones, and
 * imports (released by the QA tool they came from). Never drafts, nor submitted unreleased ones.
 */
export const RELEASED_EVALUATION_STATUSES = [
  'released',
  'acknowledged',
  'disputed',
  'resolved',
  'imported',
] as const satisfies readonly EvaluationStatus[];

export type EvaluationAction =
  'save' | 'submit' | 'reopen' | 'release' | 'acknowledge' | 'dispute' | 'resolve';

/** Who the caller is for this evaluation (one person may be several: an admin evaluating). */
export interface EvaluationActor {
  /** The evaluation's evaluator (for a new one: the person starting it). */
  evaluator: boolean;
  admin: boolean;
  /** The agent evaluated. */
  agent: boolean;
  /** The arbitrator of the open dispute. */
  arbitrator: boolean;
}

export interface TransitionInput {
  /** null: no evaluation yet (a first save). */
  status: EvaluationStatus | null;
  action: EvaluationAction;
  who: EvaluationActor;
  /** Today in the team's time zone, YYYY-MM-DD. */
  today: string;
  /** The last day a dispute may be raised; null: none may be. */
  disputeUntil: string | null;
  /** The evaluation's version has been disputed already. */
  versionDisputed: boolean;
}

export type TransitionCheck =
  | { ok: true; to: EvaluationStatus }
  | { ok: false; code: 'forbidden' | 'conflict'; reason: string };

const refuse = (code: 'forbidden' | 'conflict', reason: string): TransitionCheck => ({
  ok: false,
  code,
  reason,
});

/** From which statuses each action goes, and where to. */
const MOVES: Record<
  EvaluationAction,
  Partial<Record<EvaluationStatus | 'new', EvaluationStatus>>
> = {
  save: { new: 'draft', draft: 'draft', submitted: 'draft' },
  submit: { new: 'submitted', draft: 'submitted' },
  reopen: { submitted: 'draft' },
  release: { submitted: 'released' },
  acknowledge: { released: 'acknowledged', resolved: 'acknowledged' },
  dispute: { released: 'disputed', resolved: 'disputed' },
  resolve: { disputed: 'resolved' },
};

const WHO: Record<EvaluationAction, (w: EvaluationActor) => boolean> = {
  save: (w) => w.evaluator,
  submit: (w) => w.evaluator,
  reopen: (w) => w.evaluator || w.admin,
  release: (w) => w.evaluator || w.admin,
  acknowledge: (w) => w.agent,
  dispute: (w) => w.agent,
  resolve: (w) => w.arbitrator,
};

const WHO_MESSAGE: Record<EvaluationAction, string> = {
  save: 'only its evaluator edits an evaluation',
  submit: 'only its evaluator submits an evaluation',
  reopen: 'only its evaluator or a quality manager reopens an evaluation',
  release: 'only its evaluator or a quality manager releases an evaluation',
  acknowledge: 'only the agent evaluated acknowledges an evaluation',
  dispute: 'only the agent evaluated disputes an evaluation',
  resolve: 'only the arbitrator of the dispute resolves it',
};

/** Why not, per status, in words for the person refused. */
const STATUS_MESSAGE: Record<EvaluationStatus, string> = {
  draft: 'the evaluation is a draft: it is submitted first',
  submitted: 'the evaluation is submitted and not released yet',
  released: 'the evaluation is released',
  acknowledged: 'the evaluation is acknowledged: it no longer changes',
  disputed: 'the evaluation is disputed: the arbitrator resolves it first',
  resolved: 'the dispute is resolved',
  imported: 'the evaluation was imported from a QA tool: it is read-only here',
};

/** Whether `who` may take `action` on an evaluation in `status` now, and where it goes. */
export function evaluationTransition(input: TransitionInput): TransitionCheck {
  const { status, action, who } = input;
  if (status === 'imported') return refuse('conflict', STATUS_MESSAGE.imported);
  const to = MOVES[action][status ?? 'new'];
  if (!WHO[action](who)) return refuse('forbidden', WHO_MESSAGE[action]);
  if (to === undefined)
    return refuse(
      'conflict',
      status === null
        ? 'there is no evaluation yet'
        : `${STATUS_MESSAGE[status]} (cannot ${action})`,
    );
  if (action === 'dispute') {
    if (input.disputeUntil === null)
      return refuse('conflict', 'this evaluation cannot be disputed (the plan allows no disputes)');
    if (input.today > input.disputeUntil)
      return refuse(
        'conflict',
        `the dispute window closed on ${input.disputeUntil}: it can no longer be disputed`,
      );
    if (input.versionDisputed)
      return refuse('conflict', 'this version of the evaluation has been disputed already');
  }
  return { ok: true, to };
}

/** A dispute's point as the agent raised it. */
export interface RaisedPoint {
  itemId: string | null;
  proposed: Answer | null;
}

/** The arbitrator's decision on one point. */
export interface PointDecision {
  accept: boolean;
  answer: Answer | null;
}

/** All points accepted: accepted; some: partly; none: rejected. */
export function disputeOutcome(
  decisions: readonly Pick<PointDecision, 'accept'>[],
): DisputeOutcome {
  const accepted = decisions.filter((d) => d.accept).length;
  return accepted === decisions.length ? 'accepted' : accepted === 0 ? 'rejected' : 'partly';
}

export type Resolution =
  | {
      ok: true;
      outcome: DisputeOutcome;
      /** The answers after the accepted points (the same object's content when none changed). */
      answers: Record<string, Answer>;
      /** Items whose answer changed: a new version is scored when there is any. */
      changed: string[];
      /** Each point's answer as resolved (null for a point on the whole evaluation). */
      points: { accepted: boolean; answer: Answer | null }[];
    }
  | { ok: false; reason: string };

/**
 * What a resolution does to the answers: an accepted item point takes the arbitrator's answer,
 * else the one the agent proposed; a point on the whole evaluation changes no answer; a point
 * not accepted keeps the answer as it was.
 */
export function resolveDispute(
  answers: Readonly<Record<string, Answer>>,
  raised: readonly RaisedPoint[],
  decisions: readonly PointDecision[],
): Resolution {
  if (decisions.length !== raised.length)
    return {
      ok: false,
      reason: `the dispute has ${raised.length} points: decide each one (${decisions.length} given)`,
    };
  const next: Record<string, Answer> = { ...answers };
  const points: { accepted: boolean; answer: Answer | null }[] = [];
  for (const [i, point] of raised.entries()) {
    const decision = decisions[i]!;
    if (point.itemId === null) {
      if (decision.answer !== null)
        return {
          ok: false,
          reason: `point ${i + 1} is on the whole evaluation: it takes no answer`,
        };
      points.push({ accepted: decision.accept, answer: null });
      continue;
    }
    if (!decision.accept) {
      points.push({ accepted: false, answer: answers[point.itemId] ?? null });
      continue;
    }
    const answer = decision.answer ?? point.proposed;
    if (answer === null)
      return {
        ok: false,
        reason: `point ${i + 1} (${point.itemId}) is accepted: give the answer it now has`,
      };
    next[point.itemId] = answer;
    points.push({ accepted: true, answer });
  }
  const changed = Object.keys(next).filter((id) => next[id] !== answers[id]);
  return { ok: true, outcome: disputeOutcome(decisions), answers: next, changed, points };
}
