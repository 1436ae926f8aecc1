import { withoutAskedModals, type Hit, type Rules } from './types.js';
import { spans, type Sentence } from './text.js';

// Chinese rules (Simplified and Traditional: every pattern lists both forms). Chinese has no
// spaces, so patterns are anchored on the words around them rather than on word boundaries.

export type Script = 'simplified' | 'traditional';

const PRAISE =
  /很好|不错|不錯|做得好|做得很好|棒|礼貌|禮貌|热情|熱情|亲切|親切|耐心|专业|專業|清楚|友好|及时|及時|准确|準確|到位|优秀|優秀|值得肯定|非常好|挺好|很有|赞|讚|顺利|順利|很顺|很順|做得很|做得非常|(?<!得)(?:真|很|太|超|好)(?:厉害|厲害)|(?<![得真很太超好])(?:厉害|厲害)|表现|表現|感谢|感謝|谢谢|謝謝|好样|好樣|漂亮|出色|认真|認真|细心|細心|温和|溫和|流畅|流暢|熟悉|熟练|熟練|自信|友善|真诚|真誠|冷静|冷靜|很快|(?:稳|穩)(?!定)|得体|得體|周到|贴心|貼心|用心|主动|主動|积极|積極|迅速|高效|有条理|有條理|(?:很|非常|挺|特别|特別|相当|相當)(?:自然|规范|規範|标准|標準)|得当|得當|恰当|恰當|完美|诚恳|誠懇|仔细|仔細|周全|妥当|妥當|利落|俐落|清晰|亲和|親和|沉着|沉著|镇定|鎮定|(?:好|棒)(?:极|極)了/u;
// Each alternative starts with its characters and looks behind only once they match: a
// lookbehind first would be tried at every offset of the note.
const CONTRAST =
  /美中不足的是|美中不足|唯一(?:的)?(?:小|一个|一個|一点|一點)?(?:小)?(?:问题|問題|不足|缺点|缺點|瑕疵|遗憾|遺憾|建议|建議|要注意的|要改的|要改进的|要改進的|要提醒的|需要注意的|要加强的|要加強的|可以改进的|可以改進的|需要改进的|需要改進的|可惜的)(?:是|就是|在于|在於)?|有(?:一)?(?:个|個|点|點)小(?:问题|問題|瑕疵|地方|遗憾|遺憾)(?:是|就是)?|(?:不足|可惜|遗憾|遺憾)的(?:是|地方是)|只不[过過]|话虽如此|話雖如此|(?:尽管|儘管|即便|即使|虽然|雖然)如此|话说回来|話說回來|[却卻](?<![忘冷推退了][却卻])(?!步|之不恭)|只可惜|可惜(?:的是)?|唯[独獨]|(?:硬要|真要|非要|如果要|要)(?:挑|说|說)(?:一点|一點|个|個)?(?:毛病|问题|問題|不足|缺点|缺點)(?:的话|的話)?|(?:需要|可以)(?:改进|改進|加强|加強|注意|提升)的(?:地方|一点|一點)?(?:是|就是|在于|在於)|但是|可是|不[过過](?<!再\p{Script=Han}{1,2}不[过過])(?!了)|然而|只是|但(?!愿|願)|就是(?<=(?:^|[，,；;—-])就是)|可(?<=(?:^|[，,])可)(?!以|能|惜|怕|靠|爱|愛|见|見|行|否|口|乐|樂|观|觀|信|取|谓|謂|笑|怜|憐|恶|惡|疑|是)|(?:稍微|稍稍|有点|有點|比较|比較){1,2}(?:遗憾|遺憾|可惜)的(?:是|地方是)|就可惜(?:的是)?|不足之[处處](?:是|在于|在於|就是)?|(?:问题|問題|毛病|缺点|缺點)(?:是|在于|在於|就出在)|有(?:一)?(?:个|個|点|點|件事|个地方|個地方)(?:小)?(?:要|需要|可以|得)?(?:提醒|注意|改进|改進|加强|加強|留意)(?:一下)?(?:的)?(?:是|就是)?|(?:一个|一個)?(?:小小|小)的?(?:建议|建議|提醒|提示)(?:是|就是|[：:])|偏偏|然鹅|无奈|無奈/gu;
/**
 * Words that are contrasts only between clauses: 只是 and 就是 after a comma ("很专业，只是…",
 * not "这就是我们的标准"), and 就是 not when it says what something is (就是我们要的).
 */
