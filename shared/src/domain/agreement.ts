// Inter-rater agreement statistics (pure): percent agreement, Cohen's kappa (two raters,
// unweighted or weighted), Fleiss' kappa (many raters, the same number per unit) and
// Krippendorff's alpha (any number of raters, missing answers, four levels of measurement).
// README.md, "Calibration: agreement figures and how to read them", says which figure the product
// shows where; agreement.test.ts checks each against published worked examples.
//
// Conventions shared by all of them:
// - a category is a string or a finite number; 1 and '1' are different categories;
// - weights and the ordinal, interval and ratio levels need ordered categories: numbers are
//   ordered by value, strings only through an explicit `domain`;
// - bad input (different lengths, a value outside the domain, rows of unequal sums...) throws an
//   Error saying what is wrong; a statistic that is undefined for valid input (no pair to compare,
//   every answer in one category) is NaN, never a made-up 0 or 1.

export type Category = string | number;

type Weights = 'linear' | 'quadratic';
type Level = 'nominal' | 'ordinal' | 'interval' | 'ratio';

const LEVELS: readonly Level[] = ['nominal', 'ordinal', 'interval', 'ratio'];

const show = (v: unknown) => (typeof v === 'string' ? JSON.stringify(v) : String(v));

function checkCategory(fn: string, v: unknown): asserts v is Category {
  if (typeof v === 'string') return;
  if (typeof v === 'number' && Number.isFinite(v)) return;
  throw new Error(`${fn}: ${show(v)} is not a category (a string or a finite number)`);
}

/**
 * The categories in order, each with its position: `domain` as given (every value must be in
 * it), else the values seen, sorted by value when order matters (then they must be numbers).
 */
function categoryIndex(
  fn: string,
  values: readonly Category[],
  ordered: boolean,
  domain: readonly Category[] | undefined,
): Map<Category, number> {
  for (const v of values) checkCategory(fn, v);
  if (domain !== undefined) {
    const index = new Map<Category, number>();
    for (const d of domain) {
      checkCategory(fn, d);
      if (index.has(d)) throw new Error(`${fn}: the domain names ${show(d)} twice`);
      index.set(d, index.size);
    }
    for (const v of values)
      if (!index.has(v)) throw new Error(`${fn}: ${show(v)} is not in the domain`);
    return index;
  }
  const seen = [...new Set(values)];
  if (ordered) {
    const text = seen.find((v) => typeof v !== 'number');
    if (text !== undefined)
      throw new Error(
        `${fn}: ${show(text)} has no order: weights and ordered levels need numbers, or a domain that orders the categories`,
      );
    (seen as number[]).sort((x, y) => x - y);
  }
  return new Map(seen.map((v, i) => [v, i]));
}

/**
 * Cohen's kappa of two raters' answers on the same units: (p_o - p_e) / (1 - p_e), where p_e
 * comes from each rater's own marginals (Cohen 1960). Weighted (Cohen 1968): 1 - sum(w * O) /
 * sum(w * E) with disagreement weights |i - j| ('linear') or (i - j)^2 ('quadratic') on the
 * categories' positions in their order: `domain` when given (it also includes categories nobody
 * chose, which widens the gaps), else the numbers seen, by value. Weights on strings without a
 * domain, a value outside the domain and answer lists of different lengths throw. NaN for no
 * units, and when p_e = 1 (both raters used one and the same category throughout; weighted: when
 * the expected disagreement is 0).
 */
export function cohenKappa(
  a: Category[],
  b: Category[],
  weights?: 'linear' | 'quadratic',
  domain?: Category[],
): number {
  if (weights !== undefined && weights !== 'linear' && weights !== 'quadratic')
    throw new Error(`cohenKappa: weights are 'linear' or 'quadratic', not ${show(weights)}`);
  if (a.length !== b.length)
    throw new Error(
      `cohenKappa: the two raters answered different numbers of units (${a.length} and ${b.length})`,
    );
  const index = categoryIndex('cohenKappa', [...a, ...b], weights !== undefined, domain);
  const n = a.length;
  if (n === 0) return NaN;
  const k = index.size;
  const observed = Array.from({ length: k }, () => new Array<number>(k).fill(0));
  const rowTotals = new Array<number>(k).fill(0);
  const colTotals = new Array<number>(k).fill(0);
  for (let u = 0; u < n; u++) {
    const i = index.get(a[u]!)!;
    const j = index.get(b[u]!)!;
    observed[i]![j]! += 1;
    rowTotals[i]! += 1;
    colTotals[j]! += 1;
  }
  const w = disagreementWeight(weights);
  // Integers throughout (counts times integer weights), so "no expected disagreement" is exact.
  let observedDisagreement = 0;
  let expectedDisagreement = 0; // times n
  for (let i = 0; i < k; i++)
    for (let j = 0; j < k; j++) {
      const weight = w(i, j);
      if (weight === 0) continue;
      observedDisagreement += weight * observed[i]![j]!;
      expectedDisagreement += weight * rowTotals[i]! * colTotals[j]!;
    }
  if (expectedDisagreement === 0) return NaN;
  return 1 - (n * observedDisagreement) / expectedDisagreement;
}

