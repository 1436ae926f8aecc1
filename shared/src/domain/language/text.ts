// Text helpers for the language rules: offsets are always those of the original text.

/** Quotation pairs: quoted speech (usually the customer's) is never the coach's wording. */
const QUOTES: ReadonlyArray<readonly [string, string]> = [
  ['"', '"'],
  ['“', '”'],
  ['„', '“'],
  ['«', '»'],
  ['「', '」'],
  ['『', '』'],
  ['‘', '’'],
];

/**
 * A passage in single ASCII quotes: 'you should have told me'. The opening quote starts a word
 * (after a space, a colon or a bracket) and the closing one ends one (no letter after it), so
 * the apostrophes in don't, we'll or the customers' notes do not open or close a quote.
 */
const SINGLE_QUOTED =
  /(?<=^|[\s(:\u2013\u2014])'(?=[\p{L}\p{N}])(?:[^'\n]|(?<=\p{L})'(?=\p{L})){1,200}?(?<=[\p{L}\p{N}.,!?])'(?![\p{L}\p{N}])/gu;

/**
 * The text with quoted passages blanked out (same length, so offsets hold). Single ASCII
 * quotes count only when they open and close words: they are apostrophes far more often.
 */
export function maskQuotes(text: string): string {
  let out = text.includes("'")
    ? text.replace(SINGLE_QUOTED, (m) => `'${' '.repeat(m.length - 2)}'`)
    : text;
  for (const [open, close] of QUOTES) {
    let from = 0;
    for (;;) {
      const a = out.indexOf(open, from);
      if (a < 0) break;
      const b = out.indexOf(close, a + 1);
      if (b < 0) break;
      out = out.slice(0, a + 1) + ' '.repeat(b - a - 1) + out.slice(b);
      from = b + 1;
    }
  }
  return out;
}

export interface Sentence {
  /** The sentence as it appears in the (masked) text. */
  text: string;
  /** Offset of `text` in the whole text. */
  start: number;
}

/**
 * Sentences, each with its closing punctuation, split after . ! ? 。！？ and line breaks (not
 * after semicolons: "...; great job" praises what came before it). A full stop between digits
 * or after a one-letter abbreviation does not end a sentence.
 */
export function sentences(text: string): Sentence[] {
  const out: Sentence[] = [];
  const re = /(?:[^.!?。！？\n]|\.(?=\d))+(?:[.!?。！？]+|\n|$)/gu;
  for (const m of text.matchAll(re)) {
    const raw = m[0];
    const lead = raw.length - raw.trimStart().length;
    const body = raw.trim();
    if (body.length > 0) out.push({ text: body, start: m.index + lead });
  }
  return out;
}

/** A word pattern with Unicode-aware boundaries (`\b` knows only ASCII letters). */
export function words(pattern: string, flags = 'giu'): RegExp {
  return new RegExp(`(?<![\\p{L}\\p{N}])(?:${pattern})(?![\\p{L}\\p{N}])`, flags);
}

/** Every match of a global regex, as [start, end) offsets within the string. */
export function spans(re: RegExp, s: string): Array<{ start: number; end: number; text: string }> {
  return [...s.matchAll(re)].map((m) => ({
    start: m.index,
    end: m.index + m[0].length,
    text: m[0],
  }));
}