function isContrast(text: string, c: { start: number; text: string }): boolean {
  const before = text.slice(0, c.start);
  const after = text.slice(c.start + c.text.length);
  const opening = before.trim() === '';
  // Colloquial markers (问题是, 有一点要提醒的是, 小建议是, 偏偏, 无奈) contrast only when they
  // open a clause, and not when the clause is about someone else (问题是客户没带证件).
  if (COLLOQUIAL_CONTRAST.test(c.text))
    return (opening || /[，,；;—]\s*$/u.test(before)) && !THIRD_PARTY_LEAD.test(after);
  // Opening the sentence, 只是 and 就是 contrast with the sentence before only when a fault
  // follows ("真不错！就是结束语太匆忙"), not in "就是这样".
  if (c.text === '只是') return /[，,；;—]/u.test(before) || (opening && NEGATIVE.test(after));
  if (c.text === '就是')
    return (
      !/^(?:说|說|我们|我們|这|這|那|要|因为|因為|在|为了|為了|最好|最棒|最佳|对|對)/u.test(
        after,
      ) &&
      (!opening || NEGATIVE.test(/^[^，,。！？]*/u.exec(after)![0]))
    );
  // 可惜 between clauses ("很专业，可惜没核身") takes the praise back; "很可惜" is a feeling.
  if (/^可惜$/u.test(c.text)) return opening || /[，,；;—]\s*(?:就|只|倒是)?$/u.test(before);
  // 不过 before a number is "no more than" (保留时间不过一分钟), unless it opens a clause.
  if (/^不[过過]$/u.test(c.text) && !opening && !/[，,；;—]\s*$/u.test(before))
    return !/^(?:\d|[一二两兩三四五六七八九十几幾半百千])/u.test(after);
  return true;
}
const COLLOQUIAL_CONTRAST =
  /^(?:问题|問題|毛病|缺点|缺點|有(?:一)?(?:个|個|点|點|件)|(?:一个|一個)?小|偏偏|无奈|無奈|就可惜)/u;
/** A clause that says something the agent did wrong (so it is not praise before a "but"). */
const NEGATIVE =
  /没|沒|不|忘|太|错|錯|漏|未|差|慢|乱|亂|有点|有點|有些|急|仓促|倉促|匆忙|生硬|冷淡|含糊|打断|打斷|过于|過於|过快|過快/u;

/** Modal verbs that command when the agent (or nobody) is the subject. */
const MODAL =
  /(你|您)?(?:也|还是|還是|还|還|就|都|真的|一定|最好|先|下次|下一通电话|下一通電話)?(应该|應該|应当|應當|必须|必須|必需|务必|務必|非得|一定要|一定得|千万要|千萬要|最好要?|需要|有必要(?!吗|嗎)|(?:该|該)(?<=(?:你|您)(?:也|还是|還是|还|還|就|都|真的|先)?(?:该|該))(?!不会|不會|有|是|死|怎|多|休息|下班|吃|睡|回家|了|吧)|(?<=(?:你|您)(?:也|还是|還是|还|還|就|都|可|真的|一定|先)?)得(?!到|了|分|出|知|罪|意|体|體|当|當|益|以|奖|獎|手|逞|病|救|失|很|太|挺|多|好|不)|得(?=先|要|把|去|马上|馬上|立刻|记住|記住|注意|再|多|给|給|跟|和|主动|主動|确认|確認|核实|核實)|要(?!不|求|是|么|麼|点|點|紧|緊|的|了|过|過|到|收|退|换|換|取消))/gu;
/** "Should" as a forecast, not a command: the refund should arrive on Thursday. */
const FORECAST =
  /^(?:会|會|能|是|已经|已經|已|就是|没|沒|不会|不會|周|週|星期|明天|今天|后天|後天|\d|送到|可以到)/u;
/** A feeling or state after 应该 (应该挺累的, 應該很緊張): a guess, not a task. */
const FEELING =
  /^(?:也|都|已经|已經)?(?:挺|很|蛮|蠻|相当|相當|非常|特别|特別|有点|有點|比较|比較|超|太|够|夠)?(?:累|疲惫|疲憊|辛苦|紧张|緊張|头大|頭大|头疼|頭疼|难受|難受|委屈|生气|生氣|着急|著急|崩溃|崩潰|无奈|無奈|意外|惊讶|驚訝|开心|開心|高兴|高興|满意|滿意|挫折|沮丧|沮喪|郁闷|鬱悶|烦|煩|不好受|心累|受挫|松了口气|鬆了口氣|骄傲|驕傲|自豪|得意)/u;
/** 会 (will) later in the same clause, not as part of 会员, 机会, 开会… */
const WILL =
  /^[^，,。；;！!？?]*?(?<![机機开開社理体體聚约約学學都])(?:会|會)(?![员員议議计計话話])/u;
/** Someone other than the agent is the subject: the customer needed, the refund must... */
const OTHER_SUBJECT =
  /(?<![给給跟对對向和帮幫为為与與替让讓同把]|答应|答應|承诺|承諾|告诉|告訴|通知|提醒|安抚|安撫|回复|回覆|称呼|稱呼)(客户|客戶|顾客|顧客|对方|對方|他|她|它|他们|他們|系统|系統|退款|订单|訂單|包裹|公司|流程|规定|規定|经理|經理|同事|银行|銀行|款项|款項|费用|費用|账单|帳單|钱|錢|货|貨|快递|快遞|邮件|郵件|短信|簡訊|发票|發票|积分|積分|额度|額度|工单|工單|申请|申請|来电者|來電者|路由器|数据机|數據機|技术员|技術員|技術人員)[^，,。！？]{0,6}$/u;

/** A clause about someone else: the customer, a colleague, the system. */
const THIRD_PARTY_LEAD =
  /^(?:客户|客戶|客人|顾客|顧客|对方|對方|他|她|它|同事|系统|系統|技术员|技術員|技術人員)/u;

