import {
  PhoneSchema,
  type AdminTeam,
  type StandardsPack,
  type Wave,
  type WaveSave,
} from '@sidecoach/shared';
import { typedNumber } from './programme-form.js';

// The wave form's state (what the quality manager typed: numbers as text, shares in percent)
// and the wave the hub is sent (to save it, or only to preview its sampling plan), or every
// problem of the form. Pure, tested without a browser; the hub checks it all again.

export interface ScenarioDraft {
  id: string;
  callType: string;
  title: string;
  brief: string;
  answers: string;
  tests: string;
}

/** One share of the customer base a dimension of the profile mix asks for. */
export interface MixRow {
  key: string;
  percent: string;
}

export const MIX_DIMENSIONS = ['region', 'ageBand', 'language'] as const;
export type MixDimension = (typeof MIX_DIMENSIONS)[number];

export const CONFIDENCES = [0.9, 0.95, 0.99] as const;
export type Confidence = (typeof CONFIDENCES)[number];

export interface WaveDraft {
  name: string;
  from: string;
  to: string;
  teamIds: string[];
  /** The number callers dial for each team (kept for teams taken out, in case they come back). */
  numbers: Record<string, string>;
  calls: string;
  scenarios: ScenarioDraft[];
  perTeamMax: string;
  perAgentMax: string;
  callerGapDays: string;
  mix: Record<MixDimension, MixRow[]>;
  confidence: Confidence;
  /** The margin in percent points (5 for ±5 %). */
  margin: string;
}

export type WaveProblem =
  | {
      field:
        | 'name'
        | 'dates'
        | 'teams'
        | 'calls'
        | 'scenarios'
        | 'perTeamMax'
        | 'perAgentMax'
        | 'gap'
        | 'margin';
    }
  | { field: 'number'; teamId: string }
  | { field: 'scenarioTitle' | 'scenarioBrief' | 'scenarioCallType'; index: number }
  /** A dimension's shares: a row without a name or share, a name twice, or not 100 % in all. */
  | { field: 'mixRow' | 'mixDuplicate'; dimension: MixDimension; index: number }
  | { field: 'mixTotal'; dimension: MixDimension; total: number };

const DAY = /^\d{4}-\d{2}-\d{2}$/u;
/** How far from 100 % the shares may add up (rounding as typed: 33.3 + 33.3 + 33.3). */
const TOTAL_SLACK = 0.5;

const addDays = (day: string, n: number) => {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d + n)).toISOString().slice(0, 10);
};

/** The next scenario id of a wave ("s1", "s2"…: ids are never shown). */
export function nextScenarioId(scenarios: readonly { id: string }[]): string {
  const used = new Set(scenarios.map((s) => s.id));
  let n = scenarios.length + 1;
  while (used.has(`s${n}`)) n++;
  return `s${n}`;
}

export const newScenario = (
  scenarios: readonly { id: string }[],
  pack: StandardsPack | null,
): ScenarioDraft => ({
  id: nextScenarioId(scenarios),
  callType: pack?.callTypes[0]?.id ?? '',
  title: '',
  brief: '',
  answers: '',
  tests: '',
});

const mixRows = (mix: Record<string, number> | undefined): MixRow[] =>
  Object.entries(mix ?? {}).map(([key, share]) => ({
    key,
    percent: String(Math.round(share * 1000) / 10),
  }));

/**
 * A new wave: four weeks from `today`, every team (each with the number the latest wave called
 * it on), one scenario to write, 40 calls, limits that keep one team or agent from being
 * over-called, the common 30-day gap, 95 % confidence and ±5 %.
 */
export function newWaveDraft(
  teams: readonly AdminTeam[],
  pack: StandardsPack | null,
  today: string,
  latest: Wave | null,
): WaveDraft {
  return {
    name: '',
    from: today,
    to: addDays(today, 27),
    teamIds: teams.map((t) => t.id),
    numbers: { ...(latest?.numbers ?? {}) },
    calls: '40',
    scenarios: [newScenario([], pack)],
    perTeamMax: '20',
    perAgentMax: '2',
    callerGapDays: '30',
    mix: { region: [], ageBand: [], language: [] },
    confidence: 0.95,
    margin: '5',
  };
}

export function draftOfWave(wave: Wave): WaveDraft {
  return {
    name: wave.name,
    from: wave.from,
    to: wave.to,
    teamIds: wave.teamIds,
    numbers: { ...wave.numbers },
    calls: String(wave.calls),
    scenarios: wave.scenarios.map((s) => ({ ...s })),
    perTeamMax: String(wave.perTeamMax),
    perAgentMax: String(wave.perAgentMax),
    callerGapDays: String(wave.callerGapDays),
    mix: {
      region: mixRows(wave.profileMix.region),
      ageBand: mixRows(wave.profileMix.ageBand),
      language: mixRows(wave.profileMix.language),
    },
    confidence: CONFIDENCES.find((c) => c === wave.confidence) ?? 0.95,
    margin: String(Math.round(wave.margin * 1000) / 10),
  };
}

