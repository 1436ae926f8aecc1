import type { Hit, Rules } from './types.js';
import { spans, words, type Sentence } from './text.js';

// Latvian rules. Latvian inflects: verbs are matched by their forms (the debitive jā-, the
// conditional vajadzētu, negated past forms), nouns by stems.

const PRAISE = words(
  'labi|lieliski|jauki|teicami|izcili|super|superīgi|malacis|malace|malači|paldies|patika|' +
    'pieklājīg\\p{L}*|laipn\\p{L}*|draudzīg\\p{L}*|mierīg\\p{L}*|profesionāl\\p{L}*|skaidr\\p{L}*|' +
    'precīz\\p{L}*|pareiz\\p{L}*|uzmanīg\\p{L}*|pacietīg\\p{L}*|sirsnīg\\p{L}*|labs|laba|labu|' +
    'forši|brīnišķīg\\p{L}*|spēcīg\\p{L}*|veikl\\p{L}*|ātr\\p{L}*|empātisk\\p{L}*|prieks',
);
const CONTRAST = words('bet|taču|tomēr|lai gan|kaut gan|kaut arī|vienīgi');

/** The agent as dative subject of a debitive or vajadzēt: tev, jums (also capitalised). */
const AGENT_DATIVE =
  /(?:^|[\s,(])(tev|jums|Tev|Jums)\s+(?:(?:arī|tomēr|vēl|noteikti|obligāti|vienmēr|ir|būs|bija|būtu|gan|tikai|tad|šeit|te)\s+){0,3}$/u;
/** Someone else in the dative (klientam, sistēmai...): not a command to the agent. */
const OTHER_DATIVE =
  /(?<![\p{L}])(?!tev|jums)\p{L}+(?:am|ai|iem|ām|ei|im)\s+(?:(?:arī|vēl|ir|būs|bija|būtu|tikai|tad|nav)\s+){0,2}$/iu;
/** Debitive forms that are the speaker's, not the agent's ("jāatzīst" = I must say). */
const SPEAKERS_OWN = /^jā(?:atzīst|saka|piebilst|uzsver|secina|piemin)$/iu;

const MODAL = words('vajadzētu|vajadzēja|vajag|nepieciešams|nepieciešami|jā\\p{L}{3,}');
const IF_I_WERE_YOU = words(
  'ja es būtu (?:tu|jūs|tavā vietā|jūsu vietā)|es tavā vietā|es jūsu vietā|tavā vietā es|jūsu vietā es|ja es būtu bijis (?:tu|jūs|tavā vietā|jūsu vietā)|es būtu tavā vietā|es būtu jūsu vietā',
);
const WHY_NOT = words(
  '(?:kāpēc|kādēļ|kamdēļ|kāda iemesla dēļ)\\s+(?:tu\\s+|jūs\\s+)?(?:tomēr\\s+|atkal\\s+)?ne\\p{L}{2,}(?:\\s+(?:tu|jūs))?',
);
const GENERIC = words(
  'labs darbs|labi padarīts|labi strādāts|malacis|malace|malači|lieliski|super|superīgi|teicami|izcili|forši|tā turpināt|turpini tāpat|ļoti labi|labi darīts|apsveicami|bravo|brīnišķīgi',
);
const BEHAVIOUR = words(
  '(?:tu|jūs)\\s+(?!esi|esat|biji|bijāt|vari|varat|mani|man)\\p{L}{3,}|sveic\\p{L}*|identitāt\\p{L}*|pārbaud\\p{L}*|apkopo\\p{L}*|kopsavilk\\p{L}*|' +
    'gaidīšan\\p{L}*|gaidīt\\p{L}*|empātij\\p{L}*|ton\\p{L}*|jautājum\\p{L}*|jautā\\p{L}*|klausī\\p{L}*|noslēgum\\p{L}*|atvadī\\p{L}*|' +
    'proces\\p{L}*|standart\\p{L}*|sistēm\\p{L}*|produkt\\p{L}*|sūdzīb\\p{L}*|uzrun\\p{L}*|vārd\\p{L}*|pieklājīb\\p{L}*|' +
    'iepazīstin\\p{L}*|paskaidro\\p{L}*|izskaidro\\p{L}*|atvainoj\\p{L}*|piedāvā\\p{L}*|apstiprin\\p{L}*|adres\\p{L}*|' +
    'poz\\p{L}*|stāj\\p{L}*|tālrun\\p{L}*|kontu|konta|rēķin\\p{L}*|pasūtījum\\p{L}*|nosauc\\p{L}*',
);
const REFLECTIVE =
  /^(?:un\s+)?(?:kā|ko|kas|kāpēc tu domā|kāpēc jūs domājat|kāpēc, tavuprāt|kādēļ tu domā|kuru|kurā|kādu|kāds|kāda|kad)(?![\p{L}]).*(?:tu|jūs|tev|jums|tavuprāt|jūsuprāt|tavā|jūsu|tevi|jūs)(?![\p{L}]).*\?$/iu;
const NEXT_TIME = words(
  'nākamreiz|nākošreiz|nākamajā (?:zvanā|sarunā|reizē)|nākamajos zvanos|turpmāk|nākotnē',
);

/** Infinitive from a 3rd-person present (debitive stem) or a past 2nd-person form, where regular. */
function infinitive(form: string): string | undefined {
  const w = form.toLowerCase();
  if (/(?:āji|īji|oji|ēji)$/u.test(w)) return w.slice(0, -2) + 't';
  if (/(?:ājāt|ījāt|ojāt|ējāt)$/u.test(w)) return w.slice(0, -3) + 't';
  if (/[āo]$/u.test(w)) return w + 't';
  if (/[dt]a$/u.test(w)) return w.slice(0, -1) + 'īt';
  return undefined;
}

function praisedBefore(s: Sentence, at: number, previous: Sentence | undefined): boolean {
  const before = s.text.slice(0, at);
  const re = new RegExp(PRAISE.source, 'iu');
  if (re.test(before)) return true;
  return (
    before.replace(/[,\s]/gu, '').length === 0 && previous !== undefined && re.test(previous.text)
  );
}

export const latvianRules: Rules = (s, previous) => {
  const hits: Hit[] = [];
  for (const c of spans(CONTRAST, s.text)) {
    const before = s.text.slice(0, c.start);
    if (c.text.toLowerCase() === 'bet' && /(?<![\p{L}])ne tikai(?![\p{L}])/iu.test(before))
      continue;
    const lowered = c.text.toLowerCase();
    const concessive = lowered === 'lai gan' || lowered === 'kaut gan' || lowered === 'kaut arī';
    const praised = concessive
      ? new RegExp(PRAISE.source, 'iu').test(s.text)
      : praisedBefore(s, c.start, previous);
    if (!praised) continue;
    hits.push({
      ...c,
      category: 'but',
      suggestions: /^[A-ZĀ-Ž]/u.test(c.text) ? ['Un', 'Nākamreiz'] : ['un', 'un nākamreiz'],
    });
  }
  for (const m of spans(MODAL, s.text)) {
    const word = m.text;
    const before = s.text.slice(0, m.start);
    if (SPEAKERS_OWN.test(word)) continue;
    if (/^jā/iu.test(word) && /^jā(?:ņ|nis|ni|nim|ņa|ņu)/iu.test(word)) continue; // Jānis, Jāņi
    const agent = AGENT_DATIVE.exec(before);
    if (!agent && OTHER_DATIVE.test(before)) continue;
    if (!agent && /(?:^|[\s,])(?:man|mums|viņam|viņai|viņiem)\s+(?:\p{L}+\s+){0,2}$/iu.test(before))
      continue;
    if (/(?<![\p{L}])ne(?:vajag|vajadzētu)/iu.test(word)) continue;
    const start = agent ? m.start - (before.length - before.lastIndexOf(agent[1]!)) : m.start;
    const debitive = /^jā/iu.test(word);
    const inf = debitive ? infinitive(word.slice(2)) : undefined;
    hits.push({
      start,
      end: m.end,
      category: 'command',
      suggestions: debitive
        ? inf
          ? [`tu varētu ${inf}`, `iesaku ${inf}`]
          : ['tu varētu']
        : agent
          ? [
              `${agent[1]![0] === 'J' ? 'Jūs' : agent[1]![0] === 'T' ? 'Tu' : agent[1] === 'jums' ? 'jūs' : 'tu'} varētu`,
            ]
          : ['varētu'],
    });
  }
  for (const m of spans(IF_I_WERE_YOU, s.text))
    hits.push({
      ...m,
      category: 'if-i-were-you',
      suggestions: ['Viena iespēja būtu', 'Ko tu domā par'],
    });
  const whyNot = spans(WHY_NOT, s.text);
  for (const m of whyNot) {
    const verb = /ne(\p{L}{2,})/iu.exec(m.text.replace(/^\S+\s+/u, ''))?.[1];
    const inf = verb && infinitive(verb);
    hits.push({
      ...m,
      category: 'presupposing-why',
      suggestions: [inf ? `Kas tev palīdzētu ${inf}` : 'Kas tev palīdzētu'],
    });
  }
  const generic = spans(GENERIC, s.text);
  if (
    generic.length > 0 ||
    (new RegExp(PRAISE.source, 'iu').test(s.text) &&
      /(?<![\p{L}])(?:tu|jūs|tev|jums)(?![\p{L}])/iu.test(s.text))
  ) {
    const behaviour = new RegExp(BEHAVIOUR.source, 'iu').test(s.text);
    const critical =
      /(?<![\p{L}])(?:bet|taču|tomēr|vajadzētu|vajag|kāpēc)(?![\p{L}])|(?<![\p{L}])jā\p{L}{3,}/iu.test(
        s.text,
      );
    if (behaviour && !critical && !s.text.endsWith('?')) {
      hits.push({ start: 0, end: s.text.length, category: 'specific-praise', suggestions: [] });
    } else {
      for (const g of generic)
        hits.push({
          ...g,
          category: 'generic-praise',
          suggestions: ['Labi: tu [ko darīji], un tieši to prasa [standarts].'],
        });
    }
  }
  if (whyNot.length === 0 && REFLECTIVE.test(s.text))
    hits.push({ start: 0, end: s.text.length, category: 'reflective-question', suggestions: [] });
  for (const m of spans(NEXT_TIME, s.text))
    hits.push({ ...m, category: 'next-time', suggestions: [] });
  return hits;
};