const IF_I_WERE_YOU =
  /(?:如果|要是|假如|假设|假設|假使|倘若)我(?:站)?在你的(?:位置|立场|立場|处境|處境)(?:上)?(?:的话|的話)?|(?:如果|要是|假如)?(?:换|換)(?:作|成|做|了)?(?:是)?我(?:来|來)?(?:处理|處理|做|接|讲|講|说|說|回答)?(?:的话|的話|来说|來說)|(?:如果|要是|假如)(?:换|換)了?我(?=[，,])|站在你的(?:角度|立场|立場|位置)(?:上)?(?:来看|來看)?(?=[，,]?我(?:会|會|就|应该|應該|可能|大概))|我(?:来|來)(?:处理|處理|做|接|讲|講|说|說)?的(?:话|話)(?=[，,]?(?:我)?(?:会|會|就|应该|應該|可能|大概))|(?:如果|要是|假如)是我的(?:话|話)|(?:如果|要是|假如|若)(?:今天|当时|當時|那时|那時)?是我(?=[，,]|来|來|的话|的話)|要是我(?=[，,])|若我是你|我(?<!\p{Script=Han}我)的(?:话|話)(?=[，,]?(?:我)?(?:会|會|就|应该|應該|可能|大概))|(?:假设|假設|假使|倘若)我是你|如果我是你|要是我是你|假如我是你|我是你的话|我是你的話|(?:如果|要是|假如)?(?:换作|換作|换成|換成|换做|換做)是?我(?!们|們)|假如是我|我要是你|如果是我的话|如果是我的話|要是我的话|要是我的話|我如果是你|我要是在你的位置|如果我在你的位置/gu;
/** A "why didn't you" with the agent as subject, or opening a clause (the agent implied). */
/** Words between "why" and the negation: 你怎么老是不, 为什么又没有. */
const WHY_ADVERBS =
  '(?:就|又|还|還|都|一直|老是|老|总是|總是|总|總|每次|从来|從來|始终|始終|偏偏|竟然|再)';
/**
 * A habit frame presupposes the fault as a negation does: 你怎么老是插话, 为什么每次都…,
 * 你怎麼又忘了 (not 你怎么总是这么耐心, which is a compliment).
 */
const WHY_HABIT =
  '(?:老是|总是|總是|每次都|每次|每回都|每回|一直|又|老|总|總|还是|還是|动不动就|動不動就|一再|屡次|屢次)(?!(?:都|也|还|還)?是?(?:这么|這麼|那么|那麼|如此|这样|這樣))(?!(?:都)?是(?:你|您|我|他|她))(?=\\p{Script=Han})';
const WHY_YOU =
  '(?:(?:你|您)(?:们|們)?(?:到底|当时|當時|刚才|剛才)?(?:为什么|為什麼|为何|為何|为啥|為啥|干嘛|幹嘛|干吗|幹嗎|怎么|怎麼)|(?:为什么|為什麼|为何|為何|为啥|為啥|干嘛|幹嘛|干吗|幹嗎|怎么|怎麼)(?:你|您))';
const WHY_OPENING =
  '(?:^|[，,：:]|但是|可是|不过|不過|然而|(?<!不)但)(?:那|那么|那麼)?(?:为什么|為什麼|为何|為何|为啥|為啥|干嘛|幹嘛|干吗|幹嗎|怎么|怎麼)';
const WHY_NOT = new RegExp(
  `${WHY_YOU}${WHY_ADVERBS}{0,2}(?:不能|不会|不會|没有|沒有|不|没|沒)(?!人)|` +
    `${WHY_OPENING}${WHY_ADVERBS}{0,2}(?:不能|没有|沒有|不|没|沒)(?!人)|` +
    `${WHY_YOU}${WHY_HABIT}|${WHY_OPENING}${WHY_HABIT}`,
  'gu',
);
/** A why word: only a sentence with one can hold a presupposing why. */
const WHY_WORD = /为什么|為什麼|为何|為何|为啥|為啥|干嘛|幹嘛|干吗|幹嗎|怎么|怎麼/u;
/** A reported question: 客户问你为什么没有回电 is the customer asking, not the coach. */
const REPORTED =
  /(?:问|問|想知道|不明白|不理解|搞不懂|纳闷|納悶|疑惑|好奇|质问|質問|追问|追問)(?:我|我们|我們)?$/u;

const GENERIC =
  /做得(?:很|非常|特别|特別|真|太|挺)?好(?:了)?|(?:真|太|超)牛(?:了)?|表(?:现|現)(?:得)?(?:很|非常|真|特别|特別|超|挺)?(?:出色|优秀|優秀|棒|稳|穩|亮眼)|做得不错|做得不錯|干得好|幹得好|干得漂亮|幹得漂亮|好样的|好樣的|太棒了|真棒|很棒|非常棒|真厉害|真厲害|太厉害了|太厲害了|超赞|超讚|很赞|很讚|太赞了|太讚了|真赞|真讚|表现很好|表現很好|表现不错|表現不錯|棒棒的|(?:真|很|挺|非常)(?:不错|不錯)(?!过|過)|(?:好|棒)(?:极|極)了|做得漂亮|(?:继续|繼續)(?:保持|加油)(?=(?:喔|哦|噢|啊|呀|哟|喲|唷)?(?:[，,。！!～~]|$))|再接再(?:厉|厲)|(?:真|太|很|超|好|非常)(?:给力|給力)|(?:很|超|好|真)優(?![秀先惠質點勢化雅良])|(?:这通|這通|今天的|这次的|這次的)?(?:电话|電話|通话|通話)(?:你|您)?(?:(?:处理|處理|打|接)得)?(?:很|真|非常)?(?:不错|不錯|好|棒)|表(?:现|現)(?:很|非常|真|特别|特別)?(?:专业|專業|到位)|(?:很|真|非常|挺|蛮|蠻|超|特别|特別|相当|相當)?(?:好|棒|不错|不錯|漂亮|出色)(?<=(?:电话|電話|通话|通話|单|單|通|次|件)(?:你|您)?(?:处理|處理|打|接|办|辦|做|搞|弄|干|幹)得(?:很|真|非常|挺|蛮|蠻|超|特别|特別|相当|相當)?(?:好|棒|不错|不錯|漂亮|出色))|不愧是(?:你|您)|(?:很|超|真|蠻|蛮|挺|太)可以(?:了)?(?=(?:喔|哦|噢|啊|呀|耶|欸|的|了|啦)?\s*(?:\p{Extended_Pictographic}|[，,。！!～~]|$))/gu;