const whole = (text: string) => (/^\d+$/u.test(text.trim()) ? Number(text) : NaN);

/** The teams of the centre that the wave leaves out (results compare within a wave). */
export const teamsLeftOut = (draft: Pick<WaveDraft, 'teamIds'>, teams: readonly AdminTeam[]) =>
  teams.filter((t) => !draft.teamIds.includes(t.id));

/** What the shares of a dimension add up to, in percent (rows without a share left out). */
export function mixTotal(rows: readonly MixRow[]): number {
  const total = rows.reduce((sum, r) => sum + (typedNumber(r.percent) || 0), 0);
  return Math.round(total * 10) / 10;
}

export function waveProblems(draft: WaveDraft): WaveProblem[] {
  const problems: WaveProblem[] = [];
  if (draft.name.trim() === '') problems.push({ field: 'name' });
  if (!DAY.test(draft.from) || !DAY.test(draft.to) || draft.from > draft.to)
    problems.push({ field: 'dates' });
  if (draft.teamIds.length === 0) problems.push({ field: 'teams' });
  for (const teamId of draft.teamIds)
    if (!PhoneSchema.safeParse(draft.numbers[teamId] ?? '').success)
      problems.push({ field: 'number', teamId });
  const calls = whole(draft.calls);
  if (!(calls >= 1 && calls <= 10_000)) problems.push({ field: 'calls' });
  if (draft.scenarios.length === 0) problems.push({ field: 'scenarios' });
  draft.scenarios.forEach((s, index) => {
    if (s.title.trim() === '') problems.push({ field: 'scenarioTitle', index });
    if (s.brief.trim() === '') problems.push({ field: 'scenarioBrief', index });
    if (s.callType === '') problems.push({ field: 'scenarioCallType', index });
  });
  const perTeam = whole(draft.perTeamMax);
  if (!(perTeam >= 1 && perTeam <= 10_000)) problems.push({ field: 'perTeamMax' });
  const perAgent = whole(draft.perAgentMax);
  if (!(perAgent >= 1 && perAgent <= 100)) problems.push({ field: 'perAgentMax' });
  const gap = whole(draft.callerGapDays);
  if (!(gap >= 0 && gap <= 365)) problems.push({ field: 'gap' });
  for (const dimension of Object.keys(draft.mix) as MixDimension[]) {
    const rows = draft.mix[dimension];
    if (rows.length === 0) continue;
    const keys = rows.map((r) => r.key.trim());
    let rowsOk = true;
    rows.forEach((r, index) => {
      const share = typedNumber(r.percent);
      if (keys[index] === '' || !(share >= 0 && share <= 100)) {
        rowsOk = false;
        problems.push({ field: 'mixRow', dimension, index });
      } else if (keys.indexOf(keys[index]!) !== index) {
        rowsOk = false;
        problems.push({ field: 'mixDuplicate', dimension, index });
      }
    });
    const total = mixTotal(rows);
    if (rowsOk && Math.abs(total - 100) > TOTAL_SLACK)
      problems.push({ field: 'mixTotal', dimension, total });
  }
  const margin = typedNumber(draft.margin);
  if (!(margin >= 1 && margin <= 50)) problems.push({ field: 'margin' });
  return problems;
}

/** Shares as the hub takes them (0-1, adding up to exactly 1 after the typed rounding). */
function shares(rows: readonly MixRow[]): Record<string, number> {
  const total = mixTotal(rows);
  return Object.fromEntries(
    rows.map((r) => [r.key.trim(), Math.round((typedNumber(r.percent) / total) * 10_000) / 10_000]),
  );
}

/** The wave as the hub takes it (to save, or to preview its plan), or what is wrong with it. */
export function waveFromDraft(
  id: string,
  programmeId: string,
  draft: WaveDraft,
): { payload: WaveSave } | { problems: WaveProblem[] } {
  const problems = waveProblems(draft);
  if (problems.length > 0) return { problems };
  const profileMix: WaveSave['profileMix'] = {};
  for (const dimension of Object.keys(draft.mix) as MixDimension[])
    if (draft.mix[dimension].length > 0) profileMix[dimension] = shares(draft.mix[dimension]);
  return {
    payload: {
      id,
      programmeId,
      name: draft.name.trim(),
      from: draft.from,
      to: draft.to,
      teamIds: draft.teamIds,
      numbers: Object.fromEntries(draft.teamIds.map((t) => [t, draft.numbers[t]!.trim()])),
      calls: whole(draft.calls),
      scenarios: draft.scenarios.map((s) => ({
        id: s.id,
        callType: s.callType,
        title: s.title.trim(),
        brief: s.brief.trim(),
        answers: s.answers.trim(),
        tests: s.tests.trim(),
      })),
      perTeamMax: whole(draft.perTeamMax),
      perAgentMax: whole(draft.perAgentMax),
      callerGapDays: whole(draft.callerGapDays),
      profileMix,
      confidence: draft.confidence,
      margin: Math.round(typedNumber(draft.margin) * 10) / 1000,
    },
  };
}
