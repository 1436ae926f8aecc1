import type { Hit, Rules } from './types.js';
import { spans, type Sentence } from './text.js';

// Chinese rules (Simplified and Traditional: every pattern lists both forms). Chinese has no
// spaces, so patterns are anchored on the words around them rather than on word boundaries.

export type Script = 'simplified' | 'traditional';

const PRAISE =
  /很好|不错|不錯|做得好|做得很好|很棒|真棒|太棒|棒极|棒極|礼貌|禮貌|热情|熱情|亲切|親切|耐心|专业|專業|清楚|友好|及时|及時|准确|準確|到位|优秀|優秀|值得肯定|非常好|挺好|很有|表现|表現|感谢|感謝|谢谢|謝謝|好样|好樣|漂亮|出色|认真|認真|细心|細心|温和|溫和|自然|流畅|流暢|稳|穩/u;
const CONTRAST = /但是|可是|不过|不過|然而|只是|但(?!愿|願)/gu;

/** Modal verbs that command when the agent (or nobody) is the subject. */
const MODAL =
  /(你|您)?(?:也|还|還|就|都|真的|一定|最好)?(应该|應該|必须|必須|必需|务必|務必|一定要|最好要?|需要|得(?=先|要|把|去|马上|馬上|立刻|记住|記住|注意|再|多|给|給|跟|和|主动|主動|确认|確認|核实|核實)|要(?=先|记得|記得|注意|把|主动|主動|确认|確認|核实|核實|多|及时|及時|避免|保持|认真|認真|学会|學會|尽快|盡快))/gu;
/** Someone other than the agent is the subject: the customer needed, the refund must... */
const OTHER_SUBJECT =
  /(客户|客戶|顾客|顧客|对方|對方|他|她|它|他们|他們|系统|系統|退款|订单|訂單|包裹|公司|流程|规定|規定|经理|經理|同事|银行|銀行|来电者|來電者)(?:也|还|還|就|都|可能|真的)?$/u;

const IF_I_WERE_YOU =
  /如果我是你|要是我是你|假如我是你|换作是我|換作是我|换做是我|換做是我|我要是你|如果是我的话|如果是我的話|要是我的话|要是我的話|如果换成我|如果換成我|我如果是你|我要是在你的位置|如果我在你的位置/gu;
const WHY_NOT =
  /(?:你|您)?(?:为什么|為什麼|为何|為何|怎么|怎麼)(?:你|您)?(?:就|又|还|還|都)?(?:不能|不会|不會|没有|沒有|不|没|沒)/gu;

const GENERIC =
  /做得好|做得很好|做得不错|做得不錯|干得好|幹得好|干得漂亮|幹得漂亮|好样的|好樣的|太棒了|真棒|很棒|非常棒|表现很好|表現很好|表现不错|表現不錯|辛苦了|继续保持|繼續保持|棒棒的|赞|讚/gu;
const STANDALONE = /^(?:很好|不错|不錯|非常好|挺好|好)[！!。.～~]*$/u;
const BEHAVIOUR =
  /你(?!做得|干得|幹得|真|很|太|今天|这次|這次|表现|表現)[\p{Script=Han}]|问候|問候|开场|開場|报了|報了|核实|核實|身份|总结|總結|确认|確認|倾听|傾聽|提问|提問|询问|詢問|语气|語氣|语速|語速|结束|結束|结尾|結尾|致谢|致謝|安抚|安撫|道歉|流程|解释|解釋|记录|記錄|转接|轉接|等待|保留|标准|標準|系统|系統|共情|同理|名字|姓名|称呼|稱呼|复述|複述|重复|重複|坐姿|耳机|耳機|方案|政策|产品|產品|退款|地址|订单|訂單|步骤|步驟|主动|主動|耐心地|清楚地/u;

