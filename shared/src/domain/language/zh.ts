import type { Hit, Rules } from './types.js';
import { spans, type Sentence } from './text.js';

// Chinese rules (Simplified and Traditional: every pattern lists both forms). Chinese has no
// spaces, so patterns are anchored on the words around them rather than on word boundaries.

export type Script = 'simplified' | 'traditional';

const PRAISE =
  /很好|不错|不錯|做得好|做得很好|很棒|真棒|太棒|棒极|棒極|礼貌|禮貌|热情|熱情|亲切|親切|耐心|专业|專業|清楚|友好|及时|及時|准确|準確|到位|优秀|優秀|值得肯定|非常好|挺好|很有|表现|表現|感谢|感謝|谢谢|謝謝|好样|好樣|漂亮|出色|认真|認真|细心|細心|温和|溫和|流畅|流暢|熟悉|熟练|熟練|自信|友善|真诚|真誠|冷静|冷靜|很快/u;
const CONTRAST =
  /但是|可是|(?<!再[\p{Script=Han}]{1,2})不过(?!了)|(?<!再[\p{Script=Han}]{1,2})不過(?!了)|然而|只是|但(?!愿|願)/gu;
/** A clause that says something the agent did wrong (so it is not praise before a "but"). */
const NEGATIVE = /没|沒|不|忘|太|错|錯|漏|未|差|慢|乱|亂/u;

/** Modal verbs that command when the agent (or nobody) is the subject. */
const MODAL =
  /(你|您)?(?:也|还|還|就|都|真的|一定|最好|先|下次|下一通电话|下一通電話)?(应该|應該|必须|必須|必需|务必|務必|一定要|最好要?|需要|得(?=先|要|把|去|马上|馬上|立刻|记住|記住|注意|再|多|给|給|跟|和|主动|主動|确认|確認|核实|核實)|要(?!不|求|是|么|麼|点|點|紧|緊|的|了|过|過|到|收|退|换|換|取消))/gu;
/** "Should" as a forecast, not a command: the refund should arrive on Thursday. */
const FORECAST =
  /^(?:会|會|能|是|已经|已經|已|就是|没|沒|不会|不會|周|週|星期|明天|今天|后天|後天|\d|送到|可以到)/u;
/** Someone other than the agent is the subject: the customer needed, the refund must... */
const OTHER_SUBJECT =
  /(客户|客戶|顾客|顧客|对方|對方|他|她|它|他们|他們|系统|系統|退款|订单|訂單|包裹|公司|流程|规定|規定|经理|經理|同事|银行|銀行|来电者|來電者|路由器|数据机|數據機|技术员|技術員|技術人員)[^，,。！？]{0,6}$/u;

const IF_I_WERE_YOU =
  /如果我是你|要是我是你|假如我是你|换作是我|換作是我|换做是我|換做是我|我要是你|如果是我的话|如果是我的話|要是我的话|要是我的話|如果换成我|如果換成我|我如果是你|我要是在你的位置|如果我在你的位置/gu;
/** A "why didn't you" with the agent as subject, or opening a clause (the agent implied). */
const WHY_NOT =
  /(?:(?:你|您)(?:们|們)?(?:到底|当时|當時|刚才|剛才)?(?:为什么|為什麼|为何|為何|怎么|怎麼)|(?:为什么|為什麼|为何|為何|怎么|怎麼)(?:你|您))(?:就|又|还|還|都|一直)?(?:不能|不会|不會|没有|沒有|不|没|沒)|(?:^|[，,：:]|但是|可是|不过|不過|然而|(?<!不)但)(?:那|那么|那麼)?(?:为什么|為什麼|为何|為何)(?:就|又|还|還|都)?(?:不能|没有|沒有|不|没|沒)/gu;

const GENERIC =
  /做得好|做得很好|做得不错|做得不錯|干得好|幹得好|干得漂亮|幹得漂亮|好样的|好樣的|太棒了|真棒|很棒|非常棒|表现很好|表現很好|表现不错|表現不錯|棒棒的|(?:这通|這通|今天的|这次的|這次的)?(?:电话|電話|通话|通話)(?:很|真|非常)?(?:不错|不錯|好)/gu;
/** Praise words that open a sentence on their own: "很好，…", "不错！". */
const OPENING_PRAISE = /^(?:很好|不错|不錯|非常好|挺好|好)(?=[，,！!。.～~]|$)/u;
/** Words that approve of what was done, tying praise to it. */
const APPROVAL =
  /做得好|做得很好|做得不错|做得不錯|做得对|做得對|很好|非常好|很棒|真棒|太棒|值得肯定|值得表扬|值得表揚|这正是|這正是|正是我们|正是我們|完全符合|符合[^，。]{0,10}(?:标准|標準|要求|礼仪|禮儀)|完全正确|完全正確|很专业|很專業|再好不过|再好不過|到位|漂亮|出色|谢谢你|謝謝你|我很喜欢|我很喜歡|就是我们要|就是我們要|正确|正確/u;
