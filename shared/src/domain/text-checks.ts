/**
 * A finding of a check over coaching text (the constructive-language analyzer plugs in here):
 * the span it is about, what kind of pattern it is, and rewrites the coach may take.
 */
export interface TextFinding {
  /** Character offsets into the text, `end` exclusive. */
  start: number;
  end: number;
  /** Pattern id, e.g. `but`, `command`, `next-time`. */
  category: string;
  /** Harmful patterns are flagged; good ones are encouraged. */
  tone: 'harmful' | 'good';
  /** One line, in the UI language. */
  explanation: string;
  suggestions: string[];
}

/** Checks coaching text as it is typed; must be fast enough for every keystroke. */
export type TextCheck = (text: string, lang: string) => TextFinding[];

/** The check used until a language analyzer is plugged in: no findings. */
export const noTextChecks: TextCheck = () => [];
