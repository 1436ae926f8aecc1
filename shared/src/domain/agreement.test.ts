import { describe, expect, it } from 'vitest';
import {
  cohenKappa,
  fleissKappa,
  krippendorffAlpha,
  pairwiseAgreement,
  type Category,
} from './agreement.js';

// Each expected value below comes from a published worked example or a reference implementation's
// own test (cited at the test), and was recomputed independently with exact fractions from the
// textbook definitions (Cohen's p_o / p_e with agreement weights; Fleiss' P_i; Krippendorff's
// D_o and D_e as sums over all pairs of answers, not the coincidence-matrix shortcut used in
// agreement.ts). Where the source rounds, the test checks to its rounding and, with the exact
// fraction, to 12 digits.

/** One rater's answers from a run-length list: [['yes', 20], ['no', 5]] -> 20 yes then 5 no. */
const runs = <T extends Category>(...parts: [T, number][]): T[] =>
  parts.flatMap(([v, n]) => new Array<T>(n).fill(v));

/** Two raters' answers from a contingency table: rows rater a's category, columns rater b's. */
function fromTable<T extends Category>(categories: T[], table: number[][]): [T[], T[]] {
  const a: T[] = [];
  const b: T[] = [];
  table.forEach((row, i) =>
    row.forEach((count, j) => {
      for (let c = 0; c < count; c++) {
        a.push(categories[i]!);
        b.push(categories[j]!);
      }
    }),
  );
  return [a, b];
}