const AGENT_DID = /你(?!们|們|觉得|覺得|认为|認為|会|會|可以|能|要|应该|應該|需要|必须|必須)/u;

const QUESTION_WORDS =
  /你觉得|你覺得|你认为|你認為|你感觉|你感覺|你当时|你當時|你会怎么|你會怎麼|你会如何|你會如何|如果再来一次|如果再來一次|你怎么看|你怎麼看|你注意到|什么|什麼|怎么样|怎麼樣|如何|哪|为什么|為什麼|为何|為何|怎么|怎麼|反应|反應/u;
const NEXT_TIME = /下次|下一次|下回|下一通|下通电话|下通電話|以后的通话|以後的通話|今后|今後/gu;

function isQuestion(s: string): boolean {
  return /[？?]$/u.test(s);
}

function praisedBefore(s: Sentence, at: number, previous: Sentence | undefined): boolean {
  const before = s.text.slice(0, at);
  if (/不$/u.test(before) && s.text.slice(at).startsWith('但')) return false; // 不但…而且
  if (/(不仅|不僅|不只|不光)/u.test(before) && /^但(?!是)/u.test(s.text.slice(at))) return false;
  const clause =
    before
      .split(/[，,；;]/u)
      .filter((c) => c.trim())
      .at(-1) ?? '';
  if (PRAISE.test(before) && !NEGATIVE.test(clause.replace(/不错|不錯/gu, ''))) return true;
  // "你对产品很熟悉，但…": what the agent did, said without a fault in it.
  if (/^(?:你|您)/u.test(before.trim()) && !NEGATIVE.test(before)) return true;
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
      const before = s.text.slice(0, m.index);
      if (FORECAST.test(s.text.slice(start + modal.length))) continue;
      if (!subject && OTHER_SUBJECT.test(before)) continue;
      if (!subject && (modal === '需要' || modal.startsWith('要') || modal === '得')) continue;
      if (/(?:不|没|沒)$/u.test(before)) continue; // 不需要, 不应该: not a command
      hits.push({
        start,
        end: start + modal.length,
        category: 'command',
        suggestions: ['可以', '不妨'],
      });
    }
    for (const m of spans(IF_I_WERE_YOU, s.text))
      hits.push({
        ...m,
        category: 'if-i-were-you',
        suggestions: [t ? '你可以考慮' : '你可以考虑'],
      });
    const whyNot = spans(WHY_NOT, s.text).map((m) => {
      const lead = /^(?:[，,：:]|但是|可是|不过|不過|然而|但)/u.exec(m.text)?.[0].length ?? 0;
      return { start: m.start + lead, end: m.end, text: m.text.slice(lead) };
    });
    for (const m of whyNot)
      hits.push({
        ...m,
        category: 'presupposing-why',
        suggestions: [t ? '有什麼能幫你' : '有什么能帮你'],
      });

    // Praise: approval tied to what the agent did is specific; praise alone is generic.
    const cancelled = hits.some((h) => h.category === 'but' || h.category === 'command');
    const approvedClause =
      s.text.split(/但是|可是|(?<!再\p{Script=Han}{1,2})不[过過](?!了)|然而|(?<!不)但/u)[0] ?? '';
    if (
      !isQuestion(s.text) &&
      APPROVAL.test(approvedClause) &&
      AGENT_DID.test(approvedClause) &&
      !OPENING_PRAISE.test(s.text) &&
      !(cancelled && approvedClause === s.text)
    ) {
      hits.push({ start: 0, end: s.text.length, category: 'specific-praise', suggestions: [] });
    } else {
      const generic = spans(GENERIC, s.text);
      const opening = OPENING_PRAISE.exec(s.text);
      if (opening && !generic.some((g) => g.start === 0))
        generic.unshift({ start: 0, end: opening[0].length, text: opening[0] });
      for (const g of generic)
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
    if (whyNot.length === 0 && isQuestion(s.text) && QUESTION_WORDS.test(s.text))
      hits.push({ start: 0, end: s.text.length, category: 'reflective-question', suggestions: [] });
    if (!isQuestion(s.text))
      for (const m of spans(NEXT_TIME, s.text))
        hits.push({ ...m, category: 'next-time', suggestions: [] });
    return hits;
  };
}
