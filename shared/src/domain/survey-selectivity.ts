import {
  EXCLUSION_REASONS,
  SELF_ANSWER_REASONS,
  type ExclusionReason,
  type SelfAnswerReason,
  type SurveySkip,
} from './surveys.js';
import { csatMean, csatShare } from './kpi.js';

// The selective-surveying report: agents who keep surveys away from calls (by excluding them)
// stand out against their team. See DOMAIN.md, "Customer feedback".

/** One ended call and what became of its survey. */
export interface SurveyOutcome {
  agentId: string;
  /** Sent, or why not (see decideSurvey). */
  outcome: 'sent' | SurveySkip;
  exclusionReason?: ExclusionReason | null;
  /** The customer answered (sent surveys only). */
  responded?: boolean;
  /** CSAT 1-5 of the response, when answered. */
  csat?: number | null;
  /** The answer looks like staff gave it (why): counted apart, not as the customer's. */
  selfAnswer?: SelfAnswerReason | null;
}

export interface SelectivityFigures {
  calls: number;
  /** Calls the agent could have had surveyed: all but those with no survey or no address. */
  eligible: number;
  surveyed: number;
  /** surveyed / eligible. */
  surveyedShare: number;
  exclusions: number;
  /** exclusions / eligible. */
  exclusionRate: number;
  exclusionsByReason: Record<ExclusionReason, number>;
  responses: number;
  /** responses / surveyed. */
  responseRate: number;
  /** Responses per CSAT score, index 0 for 1 up to index 4 for 5. */
  csatDistribution: [number, number, number, number, number];
  /** CSAT: the share of 4 and 5 answers (csatShare); null when none. */
  csat: number | null;
  /** The mean of the 1-5 answers, the labelled second figure beside CSAT; null when none. */
  meanCsat: number | null;
  /** Answers set apart as looking like staff gave them: not in responses or CSAT. */
  selfAnswers: number;
  selfAnswersByReason: Record<SelfAnswerReason, number>;
}

export type SelectivityFlag = 'exclusion-rate' | 'surveyed-share';

export interface AgentSelectivity extends SelectivityFigures {
  agentId: string;
  /** What stands out against the rest of the team (with enough calls to tell). */
  flags: SelectivityFlag[];
}

export interface SelectivityReport {
  team: SelectivityFigures;
  agents: AgentSelectivity[];
}

/** Calls an agent needs before their rates are compared at all. */
export const MIN_CALLS_TO_FLAG = 30;
/** How many standard errors from the rest of the team count as standing out. */
const Z_LIMIT = 3;

const share = (part: number, whole: number) => (whole === 0 ? 0 : part / whole);

function figures(rows: readonly SurveyOutcome[]): SelectivityFigures {
  const byReason = Object.fromEntries(EXCLUSION_REASONS.map((r) => [r, 0])) as Record<
    ExclusionReason,
    number
  >;
  const bySelfAnswer = Object.fromEntries(SELF_ANSWER_REASONS.map((r) => [r, 0])) as Record<
    SelfAnswerReason,
    number
  >;
  const csat: [number, number, number, number, number] = [0, 0, 0, 0, 0];
  let selfAnswers = 0;
  let eligible = 0;
  let surveyed = 0;
  let exclusions = 0;
  let responses = 0;
  const answers: number[] = [];
  for (const row of rows) {
    if (row.outcome !== 'no-survey' && row.outcome !== 'no-address') eligible++;
    if (row.outcome === 'excluded') {
      exclusions++;
      if (row.exclusionReason) byReason[row.exclusionReason]++;
    }
    if (row.outcome !== 'sent') continue;
    surveyed++;
    if (!row.responded) continue;
    // The customer did not answer: someone else did. A self-answer counts neither as a
    // response nor in CSAT (it would lift both), and is shown apart.
    if (row.selfAnswer) {
      selfAnswers++;
      bySelfAnswer[row.selfAnswer]++;
      continue;
    }
    responses++;
    if (row.csat && row.csat >= 1 && row.csat <= 5) {
      csat[row.csat - 1]!++;
      answers.push(row.csat);
    }
  }
  return {
    calls: rows.length,
    eligible,
    surveyed,
    surveyedShare: share(surveyed, eligible),
    exclusions,
    exclusionRate: share(exclusions, eligible),
    exclusionsByReason: byReason,
    responses,
    responseRate: share(responses, surveyed),
    csatDistribution: csat,
    csat: csatShare(answers),
    meanCsat: csatMean(answers),
    selfAnswers,
    selfAnswersByReason: bySelfAnswer,
  };
}

/**
 * How far above the rest of the team an agent's rate is, in standard errors of a binomial
 * proportion at the rest's rate (with a floor, so a team that never excludes still compares).
 */
function zAbove(agentRate: number, restRate: number, n: number): number {
  const p = Math.min(Math.max(restRate, 0.01), 0.99);
  return (agentRate - restRate) / Math.sqrt((p * (1 - p)) / n);
}

/**
 * Per agent: share of eligible calls surveyed, exclusion rate by reason, response rate and score
 * distribution, each compared with the rest of the team. An agent with at least
 * MIN_CALLS_TO_FLAG eligible calls is flagged when they exclude far more (or have far fewer
 * calls surveyed) than everyone else: more than three standard errors, and at least twice the
 * rest's exclusion rate.
 */
export function selectivityReport(rows: readonly SurveyOutcome[]): SelectivityReport {
  const byAgent = new Map<string, SurveyOutcome[]>();
  for (const row of rows) byAgent.set(row.agentId, [...(byAgent.get(row.agentId) ?? []), row]);
  const agents: AgentSelectivity[] = [];
  for (const [agentId, own] of byAgent) {
    const mine = figures(own);
    const rest = figures(rows.filter((r) => r.agentId !== agentId));
    const flags: SelectivityFlag[] = [];
    if (mine.eligible >= MIN_CALLS_TO_FLAG && rest.eligible > 0) {
      if (
        zAbove(mine.exclusionRate, rest.exclusionRate, mine.eligible) > Z_LIMIT &&
        mine.exclusionRate >= 2 * rest.exclusionRate
      )
        flags.push('exclusion-rate');
      if (zAbove(1 - mine.surveyedShare, 1 - rest.surveyedShare, mine.eligible) > Z_LIMIT)
        flags.push('surveyed-share');
    }
    agents.push({ agentId, ...mine, flags });
  }
  agents.sort((a, b) => b.flags.length - a.flags.length || b.exclusionRate - a.exclusionRate);
  return { team: figures(rows), agents };
}
