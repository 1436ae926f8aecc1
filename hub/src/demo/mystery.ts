import { randomUUID } from 'node:crypto';
import {
  addDays,
  dayPartOf,
  isWeekend,
  localDate,
  phoneKey,
  sampleSize,
  scorecardItemsFor,
  scoreScorecard,
  startOfLocalDate,
  type Answer,
  type CallerProfile,
  type PlanWarning,
  type Quota,
  type Rating,
  type Scenario,
  type StandardsPack,
  type WavePlan,
} from '@sidecoach/shared';
import type { Trx } from '../lib/jobs.js';
import { demoCallStart, demoHoursOf, type DemoHours } from './call-times.js';

// The demo's mystery-call programme, so the quality manager's results page, the callers' board
// and Ava's reflective session have something to show: "Booking line" (training needs) on the
// English floor (Demo team and Night shift), called by Mia Mystery and Ruth Ring (seed.ts).
// Last month's wave is closed and released: six approved reports, two on Ava's own calls (her
// summary missed again, her warm tone praised, as her supervisor and QA saw them), one where
// Chen changed a booking without checking who was calling (a critical fail), and Dev's near
// perfect night calls to recognise. This month's wave is live: open assignments on the board,
// one claimed by Mia, and Ruth's report on Ben's call waiting for review. Every mystery call is
// a call of the agent's; the callers' numbers were never sent a survey. Days are relative to
// today, calls in the floors' business hours (call-times.ts); content is fixed.

const MIA = 'caller';
const RUTH = 'caller2';
const QUALITY = 'quality';
/** The number callers dial for each team (its queue), as the wave lists them. */
const NUMBERS: Record<string, string> = {
  'team-demo': '+44 20 7946 0100',
  'team-night': '+44 20 7946 0200',
};
const TEAMS = Object.keys(NUMBERS);
/** The Taipei and Rīga desks are not called (the programme is for the English line). */
const LEFT_OUT: PlanWarning = {
  code: 'teams-left-out',
  params: { left: 2, total: 4 },
  text: "2 of the centre's 4 teams are not in this wave: results compare only within one wave.",
};

const RATINGS: Rating[] = [
  {
    id: 'welcome',
    label: {
      en: 'I felt welcome',
      'zh-CN': '我感到受欢迎',
      'zh-TW': '我覺得受到歡迎',
      lv: 'Mani sagaidīja laipni',
    },
  },
  {
    id: 'clear',
    label: {
      en: 'I knew what happens next',
      'zh-CN': '我清楚接下来会怎样',
      'zh-TW': '我清楚接下來會怎麼處理',
      lv: 'Es zināju, kas notiks tālāk',
    },
  },
  {
    id: 'trust',
    label: {
      en: 'I trust the booking is right',
      'zh-CN': '我相信预订没有问题',
      'zh-TW': '我相信預約沒有問題',
      lv: 'Varu paļauties, ka rezervācija ir pareiza',
    },
  },
];

const DEFINITIONS: Record<string, string> = {
  'beh-tone':
    'Warm means the agent sounds glad to help: greets you, uses your name, thanks you; calm means no rushing or talking over you. Polite but flat is a "no".',
  'proc-summarise':
    'Yes only when, before the goodbye, the agent repeats the dates, the price and the reference number. One of them alone is a "no".',
  'proc-verify-identity':
    'Yes when the agent asks for your name and the booking reference (or postcode) before changing or reading out anything.',
};

const SCENARIOS: Scenario[] = [
  {
    id: 'change-dates',
    callType: 'booking',
    title: 'Move a booking by a week',
    brief:
      'You booked two nights from the 14th under the name Taylor and want the 21st instead. Polite, a little in a hurry.',
    answers:
      'Reference: you have it in an email but cannot find it; give your name and postcode SW1A 1AA. Phone: the number you call from.',
    tests:
      'The identity check before any change; the new dates, price and reference recapped before the goodbye; a warm tone.',
  },
  {
    id: 'first-booking',
    callType: 'booking',
    title: 'A first booking for two',
    brief:
      'You want a double room for two nights next month and ask whether breakfast is included.',
    answers: 'Dates: any weekend next month. Budget: up to £150 a night. Name: Morgan.',
    tests:
      'Questions about your needs before an offer; what the price includes; next steps and the reference summarised.',
  },
];

