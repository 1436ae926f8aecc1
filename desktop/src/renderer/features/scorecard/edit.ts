import {
  STANDARD_AREAS,
  type Answer,
  type LocalizedText,
  type StandardArea,
  type StandardItem,
  type StandardsPack,
} from '@sidecoach/shared';

// The scorecard builder's edits of a standards pack, pure: each takes the pack being edited and
// answers a new one (the old one untouched, so the store can compare and undo). The pack may be
// invalid on the way (an empty English text, a weight being typed): the builder checks it with
// shared's StandardsPackSchema and says what to fix. Settings at their default are left out of
// the pack, as a pack written before them has them, so that turning one on and off again leaves
// the pack as it was (and `scorecardChange` sees no change).

/** A section of the scorecard: one of the five areas, with its items (maybe none yet). */
export interface Section {
  area: StandardArea;
  items: StandardItem[];
}

/** The condition on an item: shown only when an earlier item got one of these answers. */
export type ShowWhen = NonNullable<StandardItem['showWhen']>;

/** The five sections in canonical order, each with its items (empty ones too). */
export function sectionsOf(pack: StandardsPack): Section[] {
  return STANDARD_AREAS.map((area) => ({
    area,
    items: pack.areas.find((a) => a.id === area)?.items ?? [],
  }));
}

/** The pack with these sections: in canonical order, a section without items left out. */
function withSections(pack: StandardsPack, sections: readonly Section[]): StandardsPack {
  return {
    ...pack,
    areas: sections.filter((s) => s.items.length > 0).map((s) => ({ id: s.area, items: s.items })),
  };
}

/** Every item in scorecard order (the order `showWhen` is checked in: earlier means above). */
export const itemsInOrder = (pack: StandardsPack): StandardItem[] =>
  sectionsOf(pack).flatMap((s) => s.items);

export function findItem(
  pack: StandardsPack,
  id: string,
): { area: StandardArea; index: number; item: StandardItem } | null {
  for (const section of sectionsOf(pack)) {
    const index = section.items.findIndex((i) => i.id === id);
    const item = section.items[index];
    if (item) return { area: section.area, index, item };
  }
  return null;
}

/** The items above `id` in scorecard order: those its condition may name. */
export function earlierItems(pack: StandardsPack, id: string): StandardItem[] {
  const all = itemsInOrder(pack);
  const at = all.findIndex((i) => i.id === id);
  return at < 0 ? all : all.slice(0, at);
}

const SLUG_MAX = 64;
/** An id as the pack's schema wants it: lower-case letters, digits and dashes. */
export const SLUG = /^[a-z0-9][a-z0-9-]{0,63}$/;

/**
 * A new id from a text ("Offers a callback" in process: `proc-offers-a-callback`), unique among
 * `taken`: accents dropped, anything else not a letter or digit a dash, a number added when
 * taken. A text with no Latin letter (Chinese) gives the prefix alone, numbered.
 */
export function newId(text: string, prefix: string, taken: ReadonlySet<string>): string {
  const words = text
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  // Long texts are cut after a whole word, at most 40 characters.
  const short =
    words.length <= 40 ? words : words.slice(0, 41).replace(/-[^-]*$/, '') || words.slice(0, 40);
  const base =
    [prefix, short]
      .filter(Boolean)
      .join('-')
      .slice(0, SLUG_MAX - 4) || 'item';
  if (!taken.has(base)) return base;
  for (let n = 2; n < 10_000; n++) if (!taken.has(`${base}-${n}`)) return `${base}-${n}`;
  return `${base}-${taken.size + 1}`;
}

/** Item ids start with their area's short name, as in the default pack (`proc-greeting`). */
export const AREA_PREFIX: Record<StandardArea, string> = {
  environment: 'env',
  process: 'proc',
  knowledge: 'know',
  behaviour: 'beh',
  values: 'val',
};

