#!/usr/bin/env node
// How far two people labelling the same coaching notes agree, per language and category: the
// ceiling any analyzer's precision and recall can be measured against. Aggregate figures only,
// never a note (the sets compared are usually held out).
//
//   node scripts/language-agreement.mjs --a assets/language/corpus/fresh4/heldout \
//     --b /path/to/second-labeller/fresh4
//
// Both folders hold {en,zh-CN,zh-TW,lv}.jsonl with the same notes in the same order (`text`
// equal line by line) and the corpus format's `expect` lists. Per category:
// - labels: how many labels each labeller gave;
// - agreed: labels both gave (same category, overlapping words, each label counted once);
// - F1: 2 x agreed / (labels of A + labels of B), the share of labels the two share;
// - kappa: Cohen's kappa on "the note has this category or not", corrected for chance.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';

const LANGS = ['en', 'zh-CN', 'zh-TW', 'lv'];
const CATEGORIES = [
  'but',
  'command',
  'if-i-were-you',
  'presupposing-why',
  'generic-praise',
  'reflective-question',
  'specific-praise',
  'next-time',
];

const { values } = parseArgs({ options: { a: { type: 'string' }, b: { type: 'string' } } });
if (!values.a || !values.b) {
  console.error('usage: language-agreement.mjs --a DIR --b DIR');
  process.exit(2);
}

/** @param {string} file */
const read = (file) =>
  readFileSync(file, 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l));

/** Every [start, end) where `match` occurs in `text`. */
function spans(text, match) {
  const out = [];
  for (let i = text.indexOf(match); i >= 0; i = text.indexOf(match, i + 1))
    out.push([i, i + match.length]);
  return out;
}
const overlaps = (x, y) => x.some(([a, b]) => y.some(([c, d]) => a < d && c < b));

/** Labels both gave: same category and overlapping words, each label used once. */
function agreed(text, left, right) {
  const used = new Set();
  let n = 0;
  for (const l of left) {
    const ls = spans(text, l.match);
    const j = right.findIndex(
      (r, k) => !used.has(k) && r.category === l.category && overlaps(ls, spans(text, r.match)),
    );
    if (j >= 0) {
      used.add(j);
      n++;
    }
  }
  return n;
}

function kappa(pairs) {
  const n = pairs.length;
  if (n === 0) return NaN;
  const po = pairs.filter(([x, y]) => x === y).length / n;
  const pa = pairs.filter(([x]) => x).length / n;
  const pb = pairs.filter(([, y]) => y).length / n;
  const pe = pa * pb + (1 - pa) * (1 - pb);
  return pe === 1 ? 1 : (po - pe) / (1 - pe);
}

const fmt = (x) => (Number.isNaN(x) ? '–' : x.toFixed(2));
console.log(`agreement between ${values.a} (A) and ${values.b} (B)\n`);
console.log('| language | category | labels A | labels B | agreed | F1 | kappa (per note) |');
console.log('|---|---|---|---|---|---|---|');
for (const lang of LANGS) {
  const fa = join(values.a, `${lang}.jsonl`);
  const fb = join(values.b, `${lang}.jsonl`);
  if (!existsSync(fa) || !existsSync(fb)) continue;
  const a = read(fa);
  const b = read(fb);
  if (a.length !== b.length || a.some((note, i) => note.text !== b[i].text)) {
    console.error(`${lang}: the two files do not hold the same notes in the same order`);
    process.exit(1);
  }
  for (const category of CATEGORIES) {
    let la = 0;
    let lb = 0;
    let both = 0;
    const pairs = [];
    a.forEach((note, i) => {
      const left = note.expect.filter((e) => e.category === category);
      const right = b[i].expect.filter((e) => e.category === category);
      la += left.length;
      lb += right.length;
      both += agreed(note.text, left, right);
      pairs.push([left.length > 0, right.length > 0]);
    });
    if (la + lb === 0) continue;
    console.log(
      `| ${lang} | ${category} | ${la} | ${lb} | ${both} | ${fmt((2 * both) / (la + lb))} | ${fmt(kappa(pairs))} |`,
    );
  }
}
