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

describe('contrast words, modals and questions beyond the basic list', () => {
  const harmful = (text: string, lang: string) =>
    analyze(text, lang)
      .filter((f) => f.tone === 'harmful')
      .map((f) => `${f.category}:${text.slice(f.start, f.end)}`);

  it('English: other contrasts after praise, only where they join clauses', () => {
    expect(harmful('Your opening was warm, only the summary was missing.', 'en')).toEqual([
      'but:only',
    ]);
    expect(harmful('You sounded calm. Still, the hold ran for six minutes.', 'en')).toEqual([
      'but:Still',
    ]);
    expect(harmful('Nice work. That being said, the refund went to the wrong card.', 'en')).toEqual(
      ['generic-praise:Nice work', 'but:That being said'],
    );
    expect(harmful('Clear explanation, except the fee never came up.', 'en')).toEqual([
      'but:except',
    ]);
    for (const text of [
      'You still need a second look at the notes feature, no rush.',
      'She was the only caller who asked about roaming.',
      'You kept your tone level, although the caller shouted twice.',
      'Although the tool crashed, you kept the customer informed, which is our standard.',
    ])
      expect(harmful(text, 'en'), text).toEqual([]);
    expect(harmful('Although you were friendly, you skipped the security check.', 'en')).toEqual([
      'but:Although',
    ]);
  });

  it('English: colloquial and "be" modals command; epistemic must does not', () => {
    expect(harmful("You've gotta log every complaint.", 'en')).toEqual(['command:gotta']);
    expect(harmful("You're not meant to quote prices before the check.", 'en')).toEqual([
      'command:meant to',
    ]);
    expect(harmful('You better send the form today.', 'en')).toEqual(['command:You better']);
    for (const text of [
      'The engineer is supposed to call ahead.',
      'You must have been exhausted after that queue.',
      "You'll better understand the tariffs after the course.",
    ])
      expect(harmful(text, 'en'), text).toEqual([]);
  });

  it('English: quoted speech in single quotes is skipped, apostrophes are not quotes', () => {
    expect(harmful("The caller said 'you should've rung me', and you apologised.", 'en')).toEqual(
      [],
    );
    expect(harmful("She asked: 'why didn't anyone ring me?' You stayed calm.", 'en')).toEqual([]);
    expect(harmful("You didn't open the customers' notes, and you should've.", 'en')).toEqual([
      "command:should've",
    ]);
    expect(found('Nice, but you should recap.', 'en')).toEqual([
      'generic-praise:Nice',
      'but:but',
      'command:should',
    ]);
  });

  it('English: why-questions with never, again or a verb of failing presuppose', () => {
    expect(harmful('Why do you never read back the reference?', 'en')).toEqual([
      'presupposing-why:Why do you never',
    ]);
    expect(harmful('Why did you again not check the postcode?', 'en')).toEqual([
      'presupposing-why:Why did you again not',
    ]);
    expect(harmful('Why did you fail to log the ticket?', 'en')).toEqual([
      'presupposing-why:Why did you fail',
    ]);
    expect(categories('Why do you think you rushed the close?', 'en')).toEqual([
      'reflective-question',
    ]);
  });

  it('English: stock praise naming a behaviour is specific; more stock phrases', () => {
    expect(categories('Brilliant handling of the billing dispute.', 'en')).toEqual([
      'specific-praise',
    ]);
    expect(
      categories('The signal dropped, but I liked how you kept talking her through it.', 'en'),
    ).toEqual(['specific-praise']);
    expect(found('Terrific!', 'en')).toEqual(['generic-praise:Terrific']);
    expect(categories('Offer the SMS as well as the email.', 'en')).toEqual([]);
  });

  it('Chinese: 就是, 可 and 只是 after praise; praise in the sentence before', () => {
    expect(harmful('你的开场很热情，就是最后没有复述工单号。', 'zh-CN')).toEqual(['but:就是']);
    expect(harmful('你很有耐心，可结束时没有说明时限。', 'zh-CN')).toEqual(['but:可']);
    expect(harmful('你主动报了工号，这正是我们的规范。不过结尾太仓促。', 'zh-CN')).toEqual([
      'but:不过',
    ]);
    expect(harmful('很好，可以再核对一下地址。', 'zh-CN')).toEqual(['generic-praise:很好']);
    expect(harmful('你的语气就是我们要的感觉。', 'zh-CN')).toEqual([]);
  });

  it('Chinese: 你得, 非得, 一定要 command; forecasts with 会 do not', () => {
    expect(harmful('你得先核对客户的手机号。', 'zh-CN')).toEqual(['command:得']);
    expect(harmful('你非得等客户催才回电吗', 'zh-CN')).toEqual(['command:非得']);
    expect(harmful('下回一定要先报工号。', 'zh-CN')).toEqual(['command:一定要']);
    expect(harmful('你应该主动介绍会员权益。', 'zh-CN')).toEqual(['command:应该']);
    expect(harmful('下回应该主动提一下会员日。', 'zh-CN')).toEqual(['command:应该']);
    for (const text of [
      '你得到了客户的好评。',
      '帳單應該下週就會寄到。',
      '费用应该月底会退回。',
      '账单应该下个月会更新。',
      '那笔补偿应该下周就会到。',
    ])
      expect(harmful(text, /[帳週會]/u.test(text) ? 'zh-TW' : 'zh-CN'), text).toEqual([]);
  });

  it('Chinese: words between why and the negation; 我是你的话', () => {
    expect(harmful('你怎么总是不先查工单？', 'zh-CN')).toEqual(['presupposing-why:你怎么总是不']);
    expect(harmful('為什麼又沒有填來電原因？', 'zh-TW')).toEqual(['presupposing-why:為什麼又沒有']);
    expect(harmful('怎么不先看一下历史记录？', 'zh-CN')).toEqual(['presupposing-why:怎么不']);
    expect(harmful('我是你的话，会先安抚客户。', 'zh-CN')).toEqual(['if-i-were-you:我是你的话']);
    expect(harmful('要是换成我，会先道歉。', 'zh-CN')).toEqual(['if-i-were-you:要是换成我']);
    expect(harmful('你可以换成我们的新套餐。', 'zh-CN')).toEqual([]);
  });

  it('Chinese: short stock praise alone is generic, with a deed it is specific', () => {
    expect(found('漂亮！', 'zh-CN')).toEqual(['generic-praise:漂亮']);
    expect(found('超讚！', 'zh-TW')).toEqual(['generic-praise:超讚']);
    expect(categories('你两分钟就查到了原因，真厉害。', 'zh-CN')).toEqual(['specific-praise']);
    expect(categories('很讚，你一接起來就報了公司名稱。', 'zh-TW')).toEqual(['specific-praise']);
    expect(categories('很好，你下次可以先确认地址。', 'zh-CN')).toEqual([
      'generic-praise',
      'next-time',
    ]);
    expect(categories('客户骂得很厉害，但是你一直没插话。', 'zh-CN')).toEqual([]);
  });

  it('Latvian: tikai and savukārt after praise; opening concessions', () => {
    expect(harmful('Tu biji ļoti laipns, tikai aizmirsi nosaukt uzņēmumu.', 'lv')).toEqual([
      'but:tikai',
    ]);
    expect(harmful('Tu runāji skaidri, savukārt adresi neapstiprināji.', 'lv')).toEqual([
      'but:savukārt',
    ]);
    for (const text of [
      'Tu biji laipns, tikai pēc tam pārbaudīji datus.',
      'Lai gan līnija trokšņoja, tu runāji mierīgi – tieši tā.',
      'Tu runāji mierīgi, lai gan klients kliedza.',
    ])
      expect(harmful(text, 'lv'), text).toEqual([]);
    expect(harmful('Lai gan tu biji laipns, tu aizmirsi pārbaudīt identitāti.', 'lv')).toEqual([
      'but:Lai gan',
    ]);
  });

  it('Latvian: debitives after adverbs, why with adverbs, praise without a pronoun', () => {
    expect(harmful('Tev vispirms jāapstiprina adrese.', 'lv')).toEqual([
      'command:Tev vispirms jāapstiprina',
    ]);
    expect(harmful('Jums obligāti jāpiemin atteikuma tiesības.', 'lv')).toEqual([
      'command:Jums obligāti jāpiemin',
    ]);
    expect(harmful('Tev jāuzklausa klients un tikai tad jāpiedāvā risinājums.', 'lv')).toEqual([
      'command:Tev jāuzklausa',
      'command:jāpiedāvā',
    ]);
    expect(harmful('Kāpēc jūs nekad neizmantojat klienta vārdu?', 'lv')).toEqual([
      'presupposing-why:Kāpēc jūs nekad neizmantojat',
    ]);
    expect(harmful('Tev būtu vajadzējis piedāvāt atzvanu.', 'lv')).toEqual([
      'command:Tev būtu vajadzējis',
    ]);
    expect(found('Tā turēt!', 'lv')).toEqual(['generic-praise:Tā turēt']);
    expect(categories('Paldies, ka pirms beigām atkārtoji numuru.', 'lv')).toEqual([
      'specific-praise',
    ]);
    expect(categories('Forši, ka piedāvāji atzvanu.', 'lv')).toEqual(['specific-praise']);
    expect(found('Nākamo reizi pajautā vārdu.', 'lv')).toEqual(['next-time:Nākamo reizi']);
  });
});

