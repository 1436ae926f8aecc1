import type { TFunction } from 'i18next';
import {
  HARMFUL_CATEGORIES,
  GOOD_CATEGORIES,
  LANGUAGE_CATEGORIES,
  summarize,
  type LanguageCategory,
  type TextFinding,
} from '@sidecoach/shared';

const ANALYZER_CATEGORIES = new Set<string>(LANGUAGE_CATEGORIES);
/** Whether a finding is the analyzer's, so has its strings (a plugged-in check may name others). */
export const isLanguageCategory = (category: string): category is LanguageCategory =>
  ANALYZER_CATEGORIES.has(category);

/** A stretch of the text and the tone it is marked with (harmful wins where findings overlap). */
export interface Segment {
  text: string;
  tone: 'harmful' | 'good' | null;
}

/** The text cut at every finding's edges, each piece marked with the findings over it. */
export function segments(text: string, findings: readonly TextFinding[]): Segment[] {
  const valid = findings.filter((f) => f.start < f.end && f.end <= text.length);
  const cuts = [...new Set([0, text.length, ...valid.flatMap((f) => [f.start, f.end])])].sort(
    (a, b) => a - b,
  );
  const out: Segment[] = [];
  for (let i = 0; i + 1 < cuts.length; i++) {
    const [from, to] = [cuts[i]!, cuts[i + 1]!];
    const over = valid.filter((f) => f.start <= from && f.end >= to);
    const tone = over.some((f) => f.tone === 'harmful')
      ? 'harmful'
      : over.length > 0
        ? 'good'
        : null;
    const last = out.at(-1);
    if (last && last.tone === tone && tone === null) last.text += text.slice(from, to);
    else out.push({ text: text.slice(from, to), tone });
  }
  return out;
}

/**
 * The line shown before sending: harmful patterns first, then the good ones, each counted with
 * its plural ("1 “but”, 1 command; 1 next-time action"). Empty when nothing was found.
 */
export function summaryLine(t: TFunction, findings: readonly TextFinding[]): string {
  const counts = summarize(findings);
  const count = (category: LanguageCategory) => counts[category] ?? 0;
  const group = (categories: readonly LanguageCategory[]) =>
    categories
      .filter((c) => count(c) > 0)
      .map((c) => t(`languageCoach.count.${c}`, { count: count(c) }))
      .join(t('languageCoach.listSeparator'));
  return [group(HARMFUL_CATEGORIES), group(GOOD_CATEGORIES)]
    .filter(Boolean)
    .join(t('languageCoach.groupSeparator'));
}