/** Praise words that open a sentence on their own: "很好，…", "不错！". */
const OPENING_PRAISE =
  /^(?:(?:整体|整體|总体|總體)(?:来说|來說|来看|來看|上)?[，,]?\s*)?(?:很好|非常好|挺好|好|(?:真|很|挺|非常)?(?:不错|不錯)|(?:好|棒)(?:极|極)了|(?:做|干|幹)得(?:好|漂亮)|好(?:样|樣)的|(?:真|很|超|太|好|非常)?(?:(?:棒|赞|讚){1,3}|厉害|厲害|漂亮|完美|优秀|優秀|出色|给力|給力|牛|优|優)(?:了|的|啊|呀|哦|喔)?|(?:真|很|超|太|好|非常)(?:强|強)(?:了|啊|呀|哦|喔)?|(?:绝|絕)了|(?:真|很|超|太|好)?(?:稳|穩)(?:了|啊|呀|哦|喔)?|(?:稳稳|穩穩)的|不(?:简单|簡單)|真有你的|了不起|(?:太|真|超)?神了|水(?=喔|啦)|(?:帅|帥)(?=喔|哦|啊|呀|啦)|(?:赞|讚)一(?:个|個)|(?:给|給)你(?:点赞|點讚|按讚|按个赞|按個讚)|可以可以|(?:杠杠|槓槓)的|(?:没|沒)毛病|妥妥的|真行|有(?:两|兩)下子|棒呆了|(?:厉害|厲害)了(?:我的哥|我的姐)?)(?:的|了|啦|啊|呀|哦|喔|哟|喲)?(?=[，,！!。.～~]|$)/u;
/** OPENING_PRAISE at a given offset (sticky), for a stock word that is a later clause. */
const PRAISE_AT = new RegExp(OPENING_PRAISE.source.replace(/^\^/u, ''), 'uy');
/** Words that approve of what was done, tying praise to it. */
const APPROVAL =
  /做得好|做得很好|做得不错|做得不錯|做得对|做得對|很好|非常好|很棒|真棒|太棒|值得肯定|值得表扬|值得表揚|这正是|這正是|正是我们|正是我們|完全符合|符合[^，。]{0,10}(?:标准|標準|要求|礼仪|禮儀)|完全正确|完全正確|很专业|很專業|再好不过|再好不過|到位|漂亮|出色|谢谢你|謝謝你|我很喜欢|我很喜歡|就是我们要|就是我們要|正确|正確|很对|很對|欣赏|欣賞|赞赏|讚賞|值得学习|值得學習|非常对|非常對|(?:真|很|超|太)(?:赞|讚)|(?<!得)(?:真|很|太|超|好)(?:厉害|厲害)|(?<![得真很太超好])(?:厉害|厲害)|(?:谢谢|謝謝)(?=[，,。！!]|$)|(?:很|非常|真|特别|特別|十分|相当|相當)(?:用心|贴心|貼心|周到|标准|標準|规范|規範|得体|得體|专业|專業|到位|得当|得當|妥当|妥當)|(?:这|這)(?:就|正)是我(?:们|們)(?:说|說|讲|講|提倡|想要|强调|強調)的|(?:这|這)(?:就|正|才)是[^，,。！!]{0,8}(?:标准|標準|规范|規範|教科书|教科書|范本|範本|示范|示範|榜样|榜樣)|(?:很|非常|真|超|挺|特别|特別)?(?:靠谱|靠譜|可靠)|(?:很|超|真|太|非常|大大)?加分|(?:完全|都|全程|严格|嚴格|一直)(?:是)?(?:按|照|按照|依照|遵照|依)(?:着|著)?(?:规范|規範|标准|標準|流程|SOP|sop|规定|規定|话术|話術|要求)|(?:很|非常|十分)?(?:难得|難得|宝贵|寶貴)|(?:这|這)(?:一)?(?:点|點|步|部分|块|塊)(?:做得)?(?:很|非常|特别|特別|真|超|十分|也)(?:好|棒|赞|讚|到位)|(?:很|真|特别|特別|超|蠻|蛮|挺|非常|最)(?:喜欢|喜歡)(?=你)|(?:跟|和|与|與|同)[^，,。]{0,8}(?:规范|規範|标准|標準|SOP|sop|流程|要求|规定|規定|话术|話術)(?:完全)?(?:一模一样|一模一樣|一样|一樣|一致|相同)/u;
