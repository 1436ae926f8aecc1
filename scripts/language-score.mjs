#!/usr/bin/env node
// Scores the analyzer against the labelled corpus (assets/language/corpus/<lang>.jsonl):
// precision and recall per category and language. A finding is right when it has the labelled
// category and overlaps the labelled words. Exits 1 when a harmful category misses its target
// (precision >= 0.9, recall >= 0.85), so CI can hold the line.
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import {
  analyze,
  COACHING_LANGUAGES,
  HARMFUL_CATEGORIES,
  LANGUAGE_CATEGORIES,
} from '../shared/dist/index.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const { values } = parseArgs({
  options: {
    lang: { type: 'string' },
    /** `heldout`: the notes written apart from the rules, never used to tune them. */
    set: { type: 'string', default: 'main' },
    verbose: { type: 'boolean', default: false },
  },
});
const languages = values.lang ? [values.lang] : COACHING_LANGUAGES;
const TARGET = { precision: 0.9, recall: 0.85 };

/** @param {string} lang */
function score(lang) {
  const dir =
    values.set === 'heldout' ? 'assets/language/corpus/heldout' : 'assets/language/corpus';
  const lines = readFileSync(join(root, dir, `${lang}.jsonl`), 'utf8')
    .split('\n')
    .filter((l) => l.trim());
  /** @type {Record<string, {tp: number, fp: number, fn: number}>} */
  const counts = Object.fromEntries(LANGUAGE_CATEGORIES.map((c) => [c, { tp: 0, fp: 0, fn: 0 }]));
  const mistakes = [];
  for (const line of lines) {
    const { text, expect } = JSON.parse(line);
    const findings = analyze(text, lang, 'en');
    const used = new Set();
    for (const label of expect) {
      const spans = [];
      for (let i = text.indexOf(label.match); i >= 0; i = text.indexOf(label.match, i + 1))
        spans.push([i, i + label.match.length]);
      const hit = findings.findIndex(
        (f, k) =>
          !used.has(k) &&
          f.category === label.category &&
          spans.some(([a, b]) => f.start < b && a < f.end),
      );
      if (hit >= 0) {
        used.add(hit);
        counts[label.category].tp++;
      } else {
        counts[label.category].fn++;
        mistakes.push(`  missed ${label.category} "${label.match}" in: ${text}`);
      }
    }
    findings.forEach((f, k) => {
      if (used.has(k)) return;
      counts[f.category].fp++;
      mistakes.push(`  extra  ${f.category} "${text.slice(f.start, f.end)}" in: ${text}`);
    });
  }
  return { notes: lines.length, counts, mistakes };
}

const ratio = (a, b) => (b === 0 ? 1 : a / b);
let failed = false;
const rows = [];
for (const lang of languages) {
  const { notes, counts, mistakes } = score(lang);
  for (const category of LANGUAGE_CATEGORIES) {
    const { tp, fp, fn } = counts[category];
    const precision = ratio(tp, tp + fp);
    const recall = ratio(tp, tp + fn);
    const harmful = HARMFUL_CATEGORIES.includes(category);
    const ok = !harmful || (precision >= TARGET.precision && recall >= TARGET.recall);
    if (!ok) failed = true;
    rows.push({ lang, notes, category, tp, fp, fn, precision, recall, harmful, ok });
  }
  if (values.verbose && mistakes.length) console.log(`${lang}:\n${mistakes.join('\n')}`);
}
console.log(
  '| language | category | labelled | found right | extra | missed | precision | recall |',
);
console.log('|---|---|---|---|---|---|---|---|');
for (const r of rows) {
  const flag = r.ok ? '' : ' **below target**';
  console.log(
    `| ${r.lang} | ${r.category}${r.harmful ? '' : ' (good)'} | ${r.tp + r.fn} | ${r.tp} | ${r.fp} | ${r.fn} | ${r.precision.toFixed(2)} | ${r.recall.toFixed(2)}${flag} |`,
  );
}
const notes = [...new Set(rows.map((r) => `${r.lang}:${r.notes}`))].join(', ');
console.log(
  `\nnotes per language: ${notes}; target for harmful categories: precision >= ${TARGET.precision}, recall >= ${TARGET.recall}`,
);
process.exit(failed ? 1 : 0);
