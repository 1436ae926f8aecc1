import {
  localize,
  UI_LANGUAGES,
  type MysteryObjective,
  type Programme,
  type ProgrammeSave,
  type StandardItem,
  type StandardsPack,
  type UiLanguage,
} from '@sidecoach/shared';

// The programme form's state (what the quality manager typed) and the programme the hub is
// sent, or every problem of the form, said before anything is sent. Pure, tested without a
// browser; the hub checks it all again.

export interface RatingDraft {
  id: string;
  /** The question in each UI language (English required, the others optional). */
  labels: Record<UiLanguage, string>;
}

export interface ProgrammeDraft {
  name: string;
  objective: MysteryObjective;
  competitor: string;
  /** The scorecard version the questionnaire is built from. */
  packVersion: number;
  /** The items asked, in the pack's order. */
  itemIds: string[];
  ratings: RatingDraft[];
  /** How callers read subjective items, by item id (empty: no definition). */
  definitions: Record<string, string>;
  /** Percent, as typed. */
  target: string;
  active: boolean;
}

export type ProgrammeProblem =
  | { field: 'name' | 'competitor' | 'items' | 'target' | 'tooManyRatings' }
  /** An item asked that follows the answer of one not asked (it would never be in play). */
  | { field: 'dependsOn'; itemId: string; on: string }
  | { field: 'ratingLabel' | 'ratingId' | 'ratingDuplicate'; index: number };

export const MAX_RATINGS = 12;
const RATING_ID = /^[a-z][a-z0-9-]{0,40}$/u;

/** The scorecard items of a pack, in order: what a questionnaire may ask. */
export const questionnaireItems = (pack: StandardsPack): StandardItem[] =>
  pack.areas.flatMap((a) => a.items.filter((i) => i.scorecard));

const emptyLabels = (): Record<UiLanguage, string> =>
  Object.fromEntries(UI_LANGUAGES.map((l) => [l, ''])) as Record<UiLanguage, string>;

export function draftOfProgramme(programme: Programme | null, pack: StandardsPack): ProgrammeDraft {
  if (!programme)
    return {
      name: '',
      objective: 'training',
      competitor: '',
      packVersion: pack.version,
      itemIds: questionnaireItems(pack).map((i) => i.id),
      ratings: [],
      definitions: {},
      target: '85',
      active: true,
    };
  return {
    name: programme.name,
    objective: programme.objective,
    competitor: programme.competitor ?? '',
    packVersion: programme.packVersion,
    itemIds: programme.itemIds,
    ratings: programme.ratings.map((r) => ({ id: r.id, labels: { ...emptyLabels(), ...r.label } })),
    definitions: { ...programme.definitions },
    target: String(programme.target),
    active: programme.active,
  };
}

/** A new, empty rating (its id follows the English label until given). */
export const newRating = (): RatingDraft => ({ id: '', labels: emptyLabels() });

/** An id from an English label ("I felt welcome" → "i-felt-welcome"); `rating-n` when none. */
export function ratingIdFrom(label: string, n: number): string {
  const slug = label
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/gu, '-')
    .replace(/^-+|-+$/gu, '')
    .slice(0, 41)
    .replace(/-+$/u, '');
  return /^[a-z]/u.test(slug) ? slug : `rating-${n}`;
}

/** A number as typed in any UI language ("85", "85.5", Latvian "85,5"); NaN when not one. */
export const typedNumber = (text: string): number => {
  const t = text.trim().replace(',', '.');
  return /^-?\d+(\.\d+)?$/u.test(t) ? Number(t) : NaN;
};

/** The items of the pack that `itemIds` asks and that follow an item it does not ask. */
export function orphanItems(pack: StandardsPack, itemIds: readonly string[]) {
  const asked = new Set(itemIds);
  return questionnaireItems(pack)
    .filter((i) => asked.has(i.id) && i.showWhen && !asked.has(i.showWhen.item))
    .map((i) => ({ itemId: i.id, on: i.showWhen!.item }));
}

export function programmeProblems(draft: ProgrammeDraft, pack: StandardsPack): ProgrammeProblem[] {
  const problems: ProgrammeProblem[] = [];
  if (draft.name.trim() === '') problems.push({ field: 'name' });
  if (draft.objective === 'competitor' && draft.competitor.trim() === '')
    problems.push({ field: 'competitor' });
  const known = new Set(questionnaireItems(pack).map((i) => i.id));
  if (!draft.itemIds.some((id) => known.has(id))) problems.push({ field: 'items' });
  for (const o of orphanItems(pack, draft.itemIds)) problems.push({ field: 'dependsOn', ...o });
  const target = typedNumber(draft.target);
  if (!(target >= 0 && target <= 100)) problems.push({ field: 'target' });
  if (draft.ratings.length > MAX_RATINGS) problems.push({ field: 'tooManyRatings' });
  const ids = draft.ratings.map((r, i) => r.id.trim() || ratingIdFrom(r.labels.en, i + 1));
  draft.ratings.forEach((r, index) => {
    if (r.labels.en.trim() === '') problems.push({ field: 'ratingLabel', index });
    if (!RATING_ID.test(ids[index]!)) problems.push({ field: 'ratingId', index });
    else if (ids.indexOf(ids[index]!) !== index) problems.push({ field: 'ratingDuplicate', index });
  });
  return problems;
}

/** The programme as the hub takes it, or what is wrong with the form. */
export function programmeFromDraft(
  id: string,
  draft: ProgrammeDraft,
  pack: StandardsPack,
): { payload: ProgrammeSave } | { problems: ProgrammeProblem[] } {
  const problems = programmeProblems(draft, pack);
  if (problems.length > 0) return { problems };
  const asked = new Set(draft.itemIds);
  const itemIds = questionnaireItems(pack)
    .map((i) => i.id)
    .filter((i) => asked.has(i));
  const definitions = Object.fromEntries(
    Object.entries(draft.definitions)
      .map(([item, text]) => [item, text.trim()] as const)
      .filter(([item, text]) => asked.has(item) && text !== ''),
  );
  return {
    payload: {
      id,
      name: draft.name.trim(),
      objective: draft.objective,
      competitor: draft.objective === 'competitor' ? draft.competitor.trim() : null,
      packVersion: draft.packVersion,
      itemIds,
      ratings: draft.ratings.map((r, i) => ({
        id: r.id.trim() || ratingIdFrom(r.labels.en, i + 1),
        label: Object.fromEntries(
          Object.entries(r.labels)
            .map(([lang, text]) => [lang, text.trim()] as const)
            .filter(([, text]) => text !== ''),
        ),
      })),
      definitions,
      target: typedNumber(draft.target),
      active: draft.active,
    },
  };
}

/** A rating's question in the UI language (English, else its id, when it has none in it). */
export const ratingLabel = (label: Record<string, string>, id: string, lang: string) =>
  Object.keys(label).length > 0 ? localize(label, lang) : id;