/**
 * A way of handling something, approved: 安抚得很好, 处理得很到位, 掌握得不错, 抓得很准. The verb
 * names the deed, so no 你 is needed (做得好 and 干得好 name none: they are stock praise).
 */
const DEED_APPROVED =
  /(?:处理|處理|安抚|安撫|掌握|把握|拿捏|解释|解釋|说明|說明|讲|講|说|說|问|問|答|回答|回应|回應|沟通|溝通|衔接|銜接|引导|引導|控制|安排|跟进|跟進|抓|应对|應對|表达|表達|介绍|介紹|推荐|推薦|核实|核實|确认|確認|总结|總結|记录|記錄|铺垫|鋪墊|收尾|开场|開場)得(?<!(?:电话|電話|通话|通話|这单|這單|这通|這通|这次|這次|这件|這件|这个单子|這個單子|这一单|這一單|这一通|這一通)\p{Script=Han}{0,2}(?:处理|處理|安抚|安撫|掌握|把握|拿捏|解释|解釋|说明|說明|讲|講|说|說|问|問|答|回答|回应|回應|沟通|溝通|衔接|銜接|引导|引導|控制|安排|跟进|跟進|抓|应对|應對|表达|表達|介绍|介紹|推荐|推薦|核实|核實|确认|確認|总结|總結|记录|記錄|铺垫|鋪墊|收尾|开场|開場)得)(?:很|非常|特别|特別|挺|相当|相當|真|超|十分|更|最)?(?:好|不错|不錯|到位|漂亮|出色|棒|准|準|稳|穩|专业|專業|规范|規範|标准|標準|得体|得體|周到|妥当|妥當|恰当|恰當|完美|及时|及時|扎实|紮實)/u;
/**
 * Any verb + 得 + an approving word (核对得很到位, 安排得很妥当), other than 做得好 and 觉得很好;
 * not the call itself (这通电话打得很好).
 */
const ANY_DEED_APPROVED = new RegExp(
  DEED_APPROVED.source.replaceAll(
    /\(\?:处理[^)]*\)得/gu,
    '(?![做干幹觉覺记記值获獲显顯变變懂晓曉使取舍捨免难難])\\p{Script=Han}得',
  ),
  'u',
);
/** APPROVAL with the global flag, to take every approving phrase out of a clause. */
const APPROVALS = new RegExp(APPROVAL.source, 'gu');
/** Approval that names the standard the deed met: 这正是我们的标准, 完全照SOP来. */
const STANDARD_NAMED =
  /(?:跟|和|与|與|同)[^，,。]{0,8}(?:规范|規範|标准|標準|SOP|sop|流程|要求|规定|規定|话术|話術)(?:完全)?(?:一模一样|一模一樣|一样|一樣|一致|相同)|(?:这|這)(?:就|正|才)是[^，,。！!]{0,8}(?:标准|標準|规范|規範|要求)|(?:完全|都|全程|严格|嚴格|一直)(?:是)?(?:按|照|按照|依照|遵照|依)(?:着|著)?(?:规范|規範|标准|標準|流程|SOP|sop|规定|規定|话术|話術|要求)|符合[^，。]{0,10}(?:标准|標準|要求|规范|規範)/u;
/** Results rather than deeds: a survey score, a ranking, the customer's thanks. */
const OUTCOME =
  /满意度|滿意度|好评|好評|五星|评分|評分|评价|評價|排名|第一名|(?:排|拿了?|得了?|获得|獲得|全组|全組|组里|組裡|团队|團隊|又是)第一|解决率|解決率|问卷|問卷|满分|滿分|表扬|表揚|业绩|業績|指标|指標|感谢信|感謝信|点赞|點讚|(?:\d+|[一二两兩三四五六七八九十百]+)通(?:电话|電話)?/u;
const AGENT_DID = /你(?!们|們|觉得|覺得|认为|認為|会|會|可以|能|要|应该|應該|需要|必须|必須)/u;
/**
 * What is left of a clause about the agent once the subject, time words, intensifiers, the
 * call or "performance" as a whole and the praise itself are taken out: 你今天很棒, 你今天的
 * 表现很专业, 这通电话你处理得很好 leave nothing, so they name no deed (generic); 你先核实了
 * 身份 leaves the deed.
 */
const NO_DEED_WORDS = new RegExp(
  [
    '应该说|應該說|可以说|可以說|说实话|說實話|你|您|们|們|我|今天|今日|这周|這週|这週|本周|本週|这个月|這個月|这次|這次|刚才|剛才|刚刚|剛剛|一直|一整天|全天|全程|整个|整個|整体|整體|总体|總體|都|也|真的|真|确实|確實|实在|實在|果然|又',
    '(?:这|這|那)?(?:一)?(?:通|个|個)?(?:电话|電話|通话|通話)|(?:这|這|那)(?:一)?(?:单|單|通|件|个单子|個單子)|表现|表現|服务|服務|工作|状态|狀態|做得|干得|幹得|做|处理得|處理得|搞定|办|辦',
    '辛苦(?:了|啦|啰|囉)?|谢谢|謝謝|感谢|感謝|加油|继续|繼續|保持|一如既往',
    '很|非常|特别|特別|超|太|挺|好|棒|赞|讚|厉害|厲害|优秀|優秀|出色|专业|專業|不错|不錯|漂亮|完美|给力|給力|到位|值得肯定|值得表扬|值得表揚|了|的|啊|呀|啦|哦|喔|吧|嘛|地|得',
    '[\\s，,。！!？?～~、；;：:]',
  ].join('|'),
  'gu',
);
const agentDeed = (clause: string) =>
  AGENT_DID.test(clause) && clause.replace(NO_DEED_WORDS, '').length >= 1;