/** What a caller found on one call: "no" items with why, "yes" items they praised. */
interface Finding {
  missed: Record<string, string>;
  praised: Record<string, string>;
  ratings: Record<string, number>;
  impression: string;
  agentNameHeard: string;
}

type DemoCaller = typeof MIA | typeof RUTH;

interface PastCall {
  /** Whose call: a username, or Ava's existing call of that many days ago (history.ts). */
  agent: string;
  team: string;
  caller: DemoCaller;
  daysAgo: number;
  scenario: string;
  grade: number;
  finding: Finding;
}

/**
 * A reported call from one row: whose it was (agent, team), who called, how many days ago, the
 * scenario, the grade, the agent's name as heard, the ratings (welcome, clear, trust), what was
 * missed and praised (item: why), the caller's impression.
 */
const reported = (
  [agent, team, caller, daysAgo, scenario, grade]: [
    string,
    string,
    DemoCaller,
    number,
    string,
    number,
  ],
  agentNameHeard: string,
  [welcome, clear, trust]: [number, number, number],
  missed: Record<string, string>,
  praised: Record<string, string>,
  impression: string,
): PastCall => ({
  agent,
  team,
  caller,
  daysAgo,
  scenario,
  grade,
  finding: { missed, praised, ratings: { welcome, clear, trust }, impression, agentNameHeard },
});

const LAST_WAVE: PastCall[] = [
  reported(
    ['agent2', 'team-demo', MIA, 22, 'first-booking', 4],
    'Ben',
    [4, 4, 4],
    { 'beh-questioning': 'Went straight to prices without asking what the stay was for.' },
    { 'proc-greeting': 'Gave his name and the hotel’s straight away.' },
    'Efficient and clear; a little quick to sell.',
  ),
  reported(
    ['agent3', 'team-demo', RUTH, 20, 'change-dates', 5],
    'Chen',
    [4, 4, 2],
    { 'proc-verify-identity': 'Moved my booking without asking my name or the reference.' },
    { 'val-ownership': 'Sorted it himself instead of passing me on.' },
    'Friendly and quick, but anyone could have changed my booking.',
  ),
  reported(
    ['agent4', 'team-night', MIA, 16, 'change-dates', 5],
    'Dev',
    [5, 5, 5],
    {},
    {
      'proc-summarise': 'Repeated the dates, the price and the reference before the goodbye.',
      'beh-listening': 'Let me finish and checked he had understood.',
    },
    'The best call of the wave: I knew exactly where I stood.',
  ),
  reported(
    ['agent1', 'team-demo', MIA, 14, 'change-dates', 5],
    'Ava',
    [5, 2, 3],
    {
      'proc-summarise':
        'Changed the dates but did not repeat them, nor the price or a reference, before saying goodbye.',
    },
    { 'beh-tone': 'Warm and patient; she used my name twice.' },
    'Lovely to talk to. After hanging up I was not sure the booking had really changed.',
  ),
  reported(
    ['agent1', 'team-demo', RUTH, 12, 'first-booking', 4],
    'Ava',
    [5, 3, 3],
    { 'proc-summarise': 'No recap at the end: I had to ask for the reference number.' },
    { 'beh-tone': 'Calm and friendly, never rushed me.' },
    'Pleasant and helpful; I would have liked the details confirmed.',
  ),
  reported(
    ['agent4', 'team-night', RUTH, 9, 'first-booking', 4],
    'Dev',
    [4, 5, 5],
    { 'proc-close': 'Ended the call without asking if there was anything else.' },
    { 'proc-summarise': 'A clear recap of the dates and the price.' },
    'Clear and reliable, a bit abrupt at the end.',
  ),
];

/** Ava's calls of these many days ago (history.ts CALL_DAYS) were mystery calls of last wave. */
export const AVA_MYSTERY_DAYS = LAST_WAVE.filter((c) => c.agent === 'agent1').map((c) => c.daysAgo);

/**
 * This month's live wave: the assignments to come, each a row of its team, the day from now, the
 * local hour, the scenario, the caller's age band and whether Mia has claimed it.
 */
