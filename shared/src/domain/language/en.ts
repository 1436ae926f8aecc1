import type { Hit, Rules } from './types.js';
import { spans, words, type Sentence } from './text.js';

// English rules. Every pattern is a word pattern over one sentence (quoted speech blanked).

const PRAISE = words(
  'good|great|well|nice|excellent|awesome|amazing|fantastic|brilliant|perfect|polite|warm|' +
    'friendly|clear|calm|patient|professional|helpful|empathetic|accurate|quick|efficient|' +
    'courteous|confident|kind|strong|solid|impressive|thank(?:s| you)|liked|loved|spot on|' +
    'smooth|positive|pleasant|thorough|well done|nailed|right|correct|' +
    '(?:warm|calm|quick|clear|correct|polite|patient|efficient|professional|accurate|smooth|' +
    'confident|kind|nice|friendly|thorough|careful|proper|prompt|great|perfect|brilliant)ly',
);
/** "You greeted…", "You handled…": a statement of what the agent did well, before a "but". */
const DID_WELL =
  /(?<![\p{L}])you(?:'ve)?\s+(?:also\s+|really\s+)?(?!didn't|did not|forgot|missed|failed|never|weren't|wasn't|couldn't|interrupted|rushed|sounded|put|left|talked|spoke|read|said|told|asked|kept the customer waiting)[\p{L}]+(?:ed|nt|ound|ept|ook|ade|ave|ew|ot|ept|oke|ught|old)(?![\p{L}])/iu;
const CONTRAST = words('but|however|although|though|yet|that said');
const NOT_ONLY = words('not only|not just');

const MODAL =
  /(?<![\p{L}])(you(?:'ll|'ve|'d| will| really| also| just| still| always| definitely| absolutely| then| now| probably| honestly| genuinely)*\s+)(should(?:n't| not)?(?:'ve| have)?|must(?:n't| not)?|need to|needs to|have to|has to|ought to|(?:have |'ve )?got to|had better)(?![\p{L}])|(?<![\p{L}])(you'd better|you had better)(?![\p{L}])/giu;

const IF_I_WERE_YOU = words(
  "if i (?:were|was|had been) (?:you|in your (?:shoes|position|place))|in your shoes,? i(?:'d| would)|if it (?:were|was) me|if that were me|i(?:'d| would) have .{0,40}?if i were you",
);
const WHY_NOT = words(
  "why (?:can't|cannot|can not|couldn't|didn't|did not|don't|do not|won't|wouldn't|haven't|hadn't|weren't|aren't|isn't|wasn't) you|why did you not|why do you not|why would you not|why are you not|why were you not",
);

const GENERIC_PRAISE = words(
  'good job|great job|nice job|great work|good work|nice work|well done|great call|good call|' +
    'nice call|awesome|excellent|amazing|fantastic|brilliant|superb|perfect|nice one|' +
    'great stuff|good stuff|great effort|good effort|nicely done|top job|love it|good one',
);
/** Phrases that tie praise to a standard ("…, which is our process standard"). */
const STANDARD_CUE =
  /which is (?:exactly )?(?:our|the|what)|exactly what (?:we|the|you)|which matches|that's (?:exactly )?(?:the|our|what)|just what the|spot on|(?:is|was) (?:exactly )?right|well done|nice work|great job|good job|great work|good work|nicely (?:done|handled)|well handled|exactly right|that is (?:our|the) standard|is the standard/iu;

/** Words that say what was done: praise near them is specific. */
const BEHAVIOUR = words(
  "you (?!(?:are|were|did it|rock|did great|did well|did good|nailed it)(?![\\p{L}]))[\\p{L}']{3,}|" +
    '(?:when|how|the way|where|after|before) you|[\\p{L}]{3,}ing|greet\\p{L}*|identity|verif\\p{L}*|' +
    'summar\\p{L}*|hold|empath\\p{L}*|tone|question\\p{L}*|listen\\p{L}*|clos(?:e|ing)|disclos\\p{L}*|' +
    'process|standard|name|apolog\\p{L}*|explain\\p{L}*|explanation|offer\\p{L}*|confirm\\p{L}*|' +
    'account|refund|booking|address|policy|posture|system|notes?|pace|rapport',
);
const NOT_BEHAVIOUR =
  /^(?:amazing|something|nothing|everything|anything|going|being|morning|evening|thing|things|during|outstanding|interesting|king)$/iu;

const REFLECTIVE =
  /(?:^|["”:]\s*)(?=[^"”:]*(?<![\p{L}])(?:you|your)(?![\p{L}]))(?:so,?\s+|and\s+)?(?:how|what|which|when|where|why do you think|why did you (?:choose|decide|go|pick|say)|in what way|looking back)(?![\p{L}])[^"”]*\?$/iu;
const NEXT_TIME = words(
  'next time|on (?:your|the) next call|for (?:your|the) next call|in (?:your|the) next call|on your next|going forward|from now on|in future calls',
);

function hasBehaviour(s: string): boolean {
  for (const m of s.matchAll(BEHAVIOUR)) {
    const word = m[0].trim();
    if (!NOT_BEHAVIOUR.test(word)) return true;
  }
  return false;
}

function butRule(s: Sentence, previous: Sentence | undefined): Hit[] {
  const hits: Hit[] = [];
  for (const c of spans(CONTRAST, s.text)) {
    const word = c.text.toLowerCase();
    const before = s.text.slice(0, c.start);
    const after = s.text.slice(c.end);
    if (word === 'but' && (/^\s+also\b/iu.test(after) || NOT_ONLY.test(before))) continue;
    PRAISE.lastIndex = 0;
    NOT_ONLY.lastIndex = 0;
    let praised: boolean;
    if (/(?<![\p{L}])even\s+$/iu.test(before)) continue; // "even though the customer…"
    if (word === 'yet' && /^\s*[?.!,]*$/u.test(after)) continue; // "…finished it yet?"

    if (word === 'although' || word === 'though') {
      const re = new RegExp(PRAISE.source, 'iu');
      praised =
        re.test(s.text) ||
        DID_WELL.test(before) ||
        (previous !== undefined && re.test(previous.text));
    } else if (before.trim().length === 0) {
      praised =
        previous !== undefined &&
        (new RegExp(PRAISE.source, 'iu').test(previous.text) || DID_WELL.test(previous.text));
    } else {
      praised = new RegExp(PRAISE.source, 'iu').test(before) || DID_WELL.test(before);
    }
    PRAISE.lastIndex = 0;
    if (!praised) continue;
    const capital = /^[A-Z]/u.test(c.text);
    hits.push({
      ...c,
      category: 'but',
      suggestions: capital ? ['And', 'Next time,'] : ['and', 'and next time'],
    });
  }
  return hits;
}

function commandRule(s: Sentence): Hit[] {
  const hits: Hit[] = [];
  for (const m of s.text.matchAll(MODAL)) {
    if (m[3]) {
      hits.push({
        start: m.index,
        end: m.index + m[3].length,
        category: 'command',
        suggestions: ['you could', 'you might'],
      });
      continue;
    }
    const modal = m[2]!;
    const start = m.index + m[1]!.length;
    const negated = /n't|not/iu.test(modal);
    if (negated && /^(?:need|have|has)/iu.test(modal)) continue; // "you don't need to worry"
    hits.push({
      start,
      end: start + modal.length,
      category: 'command',
      suggestions: negated ? ['might avoid', 'could skip'] : ['could', 'might'],
    });
  }
  // "You don't need to" is reassurance: the modal after "don't" never matched above.
  return hits;
}

/** The part of a sentence before a criticism: behaviour named after "but" is not praised. */
function praisedPart(s: string): string {
  if (/^\s*not only/iu.test(s)) return s;
  const m =
    /(?<![\p{L}])(?:but|however|although|though|yet|that said)(?![\p{L}])|(?<![\p{L}])you(?:'ll|'ve|'d)?\s+(?:\p{L}+\s+)?(?:should|must|need to|have to|ought to)(?![\p{L}])/iu.exec(
      s,
    );
  return m ? s.slice(0, m.index) : s;
}

const THANKS_OR_LIKED =
  /(?:^|\s)(?:i (?:really )?(?:liked|loved)|thank(?:s| you) for)(?![\p{L}])/iu;

function praiseRules(s: Sentence): Hit[] {
  const generic = spans(GENERIC_PRAISE, s.text);
  const praised = praisedPart(s.text);
  const cue = STANDARD_CUE.test(praised) || THANKS_OR_LIKED.test(praised);
  if (cue && hasBehaviour(praised) && !s.text.endsWith('?'))
    return [{ start: 0, end: s.text.length, category: 'specific-praise', suggestions: [] }];
  if (generic.length === 0) return [];
  return generic.map((g) => ({
    ...g,
    category: 'generic-praise' as const,
    suggestions: ['Well done: you [what the agent did], which is our [standard] standard.'],
  }));
}

/** Praise words that only praise when nothing else in the sentence says what was good. */
const SPECIFIC_OPENERS = words(
  '(?:really |very )?(?:good|great|nice|excellent|well)(?: job| work| done)?|i (?:really )?(?:liked|loved)|thank(?:s| you) for|you did (?:a )?(?:great|good|nice)(?: job)?',
);

function specificWithoutGeneric(s: Sentence): Hit[] {
  if (spans(GENERIC_PRAISE, s.text).length > 0) return [];
  const opener = SPECIFIC_OPENERS.test(s.text);
  SPECIFIC_OPENERS.lastIndex = 0;
  if (!opener || !hasBehaviour(s.text) || s.text.endsWith('?')) return [];
  if (/(?<![\p{L}])(?:could|should|would|must|but|however|not)(?![\p{L}])/iu.test(s.text))
    return [];
  return [{ start: 0, end: s.text.length, category: 'specific-praise', suggestions: [] }];
}

export const englishRules: Rules = (s, previous) => {
  const hits: Hit[] = [...butRule(s, previous), ...commandRule(s)];
  for (const m of spans(IF_I_WERE_YOU, s.text))
    hits.push({ ...m, category: 'if-i-were-you', suggestions: ['One option is', 'What if you'] });
  const whyNot = spans(WHY_NOT, s.text);
  for (const m of whyNot)
    hits.push({ ...m, category: 'presupposing-why', suggestions: ['What would help you'] });
  const praise = praiseRules(s);
  hits.push(...(praise.length > 0 ? praise : specificWithoutGeneric(s)));
  if (whyNot.length === 0 && REFLECTIVE.test(s.text))
    hits.push({ start: 0, end: s.text.length, category: 'reflective-question', suggestions: [] });
  for (const m of spans(NEXT_TIME, s.text))
    hits.push({ ...m, category: 'next-time', suggestions: [] });
  return hits;
};