describe('contrast words, stock praise and lookalikes from the second corpus round', () => {
  const harmful = (text: string, lang: string) =>
    analyze(text, lang)
      .filter((f) => f.tone === 'harmful')
      .map((f) => `${f.category}:${text.slice(f.start, f.end)}`);

  it('English: praise before a contrast is specific, and ends at the contrast', () => {
    expect(found('Lovely greeting, but the hold was long.', 'en')).toEqual([
      'specific-praise:Lovely greeting',
      'but:but',
    ]);
    expect(found('You listened well, and yet the fix came too late.', 'en')).toEqual([
      'specific-praise:You listened well',
      'but:yet',
    ]);
    expect(harmful('Top-notch hold etiquette except that you never came back.', 'en')).toEqual([
      'but:except',
    ]);
    expect(
      harmful('Your notes were tidy, whereas the summary missed the case code.', 'en'),
    ).toEqual(['but:whereas']);
    // "yet" as an adverb, after praise, is no contrast.
    expect(harmful("You were kind, and you haven't yet missed a callback.", 'en')).toEqual([]);
  });

  it('English: encouragement and short stock phrases are generic; results are no deed', () => {
    expect(found('Keep it up.', 'en')).toEqual(['generic-praise:Keep it up']);
    expect(found('Well handled.', 'en')).toEqual(['generic-praise:Well handled']);
    // The dispute is the topic, not a deed (rule 7, as fresh4's writer read it): stock + topic
    // stays generic; a deed named beside it makes it specific.
    expect(categories('Well handled on the billing dispute.', 'en')).toEqual(['generic-praise']);
    expect(
      categories('Well handled on the billing dispute: you split the fee from the credit.', 'en'),
    ).toEqual(['specific-praise']);
    expect(found('Great job, you got another five-star survey.', 'en')).toEqual([
      'generic-praise:Great job',
    ]);
  });

  it('English: "must be tired" guesses; a question after a semicolon starts after it', () => {
    expect(harmful('You must be tired after that queue.', 'en')).toEqual([]);
    expect(harmful('You must be patient with older callers.', 'en')).toEqual(['command:must']);
    expect(found('He sounded upset; how do you think he felt?', 'en')).toEqual([
      'reflective-question:how do you think he felt?',
    ]);
  });

  it('Chinese: contrasts after 太棒了, 真不错 and a deed approved without 你', () => {
    expect(harmful('太棒了，但是你没有核实客户身份。', 'zh-CN')).toEqual([
      'generic-praise:太棒了',
      'but:但是',
    ]);
    expect(harmful('真不错！就是结束前没有复述工单号。', 'zh-CN')).toEqual([
      'generic-praise:真不错',
      'but:就是',
    ]);
    expect(found('退款环节解释得很到位，可是结尾没有复述金额。', 'zh-CN')).toEqual([
      'specific-praise:退款环节解释得很到位',
      'but:可是',
    ]);
    expect(harmful('你对流程很熟悉；只是没有提醒客户保存凭证。', 'zh-CN')).toEqual(['but:只是']);
    for (const text of [
      '系统运行得很好，但是客户还是不满意。',
      '你很有耐心，保留时间不过两分钟。',
      '就是这样。',
    ])
      expect(harmful(text, 'zh-CN'), text).toEqual([]);
  });

  it('Chinese: stock praise beside a result stays generic; more stock forms', () => {
    expect(found('厉害，你这周又拿了满意度第一。', 'zh-CN')).toEqual(['generic-praise:厉害']);
    expect(categories('好極了，你一開口就先報了姓名和公司。', 'zh-TW')).toEqual([
      'specific-praise',
    ]);
    expect(found('繼續保持喔！', 'zh-TW')).toEqual(['generic-praise:繼續保持']);
    expect(found('好極了！', 'zh-TW')).toEqual(['generic-praise:好極了']);
    expect(found('这通电话处理得很好。', 'zh-CN')).toEqual(['generic-praise:这通电话处理得很好']);
  });

  it('Chinese: 务必 without a subject, 为啥/幹嘛, the customer’s next time', () => {
    expect(harmful('给客户发确认短信务必在当天完成。', 'zh-CN')).toEqual(['command:务必']);
    expect(harmful('客户务必在三天内寄回旧机。', 'zh-CN')).toEqual([]);
    expect(harmful('你为啥不先查一下订单？', 'zh-CN')).toEqual(['presupposing-why:你为啥不']);
    expect(harmful('你幹嘛沒先確認地址？', 'zh-TW')).toEqual(['presupposing-why:你幹嘛沒']);
    expect(categories('客人最後說下次還會再打來。', 'zh-TW')).toEqual([]);
    expect(found('下次客户再打来，先看历史记录。', 'zh-CN')).toEqual(['next-time:下次']);
  });

  it('Latvian: contrasts after a dash, after a plain deed, and an opening "Tikai"', () => {
    expect(harmful('Tu biji ļoti pacietīgs – tikai aizmirsi pateikt savu vārdu.', 'lv')).toEqual([
      'but:tikai',
    ]);
    expect(harmful('Tu sveici klientu vārdā. Tomēr beigās neapkopoji sarunu.', 'lv')).toEqual([
      'but:Tomēr',
    ]);
    expect(harmful('Izcili. Tikai nākamreiz pārbaudi adresi.', 'lv')).toEqual([
      'generic-praise:Izcili',
      'but:Tikai',
    ]);
    expect(found('Jūs ļoti prasmīgi atvainojāties, taču aizmirsāt atzvanīt.', 'lv')).toEqual([
      'specific-praise:Jūs ļoti prasmīgi atvainojāties',
      'but:taču',
    ]);
    for (const text of [
      'Super! Tikai tā turpināt!',
      'Klients teica, ka viņam patīk tarifs, bet viņš vēlas padomāt.',
      'Tu ne vien atvainojies, bet arī piedāvāji kompensāciju.',
      'Tu taču zini šo procesu.',
    ])
      expect(
        harmful(text, 'lv').filter((h) => !h.startsWith('generic-praise')),
        text,
      ).toEqual([]);
  });

  it('Latvian: third-party and forecast modals, the speaker’s own debitive, bare "Labi!"', () => {
    expect(harmful('Pirms zvana beigām jāapkopo nākamie soļi.', 'lv')).toEqual([
      'command:jāapkopo',
    ]);
    for (const text of [
      'Klientam nākamajā dienā ilgi bija jāgaida.',
      'Rīt vajadzētu pienākt apstiprinājumam.',
      'Jāatzīmē, ka saruna bija sarežģīta.',
      'Labi, tagad par aizturēšanu.',
    ])
      expect(harmful(text, 'lv'), text).toEqual([]);
    expect(found('Labi!', 'lv')).toEqual(['generic-praise:Labi']);
    expect(found('Turpiniet tāpat!', 'lv')).toEqual(['generic-praise:Turpiniet tāpat']);
  });

  it('a modal inside an open question asks for the agent’s view, it does not command', () => {
    expect(
      categories('What do you think you should say when she asks for a refund?', 'en'),
    ).toEqual(['reflective-question']);
    expect(categories('你觉得应该怎么处理这种情况？', 'zh-CN')).toEqual(['reflective-question']);
    expect(categories('Ko tev vajadzētu pateikt klientam?', 'lv')).toEqual(['reflective-question']);
    // A command before the question is still one.
    expect(found('You should recap first; what do you think?', 'en')).toEqual([
      'command:should',
      'reflective-question:what do you think?',
    ]);
    expect(categories('你应该先核实身份，你觉得呢？', 'zh-CN')).toContain('command');
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

describe('stock praise, deeds and contrasts from the third corpus round', () => {
  const harmful = (text: string, lang: string) =>
    analyze(text, lang)
      .filter((f) => f.tone === 'harmful')
      .map((f) => `${f.category}:${text.slice(f.start, f.end)}`);

  it('English: "solid call" is stock; textbook ties praise to a standard; read back is a deed', () => {
    expect(found('Strong work today.', 'en')).toEqual(['generic-praise:Strong work']);
    expect(
      categories('Although the line kept dropping, you stayed patient — textbook.', 'en'),
    ).toEqual(['specific-praise']);
    expect(harmful('You read back the card number, but you skipped the fee.', 'en')).toEqual([
      'but:but',
    ]);
    // An "Although" with no main clause after it takes back the sentence before.
    expect(harmful('Lovely tone. Although you should slow down.', 'en')).toEqual([
      'but:Although',
      'command:should',
    ]);
    expect(harmful('Although the system froze, you kept calm.', 'en')).toEqual([]);
    // Stock praise beside the customer's thanks or a score praises an outcome only.
    expect(found('Nice work, the caller thanked you twice.', 'en')).toEqual([
      'generic-praise:Nice work',
    ]);
    // A softened contrast takes the praise back too; "the only thing she wanted" does not.
    expect(harmful('Lovely empathy, only thing is you skipped the recap.', 'en')).toEqual([
      'but:only thing',
    ]);
    expect(harmful('The only thing the customer wanted was a refund.', 'en')).toEqual([]);
  });

  it('Chinese: stock praise with a particle; a deed on the customer without 你; standards', () => {
    expect(found('挺好的！', 'zh-CN')).toEqual(['generic-praise:挺好的']);
    expect(harmful('不錯啦，可是結尾太趕了。', 'zh-TW')).toEqual([
      'generic-praise:不錯啦',
      'but:可是',
    ]);
    expect(categories('一开始就安抚了客户的情绪，很棒。', 'zh-CN')).toEqual(['specific-praise']);
    expect(categories('你复述了一遍地址，这才是规范的做法。', 'zh-CN')).toEqual([
      'specific-praise',
    ]);
    expect(categories('你主動幫客戶查了物流，很可靠。', 'zh-TW')).toEqual(['specific-praise']);
    // The customer as subject is no deed of the agent's.
    expect(found('客户很满意，很棒。', 'zh-CN')).toEqual(['generic-praise:很棒']);
    // Any verb + 得 + an approving word names the deed; 做得好 alone and the call do not.
    expect(categories('地址核对得很到位。', 'zh-CN')).toEqual(['specific-praise']);
    expect(found('这通电话打得很好。', 'zh-CN')).toEqual(['generic-praise:这通电话打得很好']);
    expect(found('我觉得很好。', 'zh-CN')).toEqual([]);
    // 主动/及时 + a verb, or a named step, is a deed without 你.
    expect(categories('及時回撥，很到位。', 'zh-TW')).toEqual(['specific-praise']);
    expect(categories('确认身份这一步做得很好。', 'zh-CN')).toEqual(['specific-praise']);
    expect(categories('你主动提出了回拨，非常专业。', 'zh-CN')).toEqual(['specific-praise']);
    // A description with no approving word is not praise.
    expect(found('开场白说得很自然。', 'zh-CN')).toEqual([]);
  });

  it('Chinese: the customer as an object does not take the command; why a thing failed', () => {
    expect(harmful('告诉客户的回电时间一定要记下来。', 'zh-CN')).toEqual(['command:一定要']);
    expect(harmful('客户一定要先重启路由器。', 'zh-CN')).toEqual([]);
    expect(categories('工单为什么没有同步？', 'zh-CN')).toEqual([]);
    expect(categories('客户为什么不说话了？', 'zh-CN')).toEqual(['reflective-question']);
    expect(harmful('你很有禮貌，唯一的問題是語速太快。', 'zh-TW')).toEqual(['but:唯一的問題是']);
    expect(harmful('很好。美中不足的是结尾太仓促。', 'zh-CN')).toEqual([
      'generic-praise:很好',
      'but:美中不足的是',
    ]);
  });

  it('Latvian: a lone opening "Lai gan", our own mistake, deeds without a pronoun', () => {
    expect(harmful('Malacis! Lai gan tev vajadzētu runāt lēnāk.', 'lv')).toEqual([
      'generic-praise:Malacis',
      'but:Lai gan',
      'command:tev vajadzētu',
    ]);
    expect(harmful('Lai gan sistēma uzkārās, tu saglabāji mieru.', 'lv')).toEqual([]);
    expect(
      harmful('Patika, ka tu atzini mūsu kļūdu, tomēr tu nepārbaudīji adresi.', 'lv'),
    ).toContain('but:tomēr');
    expect(categories('Lielisks darbs ar klienta nomierināšanu.', 'lv')).toEqual([
      'specific-praise',
    ]);
    expect(categories('Adresi pārbaudīji uzreiz — labi padarīts.', 'lv')).toEqual([
      'specific-praise',
    ]);
    expect(found('Labi padarīts.', 'lv')).toEqual(['generic-praise:Labi padarīts']);
  });
});

describe('habit why-questions, softened contrasts and praise from the fourth corpus round', () => {
  const harmful = (text: string, lang: string) =>
    analyze(text, lang)
      .filter((f) => f.tone === 'harmful')
      .map((f) => `${f.category}:${text.slice(f.start, f.end)}`);

  it('a habit frame after why presupposes the fault, in every language (rule 6)', () => {
    expect(harmful('Why do you always rush the closing summary?', 'en')).toEqual([
      'presupposing-why:Why do you always',
    ]);
    expect(harmful('How come you never read back the reference?', 'en')).toEqual([
      'presupposing-why:How come you never',
    ]);
    expect(harmful('你怎么老是抢客户的话？', 'zh-CN')).toEqual(['presupposing-why:你怎么老是']);
    expect(harmful('為什麼每次都要客戶講三遍？', 'zh-TW')).toEqual([
      'presupposing-why:為什麼每次都',
    ]);
    expect(harmful('Kāpēc tu vienmēr pārtrauc klientu?', 'lv')).toEqual([
      'presupposing-why:Kāpēc tu vienmēr pārtrauc',
    ]);
    for (const [text, lang] of [
      ['Why do you think you always rush the close?', 'en'],
      ['Why do customers always ask about roaming?', 'en'],
      ['你怎么总是这么有耐心？', 'zh-CN'],
      ['客户问你为什么没有回电。', 'zh-CN'],
      ['Klients jautāja, kāpēc jūs neatzvanījāt.', 'lv'],
      ['Kāpēc nepiedāvāt klientam atzvanīšanu?', 'lv'],
    ] as const)
      expect(harmful(text, lang), text).toEqual([]);
  });

  it('softened contrasts after praise take it back; bad luck and lookalikes do not', () => {
    expect(harmful('Lovely call. One small thing: you skipped the recap.', 'en')).toEqual([
      'generic-praise:Lovely call',
      'but:One small thing',
    ]);
    expect(harmful('You were warm, albeit a bit rushed.', 'en')).toEqual(['but:albeit']);
    expect(harmful('Nice work. Unfortunately the line dropped.', 'en')).toEqual([
      'generic-praise:Nice work',
    ]);
    expect(harmful('你语气很亲切，却忘了核实身份。', 'zh-CN')).toEqual(['but:却']);
    expect(harmful('你跟客戶解釋得很到位，唯一的小問題是語速有點快。', 'zh-TW')).toEqual([
      'but:唯一的小問題是',
    ]);
    expect(harmful('整体很好，硬要挑毛病的话，就是语速有点快。', 'zh-CN')).toEqual([
      'generic-praise:整体很好',
      'but:硬要挑毛病的话，就是',
    ]);
    expect(harmful('Tu biji ļoti laipns, toties noslēgums bija sasteigts.', 'lv')).toEqual([
      'but:toties',
    ]);
    expect(harmful('Zvans bija lielisks, tiesa gan, tu aizmirsi numuru.', 'lv')).toContain(
      'but:tiesa gan',
    );
    expect(harmful('客户很可惜没赶上活动。', 'zh-CN')).toEqual([]);
  });

  it('stock praise: new stock forms, a topic is no deed, 你 + time words name no deed', () => {
    expect(found('Cracking call, Priya. Top work.', 'en')).toEqual([
      'generic-praise:Cracking call',
      'generic-praise:Top work',
    ]);
    expect(found('Great job with the billing dispute!', 'en')).toEqual([
      'generic-praise:Great job',
    ]);
    expect(categories('Nice work on the hold: you came back every minute.', 'en')).toEqual([
      'specific-praise',
    ]);
    expect(found('这个月满意度98%，厉害！', 'zh-CN')).toEqual(['generic-praise:厉害']);
    expect(found('超讚的，很優！', 'zh-TW')).toEqual([
      'generic-praise:超讚',
      'generic-praise:很優',
    ]);
    expect(found('你今天很棒！', 'zh-CN')).toEqual(['generic-praise:很棒']);
    expect(categories('不错，核身顺序完全按规范来的。', 'zh-CN')).toEqual(['specific-praise']);
    expect(categories('很好，你在保留前先徵求客戶同意，這就是我們要的標準。', 'zh-TW')).toEqual([
      'specific-praise',
    ]);
    expect(found('Teicami, malacīte!', 'lv')).toEqual([
      'generic-praise:Teicami',
      'generic-praise:malacīte',
    ]);
    expect(categories('Identitātes pārbaudi jūs veicāt tieši pēc standarta.', 'lv')).toEqual([
      'specific-praise',
    ]);
  });

  it('if-I-were-you variants; modals that guess, forecast or set a condition do not command', () => {
    expect(harmful('这种投诉，换我的话会先道歉。', 'zh-CN')).toEqual(['if-i-were-you:换我的话']);
    expect(harmful('如果我站在你的位置，我会先念条款。', 'zh-CN')).toEqual([
      'if-i-were-you:如果我站在你的位置',
    ]);
    expect(harmful('我的話，會先跟客戶道歉。', 'zh-TW')).toEqual(['if-i-were-you:我的話']);
    expect(harmful('這通電話換我來接好了。', 'zh-TW')).toEqual([]);
    for (const [text, lang] of [
      ['你当时应该挺累的吧，那通电话打了四十分钟。', 'zh-CN'],
      ['You got to the root cause in two questions.', 'en'],
      ['You should be really proud of that call.', 'en'],
      ['If you need to transfer, tell the customer why first.', 'en'],
      ['Did you need to put him on hold twice?', 'en'],
      ['Ja nepieciešams, pārslēdz zvanu uz otro līmeni.', 'lv'],
      ['Tev noteikti jābūt nogurušam pēc tāda zvana.', 'lv'],
    ] as const)
      expect(harmful(text, lang), text).toEqual([]);
    expect(harmful('你应该更耐心一点。', 'zh-CN')).toEqual(['command:应该']);
    expect(harmful('Tev jābūt pacietīgam ar klientiem.', 'lv')).toEqual(['command:Tev jābūt']);
  });
});
