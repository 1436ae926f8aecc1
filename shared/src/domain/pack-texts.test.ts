import { describe, expect, it } from 'vitest';
import { missingTranslations, packTexts } from './pack-texts.js';
import { parseStandardsPackYaml, parseSurveyPackYaml } from './pack-yaml.js';
import { localize } from './standards.js';

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
