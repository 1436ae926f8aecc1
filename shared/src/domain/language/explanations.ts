import type { LanguageCategory } from './types.js';

/** One line per pattern, in each UI language the analyzer explains itself in. */
export const EXPLANATIONS: Record<string, Record<LanguageCategory, string>> = {
  en: {
    but: '“But” erases the praise before it: try “and” or “next time”.',
    command:
      'Commands (should, must, need to) sound authoritarian: offer an option (“you could…”).',
    'if-i-were-you': '“If I were you” invites “you are not me”: ask a question or offer an option.',
    'presupposing-why': '“Why didn’t you…” assumes a failure: ask what would help instead.',
    'generic-praise':
      'Praise that names no behaviour teaches nothing: say what was good and which standard it meets.',
    'reflective-question': 'A reflective question: the agent thinks it through themselves.',
    'specific-praise': 'Specific praise: names the behaviour, so it will be repeated.',
    'next-time': 'One concrete next-time action: easy to act on.',
  },
  'zh-CN': {
    but: '“但是”会抹掉前面的肯定：试试“同时”或“下次”。',
    command: '“应该/必须”听起来像命令：换成建议（“你可以……”）。',
    'if-i-were-you': '“如果我是你”容易让人想“你又不是我”：改为提问或给出选项。',
    'presupposing-why': '“你为什么不……”预设了失败：改问什么能帮到对方。',
    'generic-praise': '笼统的表扬学不到东西：说清楚哪个行为好、符合哪条标准。',
    'reflective-question': '反思性提问：让坐席自己思考。',
    'specific-praise': '具体的表扬：点明了行为，更容易被重复。',
    'next-time': '一个具体的下次行动：容易做到。',
  },
  'zh-TW': {
    but: '「但是」會抹掉前面的肯定：試試「同時」或「下次」。',
    command: '「應該／必須」聽起來像命令：換成建議（「你可以……」）。',
    'if-i-were-you': '「如果我是你」容易讓人想「你又不是我」：改為提問或提供選項。',
    'presupposing-why': '「你為什麼不……」預設了失敗：改問什麼能幫到對方。',
    'generic-praise': '籠統的稱讚學不到東西：說清楚哪個行為好、符合哪條標準。',
    'reflective-question': '反思性提問：讓客服人員自己思考。',
    'specific-praise': '具體的稱讚：點明了行為，更容易被重複。',
    'next-time': '一個具體的下次行動：容易做到。',
  },
  lv: {
    but: '„Bet“ izdzēš uzslavu pirms tā: mēģiniet „un“ vai „nākamreiz“.',
    command: '„Vajadzētu“, „jā-“ skan kā pavēle: piedāvājiet iespēju („tu varētu…“).',
    'if-i-were-you':
      '„Ja es būtu tu“ rada atbildi „tu neesi es“: uzdodiet jautājumu vai piedāvājiet iespēju.',
    'presupposing-why': '„Kāpēc tu ne…“ pieņem neveiksmi: jautājiet, kas palīdzētu.',
    'generic-praise': 'Vispārīga uzslava neko nemāca: nosauciet rīcību un standartu.',
    'reflective-question': 'Pārdomu jautājums: darbinieks pats izvērtē.',
    'specific-praise': 'Konkrēta uzslava: nosauc rīcību, tāpēc to atkārtos.',
    'next-time': 'Viena konkrēta rīcība nākamreiz: viegli izdarāma.',
  },
};