const THIS_WAVE = (
  [
    ['team-night', 1, 19, 'change-dates', '18-29', 'claimed'],
    ['team-demo', 2, 14, 'first-booking', '18-29', 'open'],
    ['team-night', 3, 22, 'first-booking', '60+', 'open'],
    ['team-demo', 5, 10, 'change-dates', '60+', 'open'],
    ['team-night', 8, 15, 'change-dates', '60+', 'open'],
    ['team-demo', 9, 18, 'first-booking', '18-29', 'open'],
  ] as const
).map(([team, inDays, hour, scenario, ageBand, state]) => ({
  team,
  inDays,
  hour,
  scenario,
  ageBand,
  state,
}));
/** Ruth's call on Ben this wave, two days ago: reported, waiting for the quality manager. */
const WAITING = reported(
  ['agent2', 'team-demo', RUTH, 2, 'change-dates', 0],
  'Ben',
  [4, 3, 4],
  { 'proc-summarise': 'Did not repeat the new dates before the goodbye.' },
  { 'proc-verify-identity': 'Asked for my name and postcode before changing anything.' },
  'Careful and polite; the end of the call felt rushed.',
);

const HOUR = 3_600_000;
const DAY = 86_400_000;

/**
 * Seeds the demo's programme, its waves and reports, once, after the agents' history and before
 * the QA demo (which, as the hub, draws no mystery call). `avaCalls`: Ava's calls of the days
 * AVA_MYSTERY_DAYS ago and when they started (history.ts decided them unsurveyed: the caller's
 * number).
 */
