import { localize, type MysteryEvidence, type StandardsPack } from '@sidecoach/shared';
import { callTypeName } from '../../lib/format.js';
import { itemName } from './format.js';

// Mystery calls as the reflective session shows them (the fourth kind of evidence, beside the
// agent's own answers, observations, QA and surveys): what a trained caller found on a call of
// the agent's, once its wave's results are released. Pure, so it is tested without a browser.

type MysteryCall = MysteryEvidence['calls'][number];

export interface MysteryCallLines {
  key: string;
  /** The call's start (ISO) and its call type in the UI language. */
  calledAt: string;
  callType: string;
  waveName: string;
  /** The score (percent) when the viewer may see numbers and the hub sent one. */
  score: number | null;
  missed: Array<{ itemId: string; name: string; comment: string }>;
  praised: Array<{ itemId: string; name: string; comment: string }>;
  /** The ratings (1-5) by their question in the UI language (its id when the hub sent none). */
  ratings: Array<{ id: string; label: string; value: number }>;
  impression: string;
}

/** One mystery call's evidence in the UI language; no number for who may not see numbers. */
export function mysteryCallLines(
  call: MysteryCall,
  pack: StandardsPack | null,
  lang: string,
  numbers: boolean,
): MysteryCallLines {
  const said = (x: { itemId: string; comment: string }) => ({
    itemId: x.itemId,
    name: itemName(pack, x.itemId, lang),
    comment: x.comment,
  });
  return {
    key: `${call.calledAt}:${call.callId ?? ''}`,
    calledAt: call.calledAt,
    callType: callTypeName(pack, call.callType, lang),
    waveName: call.waveName,
    score: numbers && typeof call.score === 'number' ? call.score : null,
    missed: call.missed.map(said),
    praised: call.praised.map(said),
    ratings: Object.entries(call.ratings).map(([id, value]) => {
      const label = call.ratingLabels?.[id];
      return { id, label: label ? localize(label, lang) : id, value };
    }),
    impression: call.impression,
  };
}