describe('cohenKappa', () => {
  it('Wikipedia, "Cohen\'s kappa", simple example: 50 grant proposals, 20/5/10/15 -> 0.4', () => {
    // p_o = (20 + 15) / 50 = 0.7; A says yes 25/50, B 30/50: p_e = 0.5 * 0.6 + 0.5 * 0.4 = 0.5;
    // kappa = (0.7 - 0.5) / (1 - 0.5) = 0.4.
    const [a, b] = fromTable(
      ['yes', 'no'],
      [
        [20, 5],
        [10, 15],
      ],
    );
    expect(cohenKappa(a, b)).toBeCloseTo(0.4, 12);
  });

  it('Wikipedia, "Cohen\'s kappa", same percentages but different numbers: p_o 0.6 twice, kappa 0.1304 and 0.2593', () => {
    // Table 1: 45/15/25/15: A yes 60, B yes 70: p_e = 0.6 * 0.7 + 0.4 * 0.3 = 0.54,
    // kappa = 0.06 / 0.46 = 3/23. Table 2: 25/35/5/35: A yes 60, B yes 30: p_e = 0.46,
    // kappa = 0.14 / 0.54 = 7/27. The same agreement, different kappas: kappa depends on the
    // marginals (README: "how to read it").
    const one = fromTable(
      ['yes', 'no'],
      [
        [45, 15],
        [25, 15],
      ],
    );
    const two = fromTable(
      ['yes', 'no'],
      [
        [25, 35],
        [5, 35],
      ],
    );
    expect(pairwiseAgreement(one[0].map((v, i) => [v, one[1][i]!]))).toBeCloseTo(0.6, 12);
    expect(pairwiseAgreement(two[0].map((v, i) => [v, two[1][i]!]))).toBeCloseTo(0.6, 12);
    expect(cohenKappa(...one)).toBeCloseTo(0.1304, 4);
    expect(cohenKappa(...one)).toBeCloseTo(3 / 23, 12);
    expect(cohenKappa(...two)).toBeCloseTo(0.2593, 4);
    expect(cohenKappa(...two)).toBeCloseTo(7 / 27, 12);
  });

  // scikit-learn, sklearn/metrics/tests/test_classification.py, test_cohen_kappa (the label
  // vectors reproduce Artstein and Poesio (2008), "Inter-coder agreement for computational
  // linguistics", Tables 1 and 4).
  it('scikit-learn test_cohen_kappa: Artstein and Poesio Table 1 -> 0.348, symmetric, perfect -> 1', () => {
    const y1 = runs([0, 40], [1, 60]);
    const y2 = runs([0, 20], [1, 20], [0, 10], [1, 50]);
    // p_o = 70/100, p_e = 0.4 * 0.3 + 0.6 * 0.7 = 0.54, kappa = 0.16 / 0.46 = 8/23.
    expect(cohenKappa(y1, y2)).toBeCloseTo(0.348, 3);
    expect(cohenKappa(y1, y2)).toBeCloseTo(8 / 23, 12);
    expect(cohenKappa(y2, y1)).toBe(cohenKappa(y1, y2));
    expect(cohenKappa(y1, y1)).toBe(1);
  });

  it('scikit-learn test_cohen_kappa: Artstein and Poesio Table 4 (three categories) -> 0.8013', () => {
    const y1 = runs([0, 46], [1, 44], [2, 10]);
    const y2 = runs([0, 52], [1, 32], [2, 16]);
    expect(cohenKappa(y1, y2)).toBeCloseTo(0.8013, 4);
    expect(cohenKappa(y1, y2)).toBeCloseTo(121 / 151, 12);
  });

  it('scikit-learn test_cohen_kappa: none 0.9315, linear 0.9412, quadratic 0.9541', () => {
    // Units: 46 (0,0), 4 (1,0), 40 (1,1), 10 (2,2); marginals y1 46/44/10, y2 50/40/10.
    // Linear: observed disagreement 4 * |1 - 0| = 4; expected sum |i-j| r_i c_j / n =
    // (46 * (40 + 2*10) + 44 * (50 + 10) + 10 * (2*50 + 40)) / 100 = 6800 / 100 = 68;
    // kappa = 1 - 4/68 = 16/17.
    const y1 = runs([0, 46], [1, 44], [2, 10]);
    const y2 = runs([0, 50], [1, 40], [2, 10]);
    expect(cohenKappa(y1, y2)).toBeCloseTo(0.9315, 4);
    expect(cohenKappa(y1, y2, 'linear')).toBeCloseTo(0.9412, 4);
    expect(cohenKappa(y1, y2, 'linear')).toBeCloseTo(16 / 17, 12);
    expect(cohenKappa(y1, y2, 'quadratic')).toBeCloseTo(0.9541, 4);
    expect(cohenKappa(y1, y2, 'quadratic')).toBeCloseTo(104 / 109, 12);
  });

  it('statsmodels test_inter_rater.py, UnweightedCohens / TestWeightedCohens (a SAS printout): 0.4842 and linear 0.4701', () => {
    const [a, b] = fromTable(
      [0, 1, 2],
      [
        [0, 4, 1],
        [0, 8, 0],
        [0, 1, 5],
      ],
    );
    expect(cohenKappa(a, b)).toBeCloseTo(0.4842, 4);
    expect(cohenKappa(a, b)).toBeCloseTo(107 / 221, 12);
    expect(cohenKappa(a, b, 'linear')).toBeCloseTo(0.4701, 4);
    expect(cohenKappa(a, b, 'linear')).toBeCloseTo(118 / 251, 12);
  });

  // R package irr, kappa2() on its `anxiety` data, raters 2 and 3, as checked by statsmodels
  // test_inter_rater.py, test_cohens_kappa_irr (ck_w1, ck_w2 "equal", ck_w3 "squared"). Those
  // raters never chose 5: irr, like cohenKappa without a domain, orders the categories seen
  // (1, 2, 3, 4, 6) and weighs by position.
  const anxiety2 = [3, 6, 4, 6, 2, 4, 2, 4, 3, 3, 2, 3, 3, 3, 2, 2, 1, 3, 3, 4];
  const anxiety3 = [2, 1, 4, 4, 3, 2, 1, 6, 1, 1, 1, 2, 3, 3, 1, 1, 3, 3, 2, 2];

  it('R irr kappa2(anxiety[,2:3]): unweighted -0.006289308, equal 0.1459075, squared 0.2520325', () => {
    expect(cohenKappa(anxiety2, anxiety3)).toBeCloseTo(-0.006289308, 9);
    expect(cohenKappa(anxiety2, anxiety3, 'linear')).toBeCloseTo(0.1459075, 7);
    expect(cohenKappa(anxiety2, anxiety3, 'quadratic')).toBeCloseTo(0.2520325, 7);
  });

  it('a domain fixes the order and includes categories nobody chose (5 widens the gap to 6)', () => {
    // Recomputed independently: with 1..6 the weights see 4 -> 6 as two steps, not one.
    const domain = [1, 2, 3, 4, 5, 6];
    expect(cohenKappa(anxiety2, anxiety3, 'linear', domain)).toBeCloseTo(13 / 103, 12);
    expect(cohenKappa(anxiety2, anxiety3, 'quadratic', domain)).toBeCloseTo(91 / 396, 12);
    // Unweighted kappa does not depend on the order or on unused categories.
    expect(cohenKappa(anxiety2, anxiety3, undefined, domain)).toBeCloseTo(-1 / 159, 12);
    // Strings weigh only through a domain, and then exactly like the numbers they stand for.
    const words = ['one', 'two', 'three', 'four', 'five', 'six'];
    const word = (n: number) => words[n - 1]!;
    expect(cohenKappa(anxiety2.map(word), anxiety3.map(word), 'quadratic', words)).toBeCloseTo(
      91 / 396,
      12,
    );
  });

  it('N/A is a category like yes and no (hand-computed)', () => {
    // Agree on 4 of 6; a: yes 3, no 1, na 2; b: yes 3, no 2, na 1.
    // p_o = 4/6 = 24/36; p_e = (3*3 + 1*2 + 2*1) / 36 = 13/36; kappa = (11/36) / (23/36) = 11/23.
    const a = ['yes', 'yes', 'no', 'na', 'yes', 'na'];
    const b = ['yes', 'no', 'no', 'na', 'yes', 'yes'];
    expect(cohenKappa(a, b, undefined, ['yes', 'no', 'na'])).toBeCloseTo(11 / 23, 12);
    expect(cohenKappa(a, b)).toBeCloseTo(11 / 23, 12);
  });

  it('undefined (NaN) with no units, and when both raters use one and the same category', () => {
    expect(cohenKappa([], [])).toBeNaN();
    expect(cohenKappa(['yes', 'yes', 'yes'], ['yes', 'yes', 'yes'])).toBeNaN();
    expect(cohenKappa([2, 2], [2, 2], 'quadratic', [1, 2, 3])).toBeNaN();
    // One rater always yes, the other not: p_e = 1 * 0.5 < 1, so kappa is defined (0 here).
    expect(cohenKappa(['yes', 'yes'], ['yes', 'no'])).toBe(0);
  });

  it('throws on different lengths, weights on strings without a domain, values outside the domain', () => {
    expect(() => cohenKappa(['yes'], ['yes', 'no'])).toThrow(
      /different numbers of units \(1 and 2\)/,
    );
    expect(() => cohenKappa(['low', 'high'], ['low', 'low'], 'linear')).toThrow(
      /"low" has no order/,
    );
    expect(() => cohenKappa([1, 'high'], [1, 1], 'quadratic')).toThrow(/"high" has no order/);
    expect(() =>
      cohenKappa(['yes', 'maybe'], ['yes', 'no'], undefined, ['yes', 'no', 'na']),
    ).toThrow(/"maybe" is not in the domain/);
    expect(() => cohenKappa([1, 2], [1, 2], 'linear', [1, 2, 1])).toThrow(/names 1 twice/);
    expect(() => cohenKappa([1, NaN], [1, 2])).toThrow(/NaN is not a category/);
    expect(() => cohenKappa([1], [1], 'cubic' as 'linear')).toThrow(/'linear' or 'quadratic'/);
  });

  it("numbers and strings are different categories: 1 is not '1'", () => {
    // Agree on none: p_o = 0; a: 1 twice; b: '1' twice: p_e = 0; kappa = 0.
    expect(cohenKappa([1, 1], ['1', '1'])).toBe(0);
  });
});

