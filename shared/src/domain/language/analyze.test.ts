import { describe, expect, it } from 'vitest';
import { analyze, coachingLanguageOf, summarize } from './index.js';

/** "category:span" for each finding, in order. */
const found = (text: string, lang: string) =>
  analyze(text, lang).map((f) => `${f.category}:${text.slice(f.start, f.end)}`);
const categories = (text: string, lang: string) => analyze(text, lang).map((f) => f.category);

describe('analyze (English)', () => {
  it('finds every harmful pattern with its span and a rewrite', () => {
    const text =
      'You were polite, but you forgot the disclosure. You should read it first. ' +
      'If I were you, I would slow down. Why didn’t you summarise? Good job!';
    expect(found(text.replace('’', "'"), 'en')).toEqual([
      'but:but',
      'command:should',
      'if-i-were-you:If I were you',
      "presupposing-why:Why didn't you",
      'generic-praise:Good job',
    ]);
    for (const f of analyze(text, 'en').filter((x) => x.tone === 'harmful'))
      expect(f.suggestions.length).toBeGreaterThan(0);
  });

  it('encourages reflective questions, specific praise and one next-time action', () => {
    expect(categories('How do you feel that went?', 'en')).toEqual(['reflective-question']);
    expect(categories('Great job summarising the next steps before closing.', 'en')).toEqual([
      'specific-praise',
    ]);
    expect(found('Next time, confirm the address before booking.', 'en')).toEqual([
      'next-time:Next time',
    ]);
  });

  it('does not fire on the hard negatives', () => {
    for (const text of [
      'You not only greeted the customer but also used their name.',
      'The customer said "you should have called me back", and you apologised.',
      'The customer needed a refund and had to wait for approval.',
      'Why do you think the customer got upset?',
      'The refund should arrive within three days.',
      "You don't need to worry about the hold time.",
    ]) {
      expect(
        categories(text, 'en').filter(
          (c) => c !== 'reflective-question' && c !== 'specific-praise',
        ),
        text,
      ).toEqual([]);
    }
  });

  it('keeps offsets of the original text when quotes are skipped', () => {
    const text = 'She said “but why” and you should check.';
    const [f] = analyze(text, 'en');
    expect(text.slice(f!.start, f!.end)).toBe('should');
  });
});

describe('analyze (Chinese)', () => {
  it('reads Simplified Chinese without spaces', () => {
    expect(found('你很有礼貌，但是没有核实身份。你应该先核实身份。', 'zh-CN')).toEqual([
      'but:但是',
      'command:应该',
    ]);
    expect(categories('如果我是你，我会先道歉。', 'zh-CN')).toContain('if-i-were-you');
    expect(categories('你为什么不先确认地址？', 'zh-CN')).toEqual(['presupposing-why']);
    expect(found('下次可以先确认地址。', 'zh-CN')).toEqual(['next-time:下次']);
  });

  it('reads Traditional Chinese', () => {
    expect(found('你的語氣很親切，但是忘了核實身分。你應該先確認。', 'zh-TW')).toEqual([
      'but:但是',
      'command:應該',
    ]);
    expect(categories('你覺得這通電話怎麼樣？', 'zh-TW')).toEqual(['reflective-question']);
  });

  it('does not fire on 不但…而且, quoted speech or the customer’s needs', () => {
    for (const text of [
      '你不但问候了客户，而且报了公司名称。',
      '客户说“你们应该早点通知我”。',
      '客户需要退款，我们要走审批流程。',
      '你解释得很清楚。',
    ]) {
      const harmful = analyze(text, 'zh-CN').filter((f) => f.tone === 'harmful');
      expect(harmful, text).toEqual([]);
    }
  });
});

describe('analyze (Latvian)', () => {
  it('reads inflected forms: debitive jā-, vajadzētu, negated past', () => {
    expect(found('Tu biji ļoti pieklājīgs, bet aizmirsi pārbaudīt identitāti.', 'lv')).toEqual([
      'but:bet',
    ]);
    expect(found('Tev jāpārbauda identitāte pirms konta apspriešanas.', 'lv')).toEqual([
      'command:Tev jāpārbauda',
    ]);
    const [command] = analyze('Tev jāpārbauda identitāte.', 'lv');
    expect(command?.suggestions[0]).toBe('Tu varētu pārbaudīt');
    expect(categories('Jums vajadzētu piedāvāt atzvanīšanu.', 'lv')).toEqual(['command']);
    expect(categories('Kāpēc tu nepajautāji klienta vārdu?', 'lv')).toEqual(['presupposing-why']);
    expect(categories('Ja es būtu tu, es vispirms atvainotos.', 'lv')).toEqual(['if-i-were-you']);
    expect(found('Nākamreiz pamēģini apkopot sarunu.', 'lv')).toEqual(['next-time:Nākamreiz']);
  });

  it('does not fire on ne tikai… bet arī, the customer’s needs or quoted speech', () => {
    for (const text of [
      'Tu ne tikai sveici klientu, bet arī nosauci uzņēmumu.',
      'Klientam vajadzēja atmaksu, un viņam bija jāgaida apstiprinājums.',
      'Klients teica: "jums vajadzēja man atzvanīt".',
      'Jāatzīst, ka saruna bija sarežģīta.',
    ]) {
      const harmful = analyze(text, 'lv').filter((f) => f.tone === 'harmful');
      expect(harmful, text).toEqual([]);
    }
  });
});

describe('languages and summaries', () => {
  it('maps BCP 47 tags and ignores languages it does not read', () => {
    expect(coachingLanguageOf('zh-Hant-TW')).toBe('zh-TW');
    expect(coachingLanguageOf('zh-Hans')).toBe('zh-CN');
    expect(coachingLanguageOf('lv-LV')).toBe('lv');
    expect(analyze('You should.', 'de')).toEqual([]);
  });

  it('explains in the UI language and counts categories', () => {
    const findings = analyze('You were polite, but you should check.', 'en', 'zh-CN');
    expect(findings[0]?.explanation).toMatch(/但是/);
    expect(summarize(findings)).toEqual({ but: 1, command: 1 });
  });
});