function disagreementWeight(weights: Weights | undefined): (i: number, j: number) => number {
  if (weights === 'linear') return (i, j) => Math.abs(i - j);
  if (weights === 'quadratic') return (i, j) => (i - j) ** 2;
  return (i, j) => (i === j ? 0 : 1);
}

/**
 * Fleiss' kappa (Fleiss 1971): rows are units, columns categories, each cell how many raters
 * chose that category for that unit; every row sums to the same number of raters n >= 2 (else it
 * throws). kappa = (P - P_e) / (1 - P_e) with P the mean share of agreeing rater pairs per unit
 * and P_e the sum of squared category shares. NaN for no units and when P_e = 1 (every rating in
 * one category).
 */
export function fleissKappa(counts: number[][]): number {
  if (counts.length === 0) return NaN;
  const k = counts[0]!.length;
  let raters = -1;
  counts.forEach((row, u) => {
    if (row.length !== k)
      throw new Error(
        `fleissKappa: unit ${u + 1} has ${row.length} categories, the first unit ${k}: every row needs one count per category`,
      );
    let sum = 0;
    for (const c of row) {
      if (!Number.isInteger(c) || c < 0)
        throw new Error(
          `fleissKappa: unit ${u + 1} has a count ${show(c)}: counts are whole numbers from 0`,
        );
      sum += c;
    }
    if (raters === -1) raters = sum;
    else if (sum !== raters)
      throw new Error(
        `fleissKappa: unit ${u + 1} was rated by ${sum} raters, the first unit by ${raters}: every unit needs the same number of raters`,
      );
  });
  if (raters < 2)
    throw new Error(`fleissKappa: every unit needs at least two raters (the units have ${raters})`);
  const units = counts.length;
  const ratings = units * raters;
  let sumSquares = 0;
  const totals = new Array<number>(k).fill(0);
  for (const row of counts)
    row.forEach((c, j) => {
      sumSquares += c * c;
      totals[j]! += c;
    });
  if (totals.filter((t) => t > 0).length <= 1) return NaN;
  const sumSquaredTotals = totals.reduce((s, t) => s + t * t, 0);
  // P = (sumSquares - ratings) / (ratings (n - 1)); P_e = sumSquaredTotals / ratings^2.
  const meanAgreement = (sumSquares - ratings) / (ratings * (raters - 1));
  const chance = sumSquaredTotals / (ratings * ratings);
  return (meanAgreement - chance) / (1 - chance);
}

/**
 * Krippendorff's alpha, 1 - D_o / D_e, computed from the coincidence matrix as in Krippendorff
 * (2011), "Computing Krippendorff's Alpha-Reliability": rows are raters, columns units, `null`
 * where a rater gave no answer (left out). A unit with fewer than two answers is not pairable and
 * left out. Difference functions: nominal (0 when equal, else 1), ordinal (by ranks, with the
 * pairable values' frequencies), interval (squared difference) and ratio (squared difference over
 * the sum, values 0 or more). Ordinal, interval and ratio need numbers (strings throw: there is no
 * domain to order them). NaN when no unit has two answers, and when D_e = 0 (every pairable answer
 * the same value).
 */