describe('fleissKappa', () => {
  // Wikipedia, "Fleiss' kappa", worked example: 10 subjects, 14 raters, 5 categories; the
  // article gives P = 0.378, P_e = 0.213, kappa = 0.210. Also statsmodels test_inter_rater.py,
  // test_fleiss_kappa (kappa_wp = 0.210). Exact: 4211/20059.
  const wikipedia = [
    [0, 0, 0, 0, 14],
    [0, 2, 6, 4, 2],
    [0, 0, 3, 5, 6],
    [0, 3, 9, 2, 0],
    [2, 2, 8, 1, 1],
    [7, 7, 0, 0, 0],
    [3, 2, 6, 3, 0],
    [2, 5, 3, 2, 2],
    [6, 5, 2, 1, 0],
    [0, 2, 2, 3, 7],
  ];

  it("Wikipedia's worked example (10 units, 14 raters) -> 0.210", () => {
    expect(fleissKappa(wikipedia)).toBeCloseTo(0.21, 3);
    expect(fleissKappa(wikipedia)).toBeCloseTo(4211 / 20059, 12);
  });

  it('Fleiss (1971), Table 1: 30 patients, 6 psychiatrists, 5 diagnoses -> 0.4302445 (R irr kappam.fleiss)', () => {
    // Fleiss, J. L. (1971), "Measuring nominal scale agreement among many raters", Psychological
    // Bulletin 76(5), 378-382, Table 1, as the R irr package's `diagnoses` data; kappam.fleiss
    // gives 0.4302445 (statsmodels test_inter_rater.py, test_fleiss_kappa_irr). Counts per
    // patient of depression, personality disorder, schizophrenia, neurosis, other:
    const diagnoses = [
      [0, 0, 0, 6, 0], [0, 3, 0, 0, 3], [0, 1, 4, 0, 1], [0, 0, 0, 0, 6], [0, 3, 0, 3, 0],
      [2, 0, 4, 0, 0], [0, 0, 4, 0, 2], [2, 0, 3, 1, 0], [2, 0, 0, 4, 0], [0, 0, 0, 0, 6],
      [1, 0, 0, 5, 0], [1, 1, 0, 4, 0], [0, 3, 3, 0, 0], [1, 0, 0, 5, 0], [0, 2, 0, 3, 1],
      [0, 0, 5, 0, 1], [3, 0, 0, 1, 2], [5, 1, 0, 0, 0], [0, 2, 0, 4, 0], [1, 0, 2, 0, 3],
      [0, 0, 0, 0, 6], [0, 1, 0, 5, 0], [0, 2, 0, 1, 3], [2, 0, 0, 4, 0], [1, 0, 0, 4, 1],
      [0, 5, 0, 1, 0], [4, 0, 0, 0, 2], [0, 2, 0, 4, 0], [1, 0, 5, 0, 0], [0, 0, 0, 0, 6],
    ]; // prettier-ignore
    expect(fleissKappa(diagnoses)).toBeCloseTo(0.4302445, 7);
    expect(fleissKappa(diagnoses)).toBeCloseTo(5437 / 12637, 12);
  });

  it('perfect agreement -> 1; yes / no / N/A as three categories (hand-computed)', () => {
    expect(
      fleissKappa([
        [3, 0, 0],
        [0, 3, 0],
        [0, 0, 3],
      ]),
    ).toBe(1);
    // Three raters, four items: (yes yes yes), (yes yes no), (na na yes), (no no no).
    // P_i = 1, 1/3, 1/3, 1: P = 8/12 = 2/3. Shares: yes 6/12, no 4/12, na 2/12:
    // P_e = (36 + 16 + 4) / 144 = 7/18. kappa = (2/3 - 7/18) / (11/18) = 5/11.
    expect(
      fleissKappa([
        [3, 0, 0],
        [2, 1, 0],
        [1, 0, 2],
        [0, 3, 0],
      ]),
    ).toBeCloseTo(5 / 11, 12);
  });

  it('undefined (NaN) with no units, or every rating in one category (P_e = 1)', () => {
    expect(fleissKappa([])).toBeNaN();
    expect(
      fleissKappa([
        [0, 4, 0],
        [0, 4, 0],
      ]),
    ).toBeNaN();
  });

  it('throws on rows of unequal sums, fewer than two raters, ragged rows, bad counts', () => {
    expect(() =>
      fleissKappa([
        [2, 1],
        [1, 1],
      ]),
    ).toThrow(/unit 2 was rated by 2 raters, the first unit by 3/);
    expect(() => fleissKappa([[1, 0]])).toThrow(/at least two raters/);
    expect(() => fleissKappa([[0, 0]])).toThrow(/at least two raters/);
    expect(() => fleissKappa([[1, 1], [2]])).toThrow(/unit 2 has 1 categories, the first unit 2/);
    expect(() => fleissKappa([[3, -1]])).toThrow(/count -1/);
    expect(() => fleissKappa([[1.5, 0.5]])).toThrow(/count 1.5/);
  });
});

