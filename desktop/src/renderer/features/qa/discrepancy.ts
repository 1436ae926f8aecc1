import {
  compareItem,
  EMPTY_TALLY,
  scorecardFor,
  type Answer,
  type Finding,
  type StandardsPack,
  type Tally,
} from '@sidecoach/shared';

// The agent's self-assessment beside the evaluator's answers, item by item, over the evaluated
// calls (DOMAIN.md, "Self-assessment": the value is the discrepancy). Paired by call: only calls
// the agent assessed count, and N/A on either side leaves the item out for that call. Whether a
// difference is worth a conversation is the reflection's rule (compareItem), not a new one.

export interface AssessedCall {
  callType: string;
  /** The agent's own answers (the self-assessment of the call). */
  self: Readonly<Record<string, Answer>>;
  /** The evaluator's answers (the evaluation's current version). */
  evaluation: Readonly<Record<string, Answer>>;
}

export interface ItemDiscrepancy {
  itemId: string;
  self: Tally;
  qa: Tally;
  /** Calls where the agent said yes and the evaluator no. */
  selfHigher: number;
  /** Calls where the agent said no and the evaluator yes. */
  selfLower: number;
  finding: Finding | null;
}

const add = (t: Tally, answer: Answer): Tally =>
  answer === 'yes' ? { ...t, positive: t.positive + 1 } : { ...t, negative: t.negative + 1 };

/** Per scorecard item (the pack's order), the paired answers of the calls given. */
export function discrepancies(
  pack: StandardsPack,
  calls: readonly AssessedCall[],
): ItemDiscrepancy[] {
  const rows = new Map<string, ItemDiscrepancy>();
  const order = pack.areas.flatMap((a) => a.items.map((i) => i.id));
  for (const call of calls) {
    for (const { item } of scorecardFor(pack, call.callType)) {
      if (item.bonus) continue;
      const self = call.self[item.id];
      const qa = call.evaluation[item.id];
      if (!self || !qa || self === 'na' || qa === 'na') continue;
      const row = rows.get(item.id) ?? {
        itemId: item.id,
        self: EMPTY_TALLY,
        qa: EMPTY_TALLY,
        selfHigher: 0,
        selfLower: 0,
        finding: null,
      };
      rows.set(item.id, {
        ...row,
        self: add(row.self, self),
        qa: add(row.qa, qa),
        selfHigher: row.selfHigher + (self === 'yes' && qa === 'no' ? 1 : 0),
        selfLower: row.selfLower + (self === 'no' && qa === 'yes' ? 1 : 0),
      });
    }
  }
  return order.flatMap((id) => {
    const row = rows.get(id);
    if (!row) return [];
    const { finding } = compareItem({ self: row.self, observed: EMPTY_TALLY, qa: row.qa });
    return [{ ...row, finding }];
  });
}