export function krippendorffAlpha(
  data: (Category | null)[][],
  level: 'nominal' | 'ordinal' | 'interval' | 'ratio',
): number {
  if (!LEVELS.includes(level))
    throw new Error(
      `krippendorffAlpha: the level is one of ${LEVELS.join(', ')}, not ${show(level)}`,
    );
  const unitCount = data[0]?.length ?? 0;
  data.forEach((row, r) => {
    if (row.length !== unitCount)
      throw new Error(
        `krippendorffAlpha: rater ${r + 1} has ${row.length} units, the first rater ${unitCount}: every row needs one entry per unit (null where there is no answer)`,
      );
    for (const v of row) {
      if (v === null) continue;
      checkCategory('krippendorffAlpha', v);
      if (level !== 'nominal' && typeof v !== 'number')
        throw new Error(
          `krippendorffAlpha: ${show(v)} is not a number: the ${level} level needs numbers`,
        );
      if (level === 'ratio' && (v as number) < 0)
        throw new Error(`krippendorffAlpha: ${show(v)} is below 0: ratio values are 0 or more`);
    }
  });
  // Per pairable unit, how many raters gave each value.
  const units: Map<Category, number>[] = [];
  for (let u = 0; u < unitCount; u++) {
    const counts = new Map<Category, number>();
    let m = 0;
    for (const row of data) {
      const v = row[u];
      if (v === null || v === undefined) continue;
      counts.set(v, (counts.get(v) ?? 0) + 1);
      m++;
    }
    if (m >= 2) units.push(counts);
  }
  if (units.length === 0) return NaN;
  const values = [...new Set(units.flatMap((c) => [...c.keys()]))];
  if (values.length === 1) return NaN;
  if (level !== 'nominal') (values as number[]).sort((x, y) => x - y);
  const index = new Map(values.map((v, i) => [v, i]));
  const v = values.length;
  // Coincidences o[c][k]: each ordered pair of answers by different raters in a unit of m answers
  // counts 1 / (m - 1).
  const o = Array.from({ length: v }, () => new Array<number>(v).fill(0));
  for (const counts of units) {
    const m = [...counts.values()].reduce((s, c) => s + c, 0);
    for (const [vc, nc] of counts)
      for (const [vk, nk] of counts) {
        const c = index.get(vc)!;
        const k = index.get(vk)!;
        o[c]![k]! += (nc * (c === k ? nc - 1 : nk)) / (m - 1);
      }
  }
  const totals = o.map((row) => row.reduce((s, x) => s + x, 0));
  const n = totals.reduce((s, x) => s + x, 0);
  const delta = differenceFunction(level, values, totals);
  let observed = 0;
  let expected = 0;
  for (let c = 0; c < v; c++)
    for (let k = 0; k < v; k++) {
      if (c === k) continue;
      const d = delta(c, k);
      observed += o[c]![k]! * d;
      expected += totals[c]! * totals[k]! * d;
    }
  if (expected === 0) return NaN;
  return 1 - ((n - 1) * observed) / expected;
}

/** The squared difference δ² between the values at positions c and k (Krippendorff 2011). */
function differenceFunction(
  level: Level,
  values: readonly Category[],
  totals: readonly number[],
): (c: number, k: number) => number {
  if (level === 'nominal') return (c, k) => (c === k ? 0 : 1);
  const x = values as readonly number[];
  if (level === 'interval') return (c, k) => (x[c]! - x[k]!) ** 2;
  if (level === 'ratio')
    return (c, k) => {
      const sum = x[c]! + x[k]!;
      return sum === 0 ? 0 : ((x[c]! - x[k]!) / sum) ** 2;
    };
  // Ordinal: (sum of n_g for g from c to k, minus (n_c + n_k) / 2) squared, on ranks.
  const cumulative = [0];
  for (const t of totals) cumulative.push(cumulative[cumulative.length - 1]! + t);
  return (c, k) => {
    const lo = Math.min(c, k);
    const hi = Math.max(c, k);
    const between = cumulative[hi + 1]! - cumulative[lo]!;
    return (between - (totals[c]! + totals[k]!) / 2) ** 2;
  };
}

/**
 * Percent agreement: rows are UNITS here, each row the answers given to that unit (nulls left
 * out); the share of agreeing pairs of answers among all pairs, pooled over units (a unit with m
 * answers has m (m - 1) / 2 pairs). Not chance-corrected. NaN when no unit has two answers.
 */
export function pairwiseAgreement(units: (Category | null)[][]): number {
  let pairs = 0;
  let agreeing = 0;
  for (const row of units) {
    const counts = new Map<Category, number>();
    let m = 0;
    for (const v of row) {
      if (v === null) continue;
      checkCategory('pairwiseAgreement', v);
      counts.set(v, (counts.get(v) ?? 0) + 1);
      m++;
    }
    pairs += (m * (m - 1)) / 2;
    for (const c of counts.values()) agreeing += (c * (c - 1)) / 2;
  }
  return pairs === 0 ? NaN : agreeing / pairs;
}