describe('krippendorffAlpha', () => {
  // Krippendorff, K. (2011), "Computing Krippendorff's Alpha-Reliability" (Annenberg School for
  // Communication, University of Pennsylvania), the example of four observers, twelve units and
  // missing values, with alpha .743 nominal, .815 ordinal, .849 interval, .797 ratio. The same
  // figures are in the reference implementations' tests: tidycomm (joon-e/tidycomm,
  // tests/testthat/test-icr.R, "Krippendorff's Alpha returns correct result with numeric data")
  // and the python krippendorff package (pln-fing-udelar/fast-krippendorff,
  // tests/test_krippendorff.py, test_ordinal_metric and test_ratio_metric). Exact values from
  // the independent recomputation: 113/152, 108577/133160, 951/1120, 18222619/22852465.
  const k2011 = [
    [1, 2, 3, 3, 2, 1, 4, 1, 2, null, null, null],
    [1, 2, 3, 3, 2, 2, 4, 1, 2, 5, null, 3],
    [null, 3, 3, 3, 2, 3, 4, 2, 2, 5, 1, null],
    [1, 2, 3, 3, 2, 4, 4, 1, 2, 5, 1, null],
  ];

  it('Krippendorff (2011), 4 observers x 12 units with missing values: nominal .743', () => {
    // Unit 12 has one answer (3): not pairable, left out; n = 40 pairable values, totals
    // 1: 9, 2: 13, 3: 10, 4: 5, 5: 3 (sum of squares 384). Off-diagonal coincidences: unit 2
    // (2 2 3 2) 6 ordered pairs / (4 - 1) = 2, unit 6 (1 2 3 4) 12 / 3 = 4, unit 8 (1 1 2 1)
    // 2: 8 in all. alpha = 1 - (n - 1) * 8 / (n^2 - 384) = 1 - 312 / 1216 = 113/152 = 0.7434.
    expect(krippendorffAlpha(k2011, 'nominal')).toBeCloseTo(0.743, 3);
    expect(krippendorffAlpha(k2011, 'nominal')).toBeCloseTo(113 / 152, 12);
  });

  it('Krippendorff (2011): ordinal .815, interval .849, ratio .797', () => {
    expect(krippendorffAlpha(k2011, 'ordinal')).toBeCloseTo(0.815, 3);
    expect(krippendorffAlpha(k2011, 'ordinal')).toBeCloseTo(108577 / 133160, 12);
    expect(krippendorffAlpha(k2011, 'interval')).toBeCloseTo(0.849, 3);
    expect(krippendorffAlpha(k2011, 'interval')).toBeCloseTo(951 / 1120, 12);
    expect(krippendorffAlpha(k2011, 'ratio')).toBeCloseTo(0.797, 3);
    expect(krippendorffAlpha(k2011, 'ratio')).toBeCloseTo(18222619 / 22852465, 12);
  });

  it("the same data as strings: nominal gives .743 (tidycomm: 'nominal string data'); ordinal refuses them", () => {
    const words = ['one', 'two', 'three', 'four', 'five'];
    const asWords = k2011.map((row) => row.map((v) => (v === null ? null : words[v - 1]!)));
    expect(krippendorffAlpha(asWords, 'nominal')).toBeCloseTo(113 / 152, 12);
    expect(() => krippendorffAlpha(asWords, 'ordinal')).toThrow(
      /"one" is not a number: the ordinal level needs numbers/,
    );
    expect(() => krippendorffAlpha(asWords, 'interval')).toThrow(/interval level needs numbers/);
  });

  // Wikipedia, "Krippendorff's alpha", "A computational example": 3 coders, 15 units; alpha
  // nominal 0.691, interval 0.811 (python krippendorff: test_nominal_metric_reliability_data
  // 0.691358 and test_interval_metric 0.810845). Exact: 56/81 and 643/793.
  const wikipedia = [
    [null, null, null, null, null, 3, 4, 1, 2, 1, 1, 3, 3, null, 3],
    [1, null, 2, 1, 3, 3, 4, 3, null, null, null, null, null, null, null],
    [null, null, 2, 1, 3, 4, 4, null, 2, 1, 1, 3, 3, null, 4],
  ];

  it("Wikipedia's computational example: nominal 0.691358, interval 0.810845", () => {
    expect(krippendorffAlpha(wikipedia, 'nominal')).toBeCloseTo(0.691358, 6);
    expect(krippendorffAlpha(wikipedia, 'nominal')).toBeCloseTo(56 / 81, 12);
    expect(krippendorffAlpha(wikipedia, 'interval')).toBeCloseTo(0.810845, 6);
    expect(krippendorffAlpha(wikipedia, 'interval')).toBeCloseTo(643 / 793, 12);
  });

  it('a unit with a single answer, or none, is left out: the same alpha without it', () => {
    // Units 1 (only coder B), 2 and 14 (nobody) of the Wikipedia example are not pairable.
    const pairable = wikipedia.map((row) => row.filter((_, u) => u !== 0 && u !== 1 && u !== 13));
    expect(krippendorffAlpha(pairable, 'nominal')).toBeCloseTo(56 / 81, 12);
    expect(krippendorffAlpha(pairable, 'interval')).toBeCloseTo(643 / 793, 12);
  });

  it('python krippendorff test_string_labels_nominal -> 0.722222; test_ratio_metric_with_zeros -> 1', () => {
    const labels = [
      ['pos', 'neg', 'neu', null],
      ['pos', 'neg', 'neu', 'pos'],
      ['pos', 'neg', 'pos', 'pos'],
    ];
    expect(krippendorffAlpha(labels, 'nominal')).toBeCloseTo(0.722222, 6);
    expect(krippendorffAlpha(labels, 'nominal')).toBeCloseTo(13 / 18, 12);
    expect(
      krippendorffAlpha(
        [
          [0, 1, 2],
          [0, 1, 2],
        ],
        'ratio',
      ),
    ).toBe(1);
  });

  it('perfect agreement -> 1 at every level (python krippendorff test_perfect_agreement)', () => {
    const data = [
      [1, 2, 3, 4],
      [1, 2, 3, 4],
      [1, 2, 3, 4],
    ];
    for (const level of ['nominal', 'ordinal', 'interval', 'ratio'] as const)
      expect(krippendorffAlpha(data, level)).toBe(1);
  });

  it('N/A is a category; one disagreement among mostly "yes" gives alpha 0 (hand-computed)', () => {
    // Columns are units: (yes yes yes), (yes yes yes), (yes no yes). n = 9: yes 8, no 1. The
    // split unit (m = 3) adds 1/2 for each of the 2 ordered (yes, no) pairs: o_yes,no = o_no,yes
    // = 1. alpha = 1 - (n - 1) (o_yes,no + o_no,yes) / (2 n_yes n_no) = 1 - 8 * 2 / 16 = 0,
    // although 7 of 9 pairs agree: the prevalence paradox (README).
    const mostlyYes = [
      ['yes', 'yes', 'yes'],
      ['yes', 'yes', 'no'],
      ['yes', 'yes', 'yes'],
    ];
    expect(krippendorffAlpha(mostlyYes, 'nominal')).toBeCloseTo(0, 12);
    expect(
      pairwiseAgreement([
        ['yes', 'yes', 'yes'],
        ['yes', 'yes', 'yes'],
        ['yes', 'no', 'yes'],
      ]),
    ).toBeCloseTo(7 / 9, 12);
    // With N/A: units (na na), (yes yes), (yes na). n = 6: na 3, yes 3; o_na,yes = o_yes,na = 1.
    // alpha = 1 - 5 * 2 / (2 * 3 * 3) = 4/9.
    expect(
      krippendorffAlpha(
        [
          ['na', 'yes', 'yes'],
          ['na', 'yes', 'na'],
        ],
        'nominal',
      ),
    ).toBeCloseTo(4 / 9, 12);
  });

  it('undefined (NaN) when no unit has two answers or every answer is one value', () => {
    // python krippendorff test_error_insufficient_coders_per_unit / test_error_single_value_in_domain
    // (that package throws; here the figure is undefined and the UI says why).
    expect(
      krippendorffAlpha(
        [
          [1, null],
          [null, 2],
        ],
        'nominal',
      ),
    ).toBeNaN();
    expect(
      krippendorffAlpha(
        [
          [1, 1],
          [1, 1],
        ],
        'interval',
      ),
    ).toBeNaN();
    expect(
      krippendorffAlpha(
        [
          ['yes', 'yes', null],
          ['yes', 'yes', 'no'],
        ],
        'nominal',
      ),
    ).toBeNaN();
    expect(krippendorffAlpha([], 'nominal')).toBeNaN();
    expect(krippendorffAlpha([['yes', 'no']], 'nominal')).toBeNaN();
  });

  it('throws on ragged rows, negative ratio values, an unknown level, non-categories', () => {
    expect(() => krippendorffAlpha([[1, 2], [1]], 'nominal')).toThrow(
      /rater 2 has 1 units, the first rater 2/,
    );
    expect(() =>
      krippendorffAlpha(
        [
          [1, -2],
          [1, 2],
        ],
        'ratio',
      ),
    ).toThrow(/-2 is below 0/);
    expect(() => krippendorffAlpha([[1]], 'circular' as 'nominal')).toThrow(/not "circular"/);
    expect(() => krippendorffAlpha([[1, Infinity]], 'interval')).toThrow(
      /Infinity is not a category/,
    );
  });
});