const itemIds = (pack: StandardsPack) => new Set(itemsInOrder(pack).map((i) => i.id));

/**
 * A text with one language set: an empty text in another language than English is removed (it
 * falls back to English); an empty English text stays, for the check to name it.
 */
export function withText(text: LocalizedText, lang: string, value: string): LocalizedText {
  const next = { ...text, [lang]: value };
  if (value === '' && lang !== 'en') delete next[lang];
  return next;
}

// ---- call types ----

export function addCallType(
  pack: StandardsPack,
  nameEn: string,
): { pack: StandardsPack; id: string } {
  const id = newId(nameEn, '', new Set(pack.callTypes.map((c) => c.id)));
  return { pack: { ...pack, callTypes: [...pack.callTypes, { id, name: { en: nameEn } }] }, id };
}

export function setCallTypeName(
  pack: StandardsPack,
  id: string,
  lang: string,
  value: string,
): StandardsPack {
  return {
    ...pack,
    callTypes: pack.callTypes.map((c) =>
      c.id === id ? { ...c, name: withText(c.name, lang, value) } : c,
    ),
  };
}

const mapItems = (pack: StandardsPack, f: (item: StandardItem) => StandardItem): StandardsPack => ({
  ...pack,
  areas: pack.areas.map((a) => ({ ...a, items: a.items.map(f) })),
});

/** A call type's id changed (a new one, before it is published): the items naming it follow. */
export function setCallTypeId(pack: StandardsPack, from: string, to: string): StandardsPack {
  const renamed = mapItems(pack, (item) =>
    item.callTypes?.includes(from)
      ? { ...item, callTypes: item.callTypes.map((c) => (c === from ? to : c)) }
      : item,
  );
  return {
    ...renamed,
    callTypes: pack.callTypes.map((c) => (c.id === from ? { ...c, id: to } : c)),
  };
}

/**
 * A call type taken out (one added by mistake): items that named it no longer do. An item left
 * naming none keeps its empty list, which the check refuses (rather than quietly applying it to
 * every call type).
 */
export function removeCallType(pack: StandardsPack, id: string): StandardsPack {
  const cleaned = mapItems(pack, (item) =>
    item.callTypes?.includes(id)
      ? { ...item, callTypes: item.callTypes.filter((c) => c !== id) }
      : item,
  );
  return { ...cleaned, callTypes: pack.callTypes.filter((c) => c.id !== id) };
}

// ---- items ----

/** A new item at the end of its section, on the scorecard, weight 1, for every call type. */
export function addItem(
  pack: StandardsPack,
  area: StandardArea,
  textEn: string,
): { pack: StandardsPack; id: string } {
  const id = newId(textEn, AREA_PREFIX[area], itemIds(pack));
  const item: StandardItem = {
    id,
    text: { en: textEn },
    weight: 1,
    critical: false,
    scorecard: true,
  };
  const sections = sectionsOf(pack).map((s) =>
    s.area === area ? { ...s, items: [...s.items, item] } : s,
  );
  return { pack: withSections(pack, sections), id };
}

/**
 * An item taken out. Items shown only on its answer lose that condition (they are shown always):
 * their ids are answered so the builder can say so.
 */
export function removeItem(
  pack: StandardsPack,
  id: string,
): { pack: StandardsPack; released: string[] } {
  const released: string[] = [];
  const sections = sectionsOf(pack).map((s) => ({
    ...s,
    items: s.items
      .filter((i) => i.id !== id)
      .map((i) => {
        if (i.showWhen?.item !== id) return i;
        released.push(i.id);
        const shownAlways = { ...i };
        delete shownAlways.showWhen;
        return shownAlways;
      }),
  }));
  return { pack: withSections(pack, sections), released };
}