/**
 * The agent's deed with the subject left out, as Chinese often does: a verb with the customer
 * as its object (称呼客户…, 安抚顾客, 跟客户报进度), not the customer as subject (客户很满意).
 */
const DEED_ON_CUSTOMER =
  /(?:称呼|稱呼|安抚|安撫|提醒|告诉|告訴|帮|幫|给|給|跟|向|陪|引导|引導|问|問|回复|回覆|回应|回應|通知|带|帶|教|请|請|叫|称|稱|听|聽|等|接|安慰|体谅|體諒|理解)(?:完|了|过|過|着|著)?(?:客户|客戶|顾客|顧客|客人)/u;
/** An adverb of manner that only goes with a deed: 主动提出…, 及时回拨, 第一时间道歉. */
const DEED_ADVERB =
  /^(?:主动|主動|及时|及時|立刻|立即|马上|馬上|第一时间|第一時間|当场|當場|耐心地|(?:一开始|一開始)就)\p{Script=Han}/u;
/** A step named as the topic: 确认身份这一步做得很好. */
const NAMED_STEP = /\p{Script=Han}{2}(?:这|這)(?:一)?(?:步|点|點|个环节|個環節|部分|块|塊)/u;
/**
 * A step of the call named as the subject, as a deed of the agent's: 核身顺序…, 开场白…,
 * 结束前的复述… (not 系统流程, not the call as a whole).
 */
const DEED_NOUN =
  /^(?:[^，,]{0,8}的)?(?:核身|核实|核實|核对|核對|身份核|身分核|身份验证|身分驗證|开场|開場|结束语|結束語|收尾|复述|覆述|总结|總結|道歉|安抚|安撫|解释|解釋|转接|轉接|话术|話術|语气|語氣|语速|語速|回拨|回撥|跟进|跟進|确认身份|確認身分|处理方式|處理方式|结尾|結尾|摘要|重点复述|重點複述|身份验证|身分驗證|验证|驗證|开头|開頭|问候|問候|报价|報價|备注|備註|保留|等候|问候语|問候語)/u;
const agentActs = (clause: string) =>
  agentDeed(clause) ||
  DEED_ON_CUSTOMER.test(clause) ||
  DEED_ADVERB.test(clause.trim()) ||
  NAMED_STEP.test(clause);
/**
 * Words for the agent's manner (很专业, 很亲切): said of a step (开场白很专业) they describe it;
 * approval of the step needs a word that judges it (很规范, 到位, 做得好, 这正是…).
 */
const MANNER =
  /(?:很|非常|真|特别|特別|十分|相当|相當|挺)?(?:专业|專業|用心|贴心|貼心|周到|得体|得體|热情|熱情|亲切|親切|耐心|有礼貌|有禮貌)/gu;
const stepApproved = (clause: string) =>
  DEED_NOUN.test(clause.trim()) &&
  !OUTCOME.test(clause) &&
  APPROVAL.test(clause.replace(MANNER, ''));

const QUESTION_WORDS =
  /你觉得|你覺得|你认为|你認為|你感觉|你感覺|你当时|你當時|你会怎么|你會怎麼|你会如何|你會如何|如果再来一次|如果再來一次|你怎么看|你怎麼看|你注意到|什么|什麼|怎么样|怎麼樣|如何|哪|为什么|為什麼|为何|為何|为啥|為啥|干嘛|幹嘛|干吗|幹嗎|怎么|怎麼|反应|反應/u;
/** Why + a negated verb: "why did it not…". */
const WHY_FAILED =
  /(?:为什么|為什麼|为何|為何|为啥|為啥|怎么|怎麼)[^你您，,？?]{0,6}?(?:(?:还|還|都|又)?(?:没有|沒有|没|沒|不)|一直|老是|总是|總是|每次都|又)/u;
const NEXT_TIME = /下次|下一次|下回|下一通|下通电话|下通電話|以后的通话|以後的通話|今后|今後/gu;

function isQuestion(s: string): boolean {
  return /[？?]$/u.test(s);
}

/** 不但…而且, 不仅…但: the 但 of "not only", not a contrast. */
function notOnly(text: string, at: number): boolean {
  const before = text.slice(0, at);
  if (/不$/u.test(before) && text.slice(at).startsWith('但')) return true;
  return /(不仅|不僅|不只|不光)/u.test(before) && /^但(?!是)/u.test(text.slice(at));
}

/** Advice or a command, which a statement of what the agent did does not contain. */
const ADVICE = /应该|應該|必须|必須|需要|一定|务必|務必|可以|最好|记得|記得|别|別|要/u;
/** Praise words with 不 or 太 in them, left out before looking for a fault (太棒了, 不错). */
const PRAISE_WITH_NEGATIVE =
  /不错|不錯|太棒|太好|太赞|太讚|太厉害|太厲害|太漂亮|再好不过|再好不過|(?:没|沒)毛病|不(?:简单|簡單)|了不起|太神|太可以/gu;