export async function seedDemoMystery(
  trx: Trx,
  pack: StandardsPack,
  avaCalls: Map<number, { id: string; start: number }>,
  now = new Date(),
): Promise<void> {
  const users = await trx
    .selectFrom('users')
    .select(['id', 'username'])
    .where('username', 'in', [MIA, RUTH, QUALITY, 'agent1', 'agent2', 'agent3', 'agent4'])
    .execute();
  const idOf = (username: string) => users.find((u) => u.username === username)?.id;
  const [mia, ruth, quality] = [idOf(MIA), idOf(RUTH), idOf(QUALITY)];
  if (!mia || !ruth || !quality) return;
  const callers = { [MIA]: mia, [RUTH]: ruth };
  const phones = new Map(
    (
      await trx
        .selectFrom('mystery_caller_phones')
        .select(['user_id', 'phone'])
        .where('user_id', 'in', [mia, ruth])
        .orderBy('phone')
        .execute()
    ).map((p) => [p.user_id, p.phone]),
  );
  const teams = await trx
    .selectFrom('teams')
    .select(['id', 'time_zone', 'work_start', 'work_end'])
    .where('id', 'in', TEAMS)
    .execute();
  const zones = new Map(teams.map((t) => [t.id, t.time_zone]));
  const zoneOf = (team: string) => zones.get(team) ?? 'UTC';
  const hours = new Map(teams.map((t) => [t.id, demoHoursOf(t)]));
  const hoursOf = (team: string): DemoHours =>
    hours.get(team) ?? demoHoursOf({ time_zone: 'UTC', work_start: null, work_end: null });
  const t = now.getTime();
  const iso = (ms: number) => new Date(ms).toISOString();
  const items = scorecardItemsFor(pack, 'booking').map((i) => i.id);
  const programmeId = randomUUID();
  await trx
    .insertInto('mystery_programmes')
    .values({
      id: programmeId,
      name: 'Booking line: service as customers get it',
      objective: 'training',
      competitor: null,
      pack_id: pack.id,
      pack_version: pack.version,
      item_ids: JSON.stringify(items),
      ratings: JSON.stringify(RATINGS),
      definitions: JSON.stringify(DEFINITIONS),
      target: 85,
      created_by: quality,
      created_at: iso(t - 40 * DAY),
      updated_by: quality,
      updated_at: iso(t - 40 * DAY),
    })
    .execute();
  const population = Number(
    (
      await trx
        .selectFrom('calls')
        .innerJoin('team_members', 'team_members.user_id', 'calls.agent_id')
        .select((eb) => eb.fn.countAll<number | string>().as('n'))
        .where('team_members.team_id', 'in', TEAMS)
        .where('calls.started_at', '>=', iso(t - 28 * DAY))
        .executeTakeFirstOrThrow()
    ).n,
  );

  // ---- last month's wave: closed, every report approved, results released ----
  const lastId = randomUUID();
  const lastFrom = t - 26 * DAY;
  const lastSlots = [];
  for (const [slot, c] of LAST_WAVE.entries()) {
    const agentId = idOf(c.agent)!;
    const callerId = callers[c.caller];
    const from = phones.get(callerId)!;
    // Ava's are her own calls of the history; the others' calls came through the PBX.
    const existing = c.agent === 'agent1' ? avaCalls.get(c.daysAgo) : undefined;
    const start = existing?.start ?? demoCallStart(hoursOf(c.team), c.daysAgo, slot, t, 6);
    const callId = existing?.id ?? (await pbxCall(trx, pack, agentId, from, start, 6));
    lastSlots.push({ c, callId, agentId, start, callerId, from });
  }
  const lastAssignments = lastSlots.map((s) => ({
    team: s.c.team,
    at: s.start,
    ageBand: s.c.caller === MIA ? ('18-29' as const) : ('60+' as const),
  }));
  await insertWave(trx, {
    id: lastId,
    programmeId,
    name: `${monthName(lastFrom + 13 * DAY)} wave`,
    from: localDate(new Date(lastFrom), 'UTC'),
    to: localDate(new Date(t - 7 * DAY), 'UTC'),
    plan: planOf(lastAssignments, zoneOf, population),
    status: 'closed',
    launchedAt: iso(lastFrom),
    closedAt: iso(t - 6 * DAY),
    releasedAt: iso(t - 5 * DAY),
    quality,
    createdAt: iso(lastFrom - 3 * DAY),
  });
  for (const [slot, s] of lastSlots.entries())
    await insertReported(trx, pack, {
      waveId: lastId,
      slot: slot + 1,
      call: s,
      number: NUMBERS[s.c.team]!,
      zone: zoneOf(s.c.team),
      status: 'approved',
      matchedBy: s.c.agent === 'agent1' ? 'manual' : 'number',
      quality,
    });

  // ---- this month's wave: live, assignments on the board, one report to review ----
  const thisId = randomUUID();
  const thisFrom = t - 6 * DAY;
  const upcoming = THIS_WAVE.map((a) => {
    const day = addDays(localDate(now, zoneOf(a.team)), a.inDays);
    return { ...a, at: startOfLocalDate(day, zoneOf(a.team)).getTime() + a.hour * HOUR };
  });
  const waiting = {
    c: WAITING,
    agentId: idOf(WAITING.agent)!,
    start: demoCallStart(hoursOf(WAITING.team), WAITING.daysAgo, LAST_WAVE.length, t, 7),
    callerId: ruth,
    from: phones.get(ruth)!,
    callId: '',
  };
  waiting.callId = await pbxCall(trx, pack, waiting.agentId, waiting.from, waiting.start, 7);
  await insertWave(trx, {
    id: thisId,
    programmeId,
    name: `${monthName(thisFrom + 13 * DAY)} wave`,
    from: localDate(new Date(thisFrom), 'UTC'),
    to: localDate(new Date(t + 20 * DAY), 'UTC'),
    plan: planOf(
      [{ team: WAITING.team, at: waiting.start, ageBand: '60+' }, ...upcoming],
      zoneOf,
      population,
    ),
    status: 'live',
    launchedAt: iso(thisFrom),
    closedAt: null,
    releasedAt: null,
    quality,
    createdAt: iso(thisFrom - 2 * DAY),
  });
  await insertReported(trx, pack, {
    waveId: thisId,
    slot: 1,
    call: waiting,
    number: NUMBERS[WAITING.team]!,
    zone: zoneOf(WAITING.team),
    status: 'reported',
    matchedBy: 'number',
    quality,
  });
  for (const [i, a] of upcoming.entries()) {
    const zone = zoneOf(a.team);
    const scenario = SCENARIOS.find((s) => s.id === a.scenario)!;
    await trx
      .insertInto('mystery_assignments')
      .values({
        id: randomUUID(),
        wave_id: thisId,
        slot: i + 2,
        team_id: a.team,
        scenario_id: scenario.id,
        call_type: scenario.callType,
        day: localDate(new Date(a.at), zone),
        window_from: iso(a.at),
        window_to: iso(a.at + 2 * HOUR),
        day_part: dayPartOf(new Date(a.at), zone),
        weekend: isWeekend(localDate(new Date(a.at), zone)) ? 1 : 0,
        profile: JSON.stringify({ ageBand: a.ageBand }),
        caller_id: a.state === 'claimed' ? mia : null,
        status: a.state,
        claimed_at: a.state === 'claimed' ? iso(t - 3 * HOUR) : null,
        assigned_by: null,
        created_at: iso(thisFrom),
        updated_at: iso(a.state === 'claimed' ? t - 3 * HOUR : thisFrom),
      })
      .execute();
  }
}