/** An item one place up (-1) or down (+1) in its section; at either end it stays. */
export function moveItem(pack: StandardsPack, id: string, delta: -1 | 1): StandardsPack {
  const found = findItem(pack, id);
  if (!found) return pack;
  const to = found.index + delta;
  const sections = sectionsOf(pack).map((s) => {
    if (s.area !== found.area || to < 0 || to >= s.items.length) return s;
    const items = [...s.items];
    items.splice(found.index, 1);
    items.splice(to, 0, found.item);
    return { ...s, items };
  });
  return withSections(pack, sections);
}

/** An item moved to the end of another section (the section is added when it had none). */
export function moveItemToArea(pack: StandardsPack, id: string, area: StandardArea): StandardsPack {
  const found = findItem(pack, id);
  if (!found || found.area === area) return pack;
  const sections = sectionsOf(pack).map((s) =>
    s.area === found.area
      ? { ...s, items: s.items.filter((i) => i.id !== id) }
      : s.area === area
        ? { ...s, items: [...s.items, found.item] }
        : s,
  );
  return withSections(pack, sections);
}

const updateItem = (pack: StandardsPack, id: string, f: (item: StandardItem) => StandardItem) =>
  mapItems(pack, (item) => (item.id === id ? f(item) : item));

/** A new item's id changed (before it is published): conditions naming it follow. */
export function setItemId(pack: StandardsPack, from: string, to: string): StandardsPack {
  return mapItems(pack, (item) => {
    const renamed = item.id === from ? { ...item, id: to } : item;
    return renamed.showWhen?.item === from
      ? { ...renamed, showWhen: { ...renamed.showWhen, item: to } }
      : renamed;
  });
}

export function setItemText(
  pack: StandardsPack,
  id: string,
  lang: string,
  value: string,
): StandardsPack {
  return updateItem(pack, id, (item) => ({ ...item, text: withText(item.text, lang, value) }));
}

/** What the builder sets on an item besides its texts (null: back to the default). */
export interface ItemSettings {
  weight?: number;
  critical?: boolean;
  criticalScope?: 'call' | 'section';
  naAllowed?: boolean;
  bonus?: boolean;
  commentOnNo?: boolean;
  /** false: on the checklist only, not on the scorecard. */
  scorecard?: boolean;
  /** null: every call type. */
  callTypes?: string[] | null;
  showWhen?: ShowWhen | null;
}

/** Leaves out the optional settings that are at their default (see the top of this file). */
function normalized(item: StandardItem): StandardItem {
  const { criticalScope, naAllowed, bonus, commentOnNo, callTypes, showWhen, ...rest } = item;
  return {
    ...rest,
    ...(item.critical && criticalScope === 'section' ? { criticalScope } : {}),
    ...(naAllowed === false ? { naAllowed } : {}),
    ...(bonus ? { bonus } : {}),
    ...(commentOnNo ? { commentOnNo } : {}),
    ...(callTypes ? { callTypes } : {}),
    ...(showWhen ? { showWhen } : {}),
  };
}

/**
 * An item's settings changed. A bonus item cannot be critical: making it one takes the other
 * off (the builder says so beside the control).
 */
export function setItemSettings(
  pack: StandardsPack,
  id: string,
  settings: ItemSettings,
): StandardsPack {
  return updateItem(pack, id, (item) => {
    const { callTypes, showWhen, ...plain } = settings;
    const next: StandardItem = { ...item, ...plain };
    if (callTypes !== undefined) next.callTypes = callTypes ?? undefined;
    if (showWhen !== undefined) next.showWhen = showWhen ?? undefined;
    if (settings.bonus) next.critical = false;
    if (settings.critical) next.bonus = false;
    return normalized(next);
  });
}

/** The pack's bonus cap (null: the default). */
export function setBonusCap(pack: StandardsPack, cap: number | null): StandardsPack {
  const next = { ...pack, bonusCap: cap ?? undefined };
  if (cap === null) delete next.bonusCap;
  return next;
}

/** The answers a condition may name, in the order the builder shows them. */
export const CONDITION_ANSWERS: readonly Answer[] = ['yes', 'no', 'na'];
