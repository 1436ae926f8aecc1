import { z } from 'zod';

/** The five areas every standards pack is grouped in (see DOMAIN.md, "Performance standards"). */
export const STANDARD_AREAS = [
  'environment',
  'process',
  'knowledge',
  'behaviour',
  'values',
] as const;
export type StandardArea = (typeof STANDARD_AREAS)[number];

const slug = z
  .string()
  .regex(/^[a-z0-9][a-z0-9-]{0,63}$/, 'must be lower-case letters, digits and dashes (max 64)');

/** Text in several UI languages, keyed by BCP 47 tag; English is required as the fallback. */
export const LocalizedTextSchema = z
  .record(z.string().min(2).max(10), z.string().min(1).max(500))
  .refine((t) => typeof t.en === 'string', { message: 'needs an "en" text' });
/** Text in several UI languages; `en` is always present. */
export type LocalizedText = z.infer<typeof LocalizedTextSchema>;

export const CallTypeSchema = z.strictObject({ id: slug, name: LocalizedTextSchema });
/** A kind of contact (booking, complaint...); items can apply to some call types only. */
export type CallType = z.infer<typeof CallTypeSchema>;

export const StandardItemSchema = z.strictObject({
  id: slug,
  text: LocalizedTextSchema,
  /** Relative weight in the scorecard score. */
  weight: z.number().positive().max(100).default(1),
  /** A "no" on a critical item fails the whole call. */
  critical: z.boolean().default(false),
  /** Call types the item applies to; absent means every call type. */
  callTypes: z.array(slug).min(1).optional(),
  /** Whether the item is on the scorecard (self-assessment, QA) or only on the checklist. */
  scorecard: z.boolean().default(true),
  // The scorecard settings below are optional so that a pack written before them keeps its
  // stored definition byte for byte; absent means the default named on each.
  /** What a "no" on a critical item fails: the whole call (default) or only its section. */
  criticalScope: z.enum(['call', 'section']).optional(),
  /** Whether "not assessable" may be answered (default true). */
  naAllowed: z.boolean().optional(),
  /** A bonus item: a "yes" adds its weight in points above the base score (default false). */
  bonus: z.boolean().optional(),
  /** A "no" needs a comment from the evaluator (default false). */
  commentOnNo: z.boolean().optional(),
  /** Shown (and scored) only when an earlier item got one of these answers. */
  showWhen: z
    .strictObject({ item: slug, answers: z.array(z.enum(['yes', 'no', 'na'])).min(1) })
    .optional(),
});
/** One trainable, factual standard ("Greets with name and company"). */
export type StandardItem = z.infer<typeof StandardItemSchema>;

export const StandardAreaSchema = z.strictObject({
  id: z.enum(STANDARD_AREAS),
  items: z.array(StandardItemSchema).min(1),
});
export type StandardAreaItems = z.infer<typeof StandardAreaSchema>;

export const StandardsPackSchema = z
  .strictObject({
    id: slug,
    name: LocalizedTextSchema,
    /** Bumped on every change; results are always read against the version they were scored with. */
    version: z.number().int().positive(),
    callTypes: z.array(CallTypeSchema).min(1),
    areas: z.array(StandardAreaSchema).min(1),
    /** The most points bonus items may add to a score (default 10). */
    bonusCap: z.number().min(0).max(100).optional(),
  })
  .superRefine((pack, ctx) => {
    const callTypeIds = new Set<string>();
    pack.callTypes.forEach((ct, i) => {
      if (callTypeIds.has(ct.id))
        ctx.addIssue({
          code: 'custom',
          path: ['callTypes', i, 'id'],
          message: `duplicate call type "${ct.id}"`,
        });
      callTypeIds.add(ct.id);
    });
    const areaIds = new Set<string>();
    const itemIds = new Set<string>();
    pack.areas.forEach((area, a) => {
      if (areaIds.has(area.id))
        ctx.addIssue({
          code: 'custom',
          path: ['areas', a, 'id'],
          message: `area "${area.id}" appears twice`,
        });
      areaIds.add(area.id);
      area.items.forEach((item, i) => {
        if (itemIds.has(item.id))
          ctx.addIssue({
            code: 'custom',
            path: ['areas', a, 'items', i, 'id'],
            message: `duplicate item "${item.id}"`,
          });
        if (item.bonus && item.critical)
          ctx.addIssue({
            code: 'custom',
            path: ['areas', a, 'items', i, 'critical'],
            message: `bonus item "${item.id}" cannot be critical`,
          });
        if (item.showWhen && !itemIds.has(item.showWhen.item))
          ctx.addIssue({
            code: 'custom',
            path: ['areas', a, 'items', i, 'showWhen', 'item'],
            message: `"${item.id}" can depend only on an item before it, not "${item.showWhen.item}"`,
          });
        itemIds.add(item.id);
        item.callTypes?.forEach((ct, c) => {
          if (!callTypeIds.has(ct))
            ctx.addIssue({
              code: 'custom',
              path: ['areas', a, 'items', i, 'callTypes', c],
              message: `unknown call type "${ct}"`,
            });
        });
      });
    });
  });
/** A versioned standards pack: call types and items grouped by the five areas. */
export type StandardsPack = z.infer<typeof StandardsPackSchema>;

/** Whether an item applies to a call type. */
export function appliesTo(item: StandardItem, callTypeId: string): boolean {
  return item.callTypes === undefined || item.callTypes.includes(callTypeId);
}

/** The checklist for a call type: the pack's areas in canonical order, each with its applicable items. */
export function checklistFor(pack: StandardsPack, callTypeId: string): StandardAreaItems[] {
  return STANDARD_AREAS.flatMap((areaId) => {
    const area = pack.areas.find((a) => a.id === areaId);
    const items = area?.items.filter((item) => appliesTo(item, callTypeId)) ?? [];
    return items.length > 0 ? [{ id: areaId, items }] : [];
  });
}

/** The scorecard items (self-assessment, QA) for a call type, in checklist order. */
export function scorecardItemsFor(pack: StandardsPack, callTypeId: string): StandardItem[] {
  return checklistFor(pack, callTypeId).flatMap((area) => area.items.filter((i) => i.scorecard));
}

/** Every item of the pack, whatever the call type. */
export function allItems(pack: StandardsPack): StandardItem[] {
  return pack.areas.flatMap((a) => a.items);
}

/** Picks the text for a language: exact tag, then its base language, then English. */
export function localize(text: LocalizedText, lang: string): string {
  const base = lang.split('-')[0] ?? lang;
  return text[lang] ?? text[base] ?? text.en ?? Object.values(text)[0] ?? '';
}
