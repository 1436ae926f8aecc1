// Inter-rater agreement statistics (pure). CONTRACT ONLY in the base commit: implemented on h-stats.

export type Category = string | number;

/** Cohen's kappa of two raters' answers on the same units (weighted: ordered categories only). */
export function cohenKappa(
  a: Category[],
  b: Category[],
  weights?: 'linear' | 'quadratic',
  domain?: Category[],
): number {
  void a;
  void b;
  void weights;
  void domain;
  throw new Error('not implemented');
}

/** Fleiss' kappa: rows are units, columns categories, cells how many raters chose it. */
export function fleissKappa(counts: number[][]): number {
  void counts;
  throw new Error('not implemented');
}

/** Krippendorff's alpha: rows are raters, columns units, null where a rater gave no answer. */
export function krippendorffAlpha(
  data: (Category | null)[][],
  level: 'nominal' | 'ordinal' | 'interval' | 'ratio',
): number {
  void data;
  void level;
  throw new Error('not implemented');
}