const REFLECTIVE =
  /你觉得|你覺得|你认为|你認為|你感觉|你感覺|你当时|你當時|你会怎么|你會怎麼|你会如何|你會如何|如果再来一次|如果再來一次|你怎么看|你怎麼看|你注意到|哪些地方|什么地方|什麼地方|你从中|你從中|你学到|你學到|你想想|回想一下|你有什么想法|你有什麼想法|为什么你认为|為什麼你認為|你为什么这样|你為什麼這樣/u;
const NEXT_TIME = /下次|下一次|下回|下一通|下通电话|下通電話|以后的通话|以後的通話|今后|今後/gu;

function praisedBefore(s: Sentence, at: number, previous: Sentence | undefined): boolean {
  const before = s.text.slice(0, at);
  if (/不$/u.test(before) && s.text.slice(at).startsWith('但')) return false; // 不但…而且
  if (/(不仅|不僅|不只|不光)/u.test(before) && /^但(?!是)/u.test(s.text.slice(at))) return false;
  if (PRAISE.test(before)) return true;
  return (
    before.replace(/[，,、\s]/gu, '').length === 0 &&
    previous !== undefined &&
    PRAISE.test(previous.text)
  );
}

export function chineseRules(script: Script): Rules {
  const t = script === 'traditional';
  return (s, previous) => {
    const hits: Hit[] = [];
    for (const c of spans(CONTRAST, s.text)) {
      if (c.text === '只是' && !/，|,/u.test(s.text.slice(0, c.start))) continue;
      if (!praisedBefore(s, c.start, previous)) continue;
      hits.push({
        ...c,
        category: 'but',
        suggestions: t ? ['同時', '下次可以'] : ['同时', '下次可以'],
      });
    }
    for (const m of s.text.matchAll(MODAL)) {
      const subject = m[1];
      const modal = m[2]!;
      const start = m.index + m[0].length - modal.length;
      if (!subject && OTHER_SUBJECT.test(s.text.slice(0, m.index))) continue;
      if (!subject && (modal === '需要' || modal.startsWith('要') || modal === '得')) continue;
      if (/不$|没$|沒$/u.test(s.text.slice(0, m.index))) continue; // 不需要, 不应该: not a command
      hits.push({
        start,
        end: start + modal.length,
        category: 'command',
        suggestions: t ? ['可以', '不妨'] : ['可以', '不妨'],
      });
    }
    for (const m of spans(IF_I_WERE_YOU, s.text))
      hits.push({
        ...m,
        category: 'if-i-were-you',
        suggestions: t ? ['你可以考慮'] : ['你可以考虑'],
      });
    const whyNot = spans(WHY_NOT, s.text);
    for (const m of whyNot)
      hits.push({
        ...m,
        category: 'presupposing-why',
        suggestions: t ? ['有什麼能幫你'] : ['有什么能帮你'],
      });

    const generic = spans(GENERIC, s.text);
    const praised =
      generic.length > 0 || STANDALONE.test(s.text) || (PRAISE.test(s.text) && /你/u.test(s.text));
    if (
      praised &&
      BEHAVIOUR.test(s.text) &&
      !s.text.endsWith('？') &&
      !s.text.endsWith('?') &&
      !/但|可是|不过|不過|然而|应该|應該|必须|必須/u.test(s.text)
    ) {
      hits.push({ start: 0, end: s.text.length, category: 'specific-praise', suggestions: [] });
    } else if (generic.length > 0 || STANDALONE.test(s.text)) {
      const found = generic.length > 0 ? generic : [{ start: 0, end: s.text.length, text: s.text }];
      for (const g of found)
        hits.push({
          start: g.start,
          end: g.end,
          category: 'generic-praise',
          suggestions: [
            t
              ? '你[具體做法]做得很好，這正是[標準]的要求。'
              : '你[具体做法]做得很好，这正是[标准]的要求。',
          ],
        });
    }
    if (whyNot.length === 0 && /[？?]$/u.test(s.text) && REFLECTIVE.test(s.text))
      hits.push({ start: 0, end: s.text.length, category: 'reflective-question', suggestions: [] });
    for (const m of spans(NEXT_TIME, s.text))
      hits.push({ ...m, category: 'next-time', suggestions: [] });
    return hits;
  };
}
