#!/usr/bin/env node
// Reads coaching notes, one per line, on stdin and prints one JSON line of findings per note:
//   npm run language-check -- --lang zh-CN < notes.txt
import { createInterface } from 'node:readline';
import { parseArgs } from 'node:util';
import { analyze, coachingLanguageOf, COACHING_LANGUAGES } from '../shared/dist/index.js';

const { values } = parseArgs({
  options: { lang: { type: 'string', default: 'en' }, ui: { type: 'string' } },
});
const lang = String(values.lang);
if (!coachingLanguageOf(lang)) {
  console.error(
    `language-check: unknown --lang "${lang}" (one of ${COACHING_LANGUAGES.join(', ')})`,
  );
  process.exit(2);
}
const ui = values.ui ?? lang;
for await (const line of createInterface({ input: process.stdin, crlfDelay: Infinity })) {
  const findings = analyze(line, lang, ui).map(
    ({ category, start, end, suggestions, explanation }) => ({
      category,
      start,
      end,
      suggestions,
      explanation,
    }),
  );
  process.stdout.write(JSON.stringify({ findings }) + '\n');
}