/** A booking call through the PBX from a caller's number, self-assessed; never surveyed. */
async function pbxCall(
  trx: Trx,
  pack: StandardsPack,
  agentId: string,
  from: string,
  start: number,
  minutes: number,
): Promise<string> {
  const id = randomUUID();
  const pbxId = `pbx-demo-${randomUUID()}`;
  const end = start + minutes * 60_000;
  const iso = (ms: number) => new Date(ms).toISOString();
  await trx
    .insertInto('calls')
    .values({
      id,
      agent_id: agentId,
      call_type: 'booking',
      pack_id: pack.id,
      pack_version: pack.version,
      source: 'cti',
      external_id: pbxId,
      started_at: iso(start),
      ended_at: iso(end),
      duration_ms: end - start,
      created_at: iso(start),
    })
    .execute();
  const remoteParty = `sip:${from.replace(/[^0-9+]/gu, '')}@pbx.demo`;
  for (const [kind, at] of [
    ['ringing', start - 10_000],
    ['answered', start],
    ['ended', end],
  ] as const)
    await trx
      .insertInto('cti_events')
      .values({
        id: randomUUID(),
        user_id: agentId,
        call_id: pbxId,
        kind,
        event: JSON.stringify({
          kind,
          callId: pbxId,
          direction: 'inbound',
          remoteParty,
          at: iso(at),
          source: 'cti',
        }),
        received_at: iso(at),
      })
      .execute();
  const answers = Object.fromEntries(
    scorecardItemsFor(pack, 'booking').map((i): [string, Answer] => [i.id, 'yes']),
  );
  await trx
    .insertInto('self_assessments')
    .values({
      id: randomUUID(),
      call_id: id,
      agent_id: agentId,
      status: 'submitted',
      answers: JSON.stringify(answers),
      next_time: null,
      score: JSON.stringify(scoreScorecard(pack, 'booking', answers)),
      submitted_at: iso(end + 60_000),
      created_at: iso(end + 60_000),
    })
    .execute();
  // The hub's decision at the call's end: a mystery caller's number is never surveyed.
  await trx
    .insertInto('survey_sends')
    .values({
      call_id: id,
      agent_id: agentId,
      call_type: 'booking',
      pack_version: 1,
      survey_id: 'service',
      channel: null,
      address: null,
      address_key: null,
      lang: 'en',
      customer_lang: null,
      state: 'skipped',
      skip_reason: 'excluded-number',
      token_hash: null,
      next_attempt_at: null,
      last_error: null,
      decided_at: iso(end),
      sent_at: null,
      expires_at: null,
    })
    .execute();
  return id;
}

async function insertWave(
  trx: Trx,
  w: {
    id: string;
    programmeId: string;
    name: string;
    from: string;
    to: string;
    plan: WavePlan;
    status: 'live' | 'closed';
    launchedAt: string;
    closedAt: string | null;
    releasedAt: string | null;
    quality: string;
    createdAt: string;
  },
): Promise<void> {
  await trx
    .insertInto('mystery_waves')
    .values({
      id: w.id,
      programme_id: w.programmeId,
      name: w.name,
      from_day: w.from,
      to_day: w.to,
      team_ids: JSON.stringify(TEAMS),
      numbers: JSON.stringify(NUMBERS),
      calls: w.plan.calls,
      scenarios: JSON.stringify(SCENARIOS),
      per_team_max: 4,
      per_agent_max: 2,
      // Shorter than the 30-90 days of practice: two callers cover a month of two floors.
      caller_gap_days: 7,
      profile_mix: JSON.stringify({ ageBand: { '18-29': 0.5, '60+': 0.5 } }),
      confidence: 0.95,
      margin: 0.05,
      plan: JSON.stringify(w.plan),
      status: w.status,
      seed: randomUUID(),
      launched_at: w.launchedAt,
      closed_at: w.closedAt,
      released_at: w.releasedAt,
      released_by: w.releasedAt ? w.quality : null,
      created_by: w.quality,
      created_at: w.createdAt,
      updated_by: w.quality,
      updated_at: w.releasedAt ?? w.closedAt ?? w.launchedAt,
    })
    .execute();
}