describe('pairwiseAgreement (percent agreement)', () => {
  it('agreeing pairs over all pairs, pooled over units; nulls left out (hand-computed)', () => {
    // Unit 1: yes yes no -> 3 pairs, 1 agreeing. Unit 2: na na -> 1 pair, 1 agreeing. Unit 3:
    // one answer -> no pair. Unit 4: yes yes yes (a null left out) -> 3 pairs, 3 agreeing.
    // (1 + 1 + 3) / (3 + 1 + 3) = 5/7.
    expect(
      pairwiseAgreement([
        ['yes', 'yes', 'no'],
        ['na', 'na'],
        ['yes', null],
        ['yes', null, 'yes', 'yes'],
      ]),
    ).toBeCloseTo(5 / 7, 12);
  });

  it("with two raters it is Cohen's observed agreement p_o", () => {
    const [a, b] = fromTable(
      ['yes', 'no'],
      [
        [20, 5],
        [10, 15],
      ],
    );
    expect(pairwiseAgreement(a.map((v, i) => [v, b[i]!]))).toBeCloseTo(0.7, 12);
  });

  it('NaN with no pair; throws on a non-category', () => {
    expect(pairwiseAgreement([])).toBeNaN();
    expect(pairwiseAgreement([['yes'], [null, 'no'], []])).toBeNaN();
    expect(() => pairwiseAgreement([[true as unknown as Category, 'yes']])).toThrow(
      /true is not a category/,
    );
  });
});
