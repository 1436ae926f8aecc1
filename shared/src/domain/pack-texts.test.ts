import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  addsOnlyTranslations,
  missingTranslations,
  PACK_LANGUAGES,
  packTexts,
} from './pack-texts.js';
import { parseStandardsPackYaml, parseSurveyPackYaml } from './pack-yaml.js';
import { localize } from './standards.js';

const asset = (path: string) =>
  readFileSync(join(import.meta.dirname, '../../../assets', path), 'utf8');

const standards = parseStandardsPackYaml(`id: mini
version: 1
name: { en: Mini, zh-CN: 迷你, zh-TW: 迷你, lv: Mazais }
callTypes:
  - id: booking
    name: { en: Booking, zh-CN: 预订, lv: Rezervācija }
areas:
  - id: process
    items:
      - id: greet
        text: { en: Greets, zh-CN: 问候, zh-TW: 問候, lv: Sveicina }
      - id: close
        text: { en: Closes politely, zh: 礼貌结束 }
`);

const surveys = parseSurveyPackYaml(`version: 1
brand: { name: { en: Northwind, lv: Ziemeļvējš }, colour: '#1f5fbf' }
surveys:
  - id: service
    name: { en: Service survey, zh-TW: 服務問卷 }
    callTypes: [booking]
    channel: email
    questions:
      - { id: csat, kind: csat, text: { en: How satisfied are you?, lv: Vai esat apmierināti? } }
    thankYou: { en: Thank you. }
`);

describe('missingTranslations', () => {
  it('lists, per language, the texts of a standards pack shown in English', () => {
    expect(missingTranslations(standards, ['zh-CN', 'zh-TW', 'lv'])).toEqual({
      // `zh` counts for both Chinese tags, as `localize` reads it.
      'zh-CN': [],
      'zh-TW': ['callTypes.booking.name'],
      lv: ['areas.process.items.close.text'],
    });
  });

  it('lists the texts of a survey pack: brand, names, questions and thank-you', () => {
    expect(missingTranslations(surveys, ['zh-TW', 'lv'])).toEqual({
      'zh-TW': ['brand.name', 'surveys.service.questions.csat.text', 'surveys.service.thankYou'],
      lv: ['surveys.service.name', 'surveys.service.thankYou'],
    });
  });

  it('agrees with localize: a listed text reads in English, an unlisted one does not', () => {
    for (const pack of [standards, surveys]) {
      const missing = missingTranslations(pack, ['zh-CN', 'zh-TW', 'lv']);
      for (const lang of ['zh-CN', 'zh-TW', 'lv'] as const)
        for (const { path, text } of packTexts(pack)) {
          const english = localize(text, lang) === text.en;
          expect(missing[lang].includes(path), `${lang} ${path}`).toBe(english);
        }
    }
  });

  it('never lists English, which every text has', () => {
    expect(missingTranslations(surveys, ['en'])).toEqual({ en: [] });
  });
});

/** Simplified-only characters that written Taiwan Chinese never uses (their Traditional forms). */
const SIMPLIFIED =
  '们这说话务时问题应该满调为认识订议语气录账户员费销处结关开发对进动过还么没个来给让经间样现确网复见电联决办报击谢顾请选择';

describe('the default packs', () => {
  const packs = {
    'standards/default.yaml': parseStandardsPackYaml(asset('standards/default.yaml')),
    'surveys/default.yaml': parseSurveyPackYaml(asset('surveys/default.yaml')),
  };

  it('carry every text in all four languages', () => {
    for (const [file, pack] of Object.entries(packs)) {
      const missing = missingTranslations(pack, PACK_LANGUAGES);
      const lines = Object.entries(missing).flatMap(([lang, paths]) =>
        paths.map((p) => `${file}: ${lang}: ${p} missing`),
      );
      expect(lines).toEqual([]);
      // Each text has exactly these languages: no stray tag (a typo like zh_TW) goes unseen.
      for (const { path, text } of packTexts(pack))
        expect(Object.keys(text).sort(), `${file}: ${path}`).toEqual([...PACK_LANGUAGES].sort());
    }
  });

  it('write Taiwan Chinese in Traditional characters with 「」 quotes, and Latvian apart from English', () => {
    for (const [file, pack] of Object.entries(packs))
      for (const { path, text } of packTexts(pack)) {
        const tw = text['zh-TW'] ?? '';
        const simplified = [...tw].filter((c) => SIMPLIFIED.includes(c));
        expect(simplified, `${file}: ${path}: ${tw}`).toEqual([]);
        expect(tw, `${file}: ${path}`).not.toMatch(/[“”"]/);
        if (text.en !== 'Sidecoach default standards')
          expect(text.lv, `${file}: ${path}`).not.toBe(text.en);
      }
  });
});

describe('addsOnlyTranslations', () => {
  const pack = {
    id: 'p',
    version: 1,
    items: [{ id: 'a', weight: 2, text: { en: 'Greets', 'zh-CN': '问候' } }],
  };
  it('takes texts in more languages, and nothing else', () => {
    const translated = structuredClone(pack);
    Object.assign(translated.items[0]!.text, { 'zh-TW': '問候', lv: 'Sveicina' });
    expect(addsOnlyTranslations(pack, translated)).toBe(true);
    expect(addsOnlyTranslations(pack, pack)).toBe(true);
    const reworded = structuredClone(translated);
    reworded.items[0]!.text.en = 'Greets warmly';
    expect(addsOnlyTranslations(pack, reworded)).toBe(false);
    const reweighted = structuredClone(translated);
    reweighted.items[0]!.weight = 3;
    expect(addsOnlyTranslations(pack, reweighted)).toBe(false);
    expect(addsOnlyTranslations(pack, { ...translated, critical: true })).toBe(false);
    expect(addsOnlyTranslations(pack, { ...pack, items: [...pack.items, pack.items[0]] })).toBe(
      false,
    );
  });
});