/** An assignment the caller took and reported on, matched to the agent's call. */
async function insertReported(
  trx: Trx,
  pack: StandardsPack,
  r: {
    waveId: string;
    slot: number;
    call: {
      c: PastCall;
      callId: string;
      agentId: string;
      start: number;
      callerId: string;
      from: string;
    };
    number: string;
    zone: string;
    status: 'approved' | 'reported';
    matchedBy: 'number' | 'manual';
    quality: string;
  },
): Promise<void> {
  const { c, start } = r.call;
  const iso = (ms: number) => new Date(ms).toISOString();
  const scenario = SCENARIOS.find((s) => s.id === c.scenario)!;
  const id = randomUUID();
  const windowFrom = start - HOUR;
  const day = localDate(new Date(start), r.zone);
  await trx
    .insertInto('mystery_assignments')
    .values({
      id,
      wave_id: r.waveId,
      slot: r.slot,
      team_id: c.team,
      scenario_id: scenario.id,
      call_type: scenario.callType,
      day,
      window_from: iso(windowFrom),
      window_to: iso(windowFrom + 2 * HOUR),
      day_part: dayPartOf(new Date(start), r.zone),
      weekend: isWeekend(day) ? 1 : 0,
      profile: JSON.stringify({ ageBand: c.caller === MIA ? '18-29' : '60+' }),
      caller_id: r.call.callerId,
      status: r.status,
      claimed_at: iso(start - 2 * DAY),
      assigned_by: null,
      created_at: iso(start - 4 * DAY),
      updated_at: iso(start + (r.status === 'approved' ? DAY : 20 * 60_000)),
    })
    .execute();
  const answers: Record<string, Answer> = Object.fromEntries(
    scorecardItemsFor(pack, scenario.callType).map((i): [string, Answer] => [
      i.id,
      c.finding.missed[i.id] !== undefined ? 'no' : 'yes',
    ]),
  );
  const submitted = iso(start + 20 * 60_000);
  await trx
    .insertInto('mystery_reports')
    .values({
      assignment_id: id,
      wave_id: r.waveId,
      caller_id: r.call.callerId,
      called_at: iso(start),
      called_number: r.number,
      from_number: r.call.from,
      from_key: phoneKey(r.call.from),
      agent_name_heard: c.finding.agentNameHeard,
      answers: JSON.stringify(answers),
      comments: JSON.stringify({ ...c.finding.praised, ...c.finding.missed }),
      ratings: JSON.stringify(c.finding.ratings),
      impression: c.finding.impression,
      reply: '',
      score: JSON.stringify(scoreScorecard(pack, scenario.callType, answers)),
      match_method: r.matchedBy,
      call_id: r.call.callId,
      agent_id: r.call.agentId,
      candidates: '[]',
      over_agent_limit: 0,
      grade: r.status === 'approved' ? c.grade : null,
      review_note: null,
      reviewed_at: r.status === 'approved' ? iso(start + DAY) : null,
      reviewed_by: r.status === 'approved' ? r.quality : null,
      submitted_at: submitted,
      saved_at: submitted,
      created_at: iso(start + 10 * 60_000),
    })
    .execute();
}

/** The wave's plan as its assignments make it up (quotas by team, call type, time, profile). */
function planOf(
  calls: { team: string; at: number; ageBand: CallerProfile['ageBand'] }[],
  zoneOf: (team: string) => string,
  population: number,
): WavePlan {
  const quotas = (keyOf: (c: (typeof calls)[number]) => string): Quota[] => {
    const counts = new Map<string, number>();
    for (const c of calls) counts.set(keyOf(c), (counts.get(keyOf(c)) ?? 0) + 1);
    return [...counts]
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([key, n]) => ({ key, calls: n, share: n / calls.length }));
  };
  const local = (c: (typeof calls)[number]) => localDate(new Date(c.at), zoneOf(c.team));
  return {
    calls: calls.length,
    byTeam: quotas((c) => c.team),
    byCallType: quotas(() => 'booking'),
    byDayPart: quotas((c) => dayPartOf(new Date(c.at), zoneOf(c.team))),
    byWeekPart: quotas((c) => (isWeekend(local(c)) ? 'weekend' : 'weekday')),
    byRegion: [],
    byAgeBand: quotas((c) => c.ageBand),
    byLanguage: [],
    sampleSizeNeeded: sampleSize(0.95, 0.05, population),
    population,
    warnings: [LEFT_OUT],
  };
}

const monthName = (ms: number) =>
  new Intl.DateTimeFormat('en-GB', { month: 'long', timeZone: 'UTC' }).format(new Date(ms));
