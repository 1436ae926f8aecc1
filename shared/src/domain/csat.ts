// CSAT on its own (apart from the KPI module: the sidebar's survey views load it with the first
// screen, and the KPI module brings the KPI schemas with it).

const ratio = (numerator: number, denominator: number): number | null =>
  denominator > 0 ? numerator / denominator : null;

const validAnswers = (answers: readonly number[]) =>
  answers.filter((a) => Number.isInteger(a) && a >= 1 && a <= 5);

/** CSAT: the share of 4 and 5 answers on the 1-5 scale (top-2-box); null when none. */
export function csatShare(answers: readonly number[]): number | null {
  const valid = validAnswers(answers);
  return ratio(valid.filter((a) => a >= 4).length, valid.length);
}

/** The mean of the 1-5 answers (the labelled second figure beside CSAT); null when none. */
export function csatMean(answers: readonly number[]): number | null {
  const valid = validAnswers(answers);
  return ratio(
    valid.reduce((sum, a) => sum + a, 0),
    valid.length,
  );
}
