import type {
  CalibrationTrends,
  SessionFigures,
  Statistic,
  UndefinedReason,
} from '../protocol/calibration.js';
import type { Answer } from './scoring.js';
import type { StandardsPack } from './standards.js';

// Calibration figures (pure). CONTRACT ONLY in the base commit: implemented on h-stats.

export interface SheetInput {
  userId: string;
  name: string;
  /** Submitted answers (drafts are not figures). */
  answers: Record<string, Answer>;
}

export interface SessionInput {
  pack: StandardsPack;
  callType: string;
  sheets: SheetInput[];
  /** The facilitator's benchmark answer per item. */
  benchmarks: Record<string, Answer>;
  /** How each item is to be read (this session's note, else the version's guidance). */
  notes: Record<string, string>;
}

export interface TrendSessionInput extends SessionInput {
  id: string;
  title: string;
  revealedAt: string;
  packVersion: number;
}

/** A number, or why it is not one (NaN from the statistics). */
export function statistic(value: number, undefinedBecause: UndefinedReason): Statistic {
  return Number.isNaN(value) ? { value: null, undefinedBecause } : { value, undefinedBecause: null };
}

export function sessionFigures(input: SessionInput): SessionFigures {
  void input;
  throw new Error('not implemented');
}

export function calibrationTrends(sessions: TrendSessionInput[]): CalibrationTrends {
  void sessions;
  throw new Error('not implemented');
}