const faulty = (clause: string) => NEGATIVE.test(clause.replace(PRAISE_WITH_NEGATIVE, ''));

/** Praise, or what the agent did said without a fault in it ("你对产品很熟悉"). */
function praises(text: string): boolean {
  const clause =
    text
      .split(/[，,；;—]/u)
      .filter((c) => c.trim())
      .at(-1) ?? '';
  // Praise of the customer or the system ("系统运行得很好", "客户说很满意") is a fact.
  if (DEED_APPROVED.test(clause) && !faulty(clause)) return true;
  if (THIRD_PARTY_LEAD.test(text.trim()) && !AGENT_DID.test(text)) return false;
  if (ANY_DEED_APPROVED.test(clause) && !faulty(clause)) return true;
  if (PRAISE.test(text) && !faulty(clause)) return true;
  // A statement of what the agent did, not of what they should do.
  return /^(?:你|您)/u.test(text.trim()) && !faulty(text) && !ADVICE.test(text);
}

function praisedBefore(s: Sentence, at: number, previous: Sentence | undefined): boolean {
  const before = s.text.slice(0, at);
  if (before.replace(/[，,、；;—\s]/gu, '').length > 0) return praises(before);
  if (previous === undefined || isQuestion(previous.text)) return false;
  const prior = previous.text.replace(/[。！!.~～]+$/u, '');
  return praises(prior) || APPROVAL.test(prior);
}

