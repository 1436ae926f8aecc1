import type { CallerProfile, DayPart, WavePlan, WaveComparison } from '../protocol/mystery.js';
import type { Answer } from './scoring.js';

// Mystery-call programmes (pure). CONTRACT ONLY in the base commit: implemented on h-mshared.

export interface PlanTeam {
  id: string;
  name: string;
  zone: string;
  /** Opening hours: null for a floor open around the clock. */
  hours: { start: string; end: string; days: number[] } | null;
}

export interface PlanInput {
  calls: number;
  from: string;
  to: string;
  teams: PlanTeam[];
  /** Call types the wave has scenarios for. */
  scenarioCallTypes: string[];
  /** The real mix over the wave's teams' recent calls: calls per call type, day part, week part. */
  realMix: {
    callType: Record<string, number>;
    dayPart: Partial<Record<DayPart, number>>;
    weekPart: { weekday: number; weekend: number };
  };
  profileMix: {
    region?: Record<string, number>;
    ageBand?: Record<string, number>;
    language?: Record<string, number>;
  };
  perTeamMax: number;
  /** Calls the wave's teams took over a span as long as the wave's (the finite population). */
  population: number;
  confidence: 0.9 | 0.95 | 0.99;
  margin: number;
}

/** Largest-remainder allocation of `total` over shares, at least `minimum` each where possible. */
export function allocate(
  total: number,
  shares: Record<string, number>,
  minimum?: number,
): Record<string, number> {
  void total;
  void shares;
  void minimum;
  throw new Error('not implemented');
}

/** Calls needed for a proportion at the confidence and margin (p = 0.5), finite population corrected. */
export function sampleSize(confidence: number, margin: number, population?: number): number {
  void confidence;
  void margin;
  void population;
  throw new Error('not implemented');
}

/** The wave's quotas and warnings. */
export function planWave(input: PlanInput): WavePlan {
  void input;
  throw new Error('not implemented');
}

export interface PlannedCall {
  teamId: string;
  callType: string;
  dayPart: DayPart;
  weekend: boolean;
  /** The local day (YYYY-MM-DD) and the window in UTC. */
  day: string;
  windowFrom: string;
  windowTo: string;
  profile: Partial<CallerProfile>;
}

/** The wave's assignments from its plan: seeded, reproducible, every quota met exactly. */
export function assignmentsFor(input: PlanInput, plan: WavePlan, seed: string): PlannedCall[] {
  void input;
  void plan;
  void seed;
  throw new Error('not implemented');
}

/** Welch's t-test of two waves' call scores. */
export function compareWaves(
  previous: number[],
  current: number[],
): Pick<WaveComparison, 'change' | 'pValue' | 'significant'> {
  void previous;
  void current;
  throw new Error('not implemented');
}

export interface StaffRecord {
  id: string;
  username: string;
  displayName: string;
  extension: string | null;
  disabled: boolean;
}

/** Why a would-be caller is (or was) staff: empty when none. */
export function callerConflicts(
  candidate: { username: string; displayName: string; phones: string[] },
  staff: StaffRecord[],
  internalNumbers: string[],
): string[] {
  void candidate;
  void staff;
  void internalNumbers;
  throw new Error('not implemented');
}

/** The local day part of an instant in a zone. */
export function dayPartOf(at: Date, zone: string): DayPart {
  void at;
  void zone;
  throw new Error('not implemented');
}

/** Digits of a phone number for comparing (the last `keep` digits: country prefixes differ). */
export function phoneKey(phone: string, keep?: number): string {
  void phone;
  void keep;
  throw new Error('not implemented');
}

export type { Answer };