export function chineseRules(script: Script): Rules {
  const t = script === 'traditional';
  return (s, previous) => {
    const hits: Hit[] = [];
    const contrasts = spans(CONTRAST, s.text)
      .filter((c) => isContrast(s.text, c) && !notOnly(s.text, c.start))
      // 但话说回来, 要挑毛病的话，就是…: contrast words in a row are one contrast.
      .reduce<Array<{ start: number; end: number; text: string }>>((out, c) => {
        const last = out.at(-1);
        if (last && /^[，,\s]*$/u.test(s.text.slice(last.end, c.start)))
          out[out.length - 1] = { start: last.start, end: c.end, text: last.text + c.text };
        else out.push(c);
        return out;
      }, []);
    for (const c of contrasts) {
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
      const must = m[0].endsWith('一定要'); // 一定 + 要: "must", with or without a subject
      const start = m.index + m[0].length - modal.length - (must && modal === '要' ? 2 : 0);
      const before = s.text.slice(0, m.index);
      const rest = s.text.slice(m.index + m[0].length);
      if (FORECAST.test(rest)) continue;
      // 你当时应该挺累的吧: 应该 guessing a feeling ("must have been"), not telling.
      if (/^(?:应该|應該)$/u.test(modal) && FEELING.test(rest)) continue;
      // 应该…会: "the refund should show on the next bill" forecasts, whoever the subject is.
      if (/^(?:应该|應該)$/u.test(modal) && !subject && WILL.test(rest)) continue;
      // 务必 ("be sure to") directs whoever the clause is about: the agent, unless the clause
      // opens with someone else (客户务必…); "给客户回电务必…" is the agent's call.
      const clause = /[^，,；;：:。]*$/u.exec(before)![0];
      if (
        /^(?:务必|務必)$/u.test(modal)
          ? THIRD_PARTY_LEAD.test(clause)
          : !subject && OTHER_SUBJECT.test(before)
      )
        continue;
      if (
        !subject &&
        !must &&
        (modal === '需要' || modal.startsWith('要') || modal === '得' || modal === '有必要')
      )
        continue;
      // 你需要的话 / 如果你需要转接: a condition; 你需要什么都可以说: whatever you need; 应该说
      // ("I'd say") and 应该有收到…吧 (a guess) tell the agent nothing.
      const clauseAfter = /^[^，,。；;！!？?]*/u.exec(rest)![0];
      if (/^(?:的话|的話)|(?:的话|的話)$/u.test(clauseAfter)) continue;
      if (/(?:如果|要是|假如|若是|万一|萬一)[^，,。；;]*$/u.test(before)) continue;
      if (/^(?:什么|什麼|任何|的)/u.test(rest)) continue;
      if (
        /^(?:应该|應該)$/u.test(modal) &&
        /^(?:说|說|有(?!必要)|吧)|吧$/u.test(rest.replace(/[。！!？?]+$/u, ''))
      )
        continue;
      if (/(?:不|没|沒)$/u.test(before)) continue; // 不需要, 不应该: not a command
      hits.push({
        start,
        end: m.index + m[0].length,
        category: 'command',
        suggestions: ['可以', '不妨'],
      });
    }
    for (const m of s.text.includes('我') ? spans(IF_I_WERE_YOU, s.text) : [])
      hits.push({
        ...m,
        category: 'if-i-were-you',
        suggestions: [t ? '你可以考慮' : '你可以考虑'],
      });
    const whyNot = (WHY_WORD.test(s.text) ? spans(WHY_NOT, s.text) : [])
      .filter((m) => !REPORTED.test(s.text.slice(0, m.start)))
      .map((m) => {
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
    // The sentence is cut at each contrast; a clause after a factual contrast may still praise
    // ("线路有杂音，但…；你放慢了语速，这正是…"), a clause after a cancelling one does not.
    const cancelled = hits.some((h) => h.category === 'but' || h.category === 'command');
    const clauses: string[] = [];
    let from = 0;
    for (const c of contrasts) {
      clauses.push(s.text.slice(from, c.start));
      if (hits.some((h) => h.category === 'but' && h.start === c.start)) {
        from = -1;
        break;
      }
      from = c.end;
    }
    if (from >= 0) clauses.push(s.text.slice(from));
    // Approval is tied to a deed when a part of the clause says what the agent did, other than
    // a result: "厉害，你这周又拿了满意度第一" praises an outcome.
    const namesDeed = (clause: string) =>
      clause.split(/[，,；;]/u).some((c) => agentActs(c) && !OUTCOME.test(c));
    const approves = (clause: string) =>
      ((APPROVAL.test(clause) &&
        (namesDeed(clause) || clause.split(/[，,；;]/u).some(stepApproved))) ||
        DEED_APPROVED.test(clause) ||
        (ANY_DEED_APPROVED.test(clause) && !THIRD_PARTY_LEAD.test(clause.trim()))) &&
      !(cancelled && clause === s.text);
    // Stock praise opening the sentence is specific only when the rest says what was done (a
    // completed action: 了, 过, 把, 得很…), not a suggestion or a courtesy (很好，你下次可以…).
    const opening = OPENING_PRAISE.exec(s.text);
    // What follows the praise, up to a contrast that takes it back ("整体很赞，就是…").
    const takenBack = hits.find((h) => h.category === 'but')?.start ?? s.text.length;
    const rest = opening ? s.text.slice(opening[0].length, takenBack) : '';
    // A standard named after the deed (这正是我们的标准, 完全按规范来) says it was done; the 要 of
    // 我们要的标准 is "want", not advice.
    const restWithoutApproval = rest.replace(APPROVALS, '');
    const describesDeed =
      !opening ||
      ((/了|过|過|把|得(?:很|非常|特别|特別|挺|真|超)|一\p{Script=Han}{1,3}就/u.test(rest) ||
        STANDARD_NAMED.test(rest)) &&
        !/可以|下次|下一次|下回|要|应该|應該|需要|辛苦/u.test(restWithoutApproval));
    // A result ("你这周又拿了满意度第一") is not a deed: stock praise beside it stays generic.
    const praisedDeed = opening !== null && describesDeed && agentDeed(rest) && !OUTCOME.test(rest);
    if (!isQuestion(s.text) && describesDeed && (praisedDeed || clauses.some(approves))) {
      // The praise ends where a contrast takes it back.
      const cut = hits.find((h) => h.category === 'but')?.start ?? s.text.length;
      const end = cut - (/[，,；;—\s]*$/u.exec(s.text.slice(0, cut))?.[0].length ?? 0);
      hits.push({ start: 0, end, category: 'specific-praise', suggestions: [] });
    } else {
      const generic = spans(GENERIC, s.text);
      const opening = OPENING_PRAISE.exec(s.text);
      if (opening && !generic.some((g) => g.start < opening[0].length))
        generic.unshift({ start: 0, end: opening[0].length, text: opening[0] });
      // A stock word standing as a clause of its own later in the sentence: "满意度98%，厉害！",
      // "超讚的，很優！" (a bare 好/好的 there is "OK").
      for (const m of /[，,；;、]/u.test(s.text) ? s.text.matchAll(/[，,；;、]\s*/gu) : []) {
        const at = m.index + m[0].length;
        PRAISE_AT.lastIndex = at;
        const alone = PRAISE_AT.exec(s.text);
        if (!alone || /^好(?:的|了|啦|啊|呀|哦|喔)?$/u.test(alone[0])) continue;
        if (generic.some((g) => g.start < at + alone[0].length && at < g.end)) continue;
        generic.push({ start: at, end: at + alone[0].length, text: alone[0] });
      }
      generic.sort((a, b) => a.start - b.start);
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
    // "回电记录为什么没有生成？" asks why a thing failed: neither the agent's reflection nor a
    // presupposing why at the agent.
    // Why the customer went quiet is still the call to reflect on.
    const aboutOther =
      !/你|您|客户|客戶|客人|顾客|顧客|对方|對方|他|她/u.test(s.text) && WHY_FAILED.test(s.text);
    const asked =
      whyNot.length === 0 && isQuestion(s.text) && !aboutOther ? QUESTION_WORDS.exec(s.text) : null;
    if (asked) {
      hits.push({ start: 0, end: s.text.length, category: 'reflective-question', suggestions: [] });
      return withoutAskedModals(hits, asked.index);
    }
    if (!isQuestion(s.text))
      for (const m of spans(NEXT_TIME, s.text)) {
        // The customer's plan (客人最后说下次还会找你) is not the agent's next-time action.
        const clause = /[^，,；;：:]*$/u.exec(s.text.slice(0, m.start))![0];
        if (THIRD_PARTY_LEAD.test(clause) && !/你|您/u.test(clause)) continue;
        hits.push({ ...m, category: 'next-time', suggestions: [] });
      }
    return hits;
  };
}
