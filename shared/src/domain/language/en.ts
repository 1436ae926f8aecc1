import { withoutAskedModals, type Hit, type Rules } from './types.js';
import { spans, words, type Sentence } from './text.js';

// English rules. Every pattern is a word pattern over one sentence (quoted speech blanked).

const PRAISE = words(
  'good|great|well|nice|excellent|awesome|amazing|fantastic|brilliant|perfect|polite|warm|' +
    'friendly|clear|calm|patient|professional|helpful|empathetic|accurate|quick|efficient|' +
    'courteous|confident|kind|strong|solid|impressive|thank(?:s| you)|liked|loved|spot[- ]on|' +
    'smooth|positive|pleasant|thorough|well done|nailed|right|correct|lovely|top[- ]notch|' +
    'superb|wonderful|terrific|outstanding|textbook|neat|tidy|sharp|gentle|respectful|' +
    'attentive|reassuring|organi[sz]ed|concise|engaging|upbeat|cheerful|composed|knowledgeable|' +
    'personable|genuine|sincere|proactive|appreciated|enjoyed|impressed|stellar|fab(?:ulous)?|' +
    'cracking|smashing|ace|bang on|top job|' +
    '(?:warm|calm|quick|clear|correct|polite|patient|efficient|professional|accurate|smooth|' +
    'confident|kind|nice|friendly|thorough|careful|proper|prompt|great|perfect|brilliant|' +
    'gentle|respectful|attentive|concise|neat|skilful|skillful|expert|tactful|sensitive|' +
    'lovely|genuine|sincere|proactive|confident|clever|smart)ly',
);
/** "You greeted…", "You handled…": a statement of what the agent did well, before a "but". */
const DID_WELL =
  /(?<![\p{L}])you(?:'ve)?\s+(?:also\s+|really\s+)?(?!didn't|did not|forgot|missed|failed|never|weren't|wasn't|couldn't|interrupted|rushed|sounded|put|left|talked|spoke|read(?! back)|said|told|asked|kept the customer waiting)(?:[\p{L}]+(?:ed|nt|ound|ept|ook|ade|ave|ew|ot|ept|oke|ught|old)|read(?= back))(?![\p{L}])/iu;
/**
 * A criticism announced softly after praise: "The only thing is…", "One small thing:", "My one
 * note", "If I'm being picky…", "Where it slipped was…". They take the praise back like "but".
 */
const SOFT_CONTRAST =
  '(?:the |my |your )?only (?:real |small |little |tiny |minor )?(?:thing|issue|snag|niggle|note|point|quibble|gripe|concern|nitpick|criticism|feedback|suggestion|pointer)(?= is| was| I| to|:| -| \u2014| \u2013)|' +
  "(?:my |the )?one (?:small |little |tiny |minor )?(?:thing|issue|snag|niggle|note|point|quibble|gripe|nitpick|pointer)(?= though| is| was| to| I'd| I would|:| -| \u2014| \u2013)|" +
  '(?:just |only )?(?:one|a) (?:small|little|tiny|minor|quick) (?:thing|point|note|niggle|quibble|nitpick|pointer)|' +
  "if I(?:'m| am) (?:being )?(?:picky|fussy|nitpicking|really picky)|to be (?:picky|fussy)|if I had to (?:nitpick|pick (?:one thing|something|a fault))|" +
  "where it (?:slipped|fell down|wobbled|went wrong|dipped)|(?:it's |it is |it was |what a |only |just |a )?(?:shame|pity)(?: that)?(?= (?:you|your)(?![\\p{L}]))|the (?:only )?downside (?:is|was)|just one thing(?=[:,\u2014\u2013-])";
const CONTRAST = words(
  'but|however|although|though|yet|that said|that being said|with that (?:being )?said|' +
    'having said that|all that said|even so|still|nevertheless|nonetheless|all the same|' +
    SOFT_CONTRAST +
    '|only|except|then again|mind you|on the other hand|whereas|albeit|saying that|that aside|' +
    'at the same time|on the (?:flip|other) side|on the downside|unfortunately|sadly',
);
const NOT_ONLY = words('not only|not just');
/** The start of a clause about someone or something other than the agent. */
const THIRD_PARTY =
  /^\s+(?:the (?:customer|caller|client|line|system|connection|call|tool|network)|she|he|they|it)(?![\p{L}])/iu;
/** A concession that opens the sentence: "Even though the line dropped, you…" praises after it. */
const OPENING_CONCESSION =
  /^(?:even though|although|though|even if|while|despite)(?![\p{L}])[^,]*,/iu;

/**
 * The contrast words in a sentence that join two clauses. Words that are contrasts only in one
 * position are kept only there: "still" and "only" between clauses (", still, you…",
 * ", only you forgot…", not "you still need", "the only one"), "except" after a pause, "yet"
 * not at the end of a question, "but" not in "not only… but (also)".
 */
type Span = { start: number; end: number; text: string };

/** "However long", "however hard": however + a word of degree means "no matter how". */
const HOWEVER_DEGREE =
  /^\s+(?:long|much|many|hard|often|busy|bad|difficult|tricky|angry|upset|good|well|small|big|late|early|quick|quickly|slow|slowly|frustrating|annoying|rude|tempting|tired|little|few)(?![\p{L}])/iu;
/** A clause's subject right after a contrast word: "…, only you forgot", "Still you…". */
const SUBJECT = /^\s+(?:you|your|i|the|it|there|this|that|we|he|she|they)(?![\p{L}])/iu;

const CLAUSE_OPENERS =
  /^(?:at the same time|saying that|that aside|unfortunately|sadly|on the (?:flip|other) side|on the downside)$/u;

function contrasts(text: string): Span[] {
  return spans(CONTRAST, text).filter((c) => {
    const word = c.text.toLowerCase();
    const before = text.slice(0, c.start);
    const after = text.slice(c.end);
    const pause = /(?:^|[,;:\u2013\u2014-])\s*$/u.test(before);
    if (word === 'but') {
      NOT_ONLY.lastIndex = 0;
      return !/^\s+also\b/iu.test(after) && !NOT_ONLY.test(before);
    }
    // "yet" joins clauses after a pause or "and" ("…, yet you…", "and yet"); elsewhere it is
    // the adverb ("you haven't yet…", "…finished it yet?").
    if (word === 'yet')
      return (pause || /(?<![\p{L}])and\s+$/iu.test(before)) && !/^\s*[?.!,]*$/u.test(after);
    if (word === 'still')
      return (
        pause &&
        (/^\s*,/u.test(after) ||
          ((before.trim() === '' || /[;\u2013\u2014]\s*$/u.test(before)) && SUBJECT.test(after)))
      );
    // "However long the call takes…" is "no matter how", not a contrast.
    if (word === 'however') return !HOWEVER_DEGREE.test(after);
    // "The only thing is…" softens a contrast; it takes the praise back all the same.
    if (/^(?:the |my )?only \p{L}+$/iu.test(word) && /\s/u.test(word)) return true;
    if (word === 'only')
      return pause && before.trim().length > 0 && (SUBJECT.test(after) || /^\s*,/u.test(after));
    // "except" after a pause, or as a conjunction ("except that", "except for", "except you").
    if (word === 'except')
      return (
        before.trim().length > 0 &&
        (pause || /^\s+(?:that|for|when|you|your|the)(?![\p{L}])/iu.test(after))
      );
    if (word === 'though' || word === 'although') return !/(?<![\p{L}])even\s+$/iu.test(before);
    // Sentence adverbs that open a clause ("Unfortunately, you…", "At the same time, …",
    // "Saying that, …"); mid-clause they are something else ("at the same time as…").
    if (CLAUSE_OPENERS.test(word))
      return (
        (before.trim() === '' || pause) &&
        (/^\s*,/u.test(after) || !/^(?:at the same time|saying that|that aside)$/u.test(word))
      );
    return true;
  });
}

const MODAL =
  /(?<![\p{L}])(you(?:'ll|'ve|'d|'re(?= going| gonna)| are(?= going| gonna)| will| really| also| just| still| always| definitely| absolutely| then| now| probably| honestly| genuinely)*\s+)(should(?:n't| not)?(?:'ve| have)?|must(?:n't| not)?|need to|needs to|have to|has to|ought to|(?:have |'ve )?got to|(?:have |'ve )?gotta|(?:going to|gonna) have to|had better)(?![\p{L}])|(?<![\p{L}])(you'd better|you had better|you better)(?![\p{L}])/giu;
/** "You're supposed to…": be + a participle of obligation, with the agent as subject. */
const BE_MODAL =
  /(?<![\p{L}])(you(?:'re| are| were)(?: not|n't)?(?: really| still| always| also| just)*\s+)((?:supposed|meant|expected|required) to)(?![\p{L}])/giu;
/**
 * The coach's own demand of the agent: "I need you to log…", "We expect you to…", "I want you
 * to…". It directs the agent as "you must" does ("I don't need you to" is reassurance, and
 * "I want you to know…" tells the agent something rather than asking for a deed).
 */
const COACH_DEMANDS =
  /(?<![\p{L}])(?:i|we)(?:'d| would| really| also| just| do| still| absolutely)*\s+((?:need|want|expect|require) you to)(?![\p{L}])(?! (?:know|hear|understand|feel|be aware)(?![\p{L}]))/giu;
/**
 * "You must have been…" and "you must be tired" guess how things are; they do not tell the
 * agent anything ("you must be patient" does).
 */
const EPISTEMIC =
  /^must(?:'ve| have)\s|^must be (?:so |really |very |quite )?(?:tired|exhausted|frustrated|fed up|relieved|pleased|proud|drained|worn out|glad|happy|sick of|thrilled|gutted|knackered|shattered)(?![\p{L}])/iu;

const IF_I_WERE_YOU = words(
  "if i (?:were|was|had been) (?:you|in your (?:shoes|position|place))|were i (?:you|in your (?:shoes|position|place))|in your (?:shoes|position|place),? i(?:'d| would)|if it (?:were|was|had been) me|(?:were|had) it (?:been )?me|if that were me|i(?:'d| would) have .{0,40}?if i were you",
);
/**
 * "Why didn't you", "Why do you never", "Why did you again not", "Why do you always forget":
 * why + an auxiliary + you, with the negation on the auxiliary, after "you" (a word or two
 * between), or in a verb of failing.
 */
const WHY_NOT = words(
  "why (?:can't|cannot|can not|couldn't|didn't|did not|don't|do not|won't|wouldn't|haven't|hadn't|weren't|aren't|isn't|wasn't|shouldn't)(?: you)|" +
    "why(?:'d| do| did| does| would| will| are| were| have| had| can| could) you(?: (?:again|always|ever|still|just|even|constantly|repeatedly|keep|then|now))*" +
    ' (?:not|never|forget|forgot|keep forgetting|fail|failed|keep failing|neglect|neglected)|' +
    // A habit frame presupposes the fault as much as a negation: "Why do you always rush…",
    // "Why are you constantly…", "Why do you keep interrupting", "How come you never…".
    "(?:why(?: is it(?: that)?)?|how come)(?:'d| do| did| does| are| were| would)? you(?: (?:just|still))? (?:always|constantly|continually|repeatedly|keep(?: on)?|again|every time|each time|forever|never)|" +
    "how come you(?: (?:still|just))? (?:didn't|did not|don't|do not|can't|cannot|couldn't|won't|wouldn't|haven't|hadn't|weren't|aren't|wasn't|failed|forgot)",
);

const GENERIC_PRAISE = words(
  'good job|great job|nice job|great work|good work|nice work|well done|great call|good call|' +
    'nice call|awesome|excellent|amazing|fantastic|brilliant|superb|perfect|nice one|' +
    'great stuff|good stuff|great effort|good effort|nicely done|top job|love it|good one|' +
    'terrific|wonderful|fabulous|stellar|bravo|kudos|nailed it|way to go|good going|' +
    'top notch|top-notch|you rock|lovely stuff|lovely job|well handled|nicely handled|' +
    // A praise adjective + a word for the work: "Cracking call", "Top work", "Ace job".
    '(?:solid|strong|decent|cracking|smashing|top|ace|superb|stellar|lovely|fab|super|storming|quality|first[- ]class|belting|great|good|brilliant|excellent|fantastic|amazing|proper|wicked) (?:call|job|work|effort|shift|stuff|one)|' +
    '(?:you )?(?:smashed|aced|crushed|bossed) it|top marks|class act|' +
    "keep it up|keep up the (?:good|great) work|keep going|keep doing what you(?:'re| are) doing",
);
/** A bare praise word opening the sentence on its own: "Great!", "Nice, but…", "Spot on." */
const OPENING_STOCK =
  /^(?:great|nice|lovely|wonderful|fab|spot[- ]on|smashing|cracking)(?=\s*(?:[!.,;\u2013\u2014-]|$))/iu;
/** Phrases that tie praise to a standard ("…, which is our process standard"). */
const STANDARD_CUE =
  /which is (?:exactly )?(?:our|the|what)|exactly what (?:we|the|you)|which matches|that's (?:exactly )?(?:the|our|what)|just what the|spot[- ]on|(?:is|was|were) (?:exactly )?right|well done|nice work|great job|good job|great work|good work|nicely (?:done|handled)|well handled|exactly right|that is (?:our|the) standard|is the standard|textbook|by the book|to the letter|(?:is|was|are|were) (?:exactly |precisely |just |bang on |spot on )?(?:our|the) (?:[\p{L}-]+ )?standard|(?:followed|matched|stuck to|kept to) (?:the|our) (?:[\p{L}-]+ )?(?:script|process|procedure|standard|checklist|wording)|in line with (?:the|our) (?:[\p{L}-]+ )?(?:script|process|procedure|standard|checklist)/iu;

/** Words that say what was done: praise near them is specific. */
const BEHAVIOUR = words(
  "you (?!(?:are|were|did it|rock|did great|did well|did good|nailed it|smashed it|aced it|crushed it|bossed it|got|earned|received|scored|achieved|hit|topped|made it)(?![\\p{L}]))[\\p{L}']{3,}|" +
    '(?:when|how|the way|where|after|before) you|[\\p{L}]{3,}ing|greet\\p{L}*|identity|verif\\p{L}*|' +
    'summar\\p{L}*|hold|empath\\p{L}*|tone|question\\p{L}*|listen\\p{L}*|clos(?:e|ing)|disclos\\p{L}*|' +
    'process|standard|name|apolog\\p{L}*|explain\\p{L}*|explanation|offer\\p{L}*|confirm\\p{L}*|' +
    'account|refund|booking|address|policy|posture|system|notes?|pace|rapport|recap|intro\\p{L}*|' +
    'wrap[- ]?up|hand-?over|hand-?off|transfer\\p{L}*|de-?escalat\\p{L}*|escalat\\p{L}*|' +
    'follow[- ]?up|call-?back|script|wording|phrasing|upsell\\p{L}*|manner|voice|warmth|patience|' +
    'reassurance|acknowledg\\p{L}*|security|complaint|troubleshoot\\p{L}*|diagnos\\p{L}*|' +
    'resolution|solution|recommendation|timing|signpost\\p{L}*|check(?:s|ed)?|ID|tariff|fee|' +
    'expectations?|next steps',
);
const NOT_BEHAVIOUR =
  /^(?:amazing|something|nothing|everything|anything|going|being|morning|evening|thing|things|during|outstanding|interesting|king|cracking|smashing|storming|belting|stunning|inspiring|pleasing|exciting|satisfying|encouraging|billing|pricing|roaming|meeting|building|ring|bring|sing|wing)$/iu;

const REFLECTIVE =
  /(?:^|["”:;\u2013\u2014]\s*|\s-\s+)(?=[^"”:]*(?<![\p{L}])(?:you|your)(?![\p{L}]))(?:so,?\s+|and\s+)?(?:how|what|which|when|where|why do you think|why did you (?:choose|decide|go|pick|say)|in what way|looking back)(?![\p{L}])[^"”]*\?$/iu;
/** "How did the new screen feel?": a how-question about the agent's experience, no "you" needed. */
const HOW_DID_IT_FEEL =
  /^(?:so,?\s+|and\s+)?how (?:did|does|do|was|is)(?![\p{L}])[^"”?]*(?<![\p{L}])(?:feel|felt|go|went|land|sound|seem)(?![\p{L}])[^"”?]*\?$/iu;
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

/** A criticism said softly: "a bit quick", "too brief", "slightly rushed" is no praise. */
const HEDGED = /(?<![\p{L}])(?:a bit|a little|slightly|too|rather|somewhat|overly)\s+\p{L}+/iu;

/** PRAISE without the global flag, for tests anywhere in a string. */
const PRAISED = new RegExp(PRAISE.source, 'iu');

function butRule(s: Sentence, previous: Sentence | undefined, cs: Span[]): Hit[] {
  const hits: Hit[] = [];
  const praise = PRAISED;
  for (const c of cs) {
    const word = c.text.toLowerCase();
    const before = s.text.slice(0, c.start);
    const after = s.text.slice(c.end);
    let praised: boolean;
    // "Unfortunately the line dropped" is bad luck, not the agent's fault.
    if (/^(?:unfortunately|sadly)$/u.test(word) && THIRD_PARTY.test(after.replace(/^\s*,/u, ' ')))
      continue;
    if ((word === 'although' || word === 'though') && before.trim().length > 0) {
      // "You stayed calm, although the customer shouted": granting someone else's part is not
      // taking the praise back.
      if (THIRD_PARTY.test(after)) continue;
      praised =
        praise.test(s.text) ||
        DID_WELL.test(before) ||
        (previous !== undefined && praise.test(previous.text));
    } else if ((word === 'although' || word === 'though') && !/^\s*,/u.test(after)) {
      // An opening concession cancels praise only inside it ("Although you were polite, you
      // forgot…"), not praise that follows it ("Although the line dropped, you stayed calm").
      const conceded = /^[^,]*/u.exec(s.text)![0];
      // With no main clause after it ("Great! Although you should…"), it takes back the
      // sentence before, like "But".
      const alone = !s.text.includes(',');
      praised = alone
        ? previous !== undefined && !previous.text.endsWith('?') && praise.test(previous.text)
        : praise.test(conceded) || DID_WELL.test(conceded);
    } else if (before.trim().length === 0) {
      praised =
        previous !== undefined &&
        (praise.test(previous.text) || DID_WELL.test(previous.text)) &&
        !HEDGED.test(previous.text);
    } else {
      praised = (praise.test(before) || DID_WELL.test(before)) && !HEDGED.test(before);
    }
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

/**
 * Modals that do not direct the agent, read from the modal on: "you got to the root cause"
 * (reached), "you should be proud", "you should have received the rota by now" (a forecast),
 * "you should be able to see the new field".
 */
const NOT_DIRECTIVE =
  /^(?:(?:have |'ve )?got to (?:the|a|an|your|his|her|their|its|it|this|that|grips|know)(?![\p{L}])|(?:should|ought to|must)(?:'ve| have)? (?:be|feel|have been|have felt) (?:so |really |very |rightly |quite |incredibly )?(?:proud|pleased|chuffed|happy|glad|delighted)|should(?:'ve| have)? (?:already |now |soon |shortly |by now )?(?:receive[ds]?|received|hear back|heard back|be hearing|be receiving|be getting|(?:get|got|have) (?:an?|the|your) (?:email|e-mail|text|message|reply|update|invite|invitation|notification|login|password|payslip|rota|letter)|be able to (?:see|access|log in|find|view)|have access))(?![\p{L}])/iu;
/** A clause that sets a condition ("If you need to transfer, …"): it directs nobody. */
const CONDITION = /(?<![\p{L}])(?:if|when|whenever|unless|in case|once|as and when)\s+$/iu;
/** A yes/no question ("Did you need to put him on hold?") asks; it does not tell. */
const YES_NO =
  /^(?:so,?\s+|and\s+)?(?:do|did|does|would|will|could|can|have|had|were|are)\s+you(?![\p{L}])[^?]*\?$/iu;

function commandRule(s: Sentence): Hit[] {
  const hits: Hit[] = [];
  if (YES_NO.test(s.text)) return hits;
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
    if (EPISTEMIC.test(s.text.slice(start)) || NOT_DIRECTIVE.test(s.text.slice(start))) continue;
    if (CONDITION.test(s.text.slice(0, m.index)) && !/^you'd/iu.test(m[1]!)) continue;
    hits.push({
      start,
      end: start + modal.length,
      category: 'command',
      suggestions: negated ? ['might avoid', 'could skip'] : ['could', 'might'],
    });
  }
  for (const m of s.text.endsWith('?') ? [] : s.text.matchAll(COACH_DEMANDS)) {
    const start = m.index + m[0].length - m[1]!.length;
    if (CONDITION.test(s.text.slice(0, m.index))) continue; // "If I need you to stay late, …"
    hits.push({
      start,
      end: start + m[1]!.length,
      category: 'command',
      suggestions: ['it would help if you', 'could you'],
    });
  }
  // "You don't need to" is reassurance: the modal after "don't" never matched above.
  for (const m of s.text.matchAll(BE_MODAL)) {
    const start = m.index + m[1]!.length;
    const negated = /n't|not/iu.test(m[1]!);
    hits.push({
      start,
      end: start + m[2]!.length,
      category: 'command',
      suggestions: negated ? ['might avoid', 'could skip'] : ['could', 'might'],
    });
  }
  return hits;
}

/** Where a criticism starts in a clause: "you should…", "you need to…". */
const CRITICISM =
  /(?<![\p{L}])you(?:'ll|'ve|'d)?\s+(?:\p{L}+\s+)?(?:should|must|need to|have to|ought to)(?![\p{L}])/iu;

/**
 * The clauses of a sentence that can praise: an opening concession ("Even though the system
 * crashed, …") is left out, each contrast starts a new clause (praise may come after "but":
 * "The line was bad, but I liked how you…"), and a clause ends where a command starts.
 */
function praisedParts(s: string, cs: Span[]): Array<{ start: number; text: string }> {
  const concession = OPENING_CONCESSION.exec(s);
  const from = concession ? concession[0].length : 0;
  const parts: Array<{ start: number; text: string }> = [];
  let at = from;
  for (const c of cs) {
    if (c.start < from) continue;
    parts.push({ start: at, text: s.slice(at, c.start) });
    at = c.end;
  }
  parts.push({ start: at, text: s.slice(at) });
  return parts.map((p) => {
    const m = CRITICISM.exec(p.text);
    return m ? { start: p.start, text: p.text.slice(0, m.index) } : p;
  });
}

const THANKS_OR_LIKED =
  /(?:^|\s)(?:i (?:(?:really|especially|particularly|also|genuinely|honestly|absolutely|just|totally) )?(?:liked|loved|appreciated|enjoyed)|thank(?:s| you) for)(?![\p{L}])/iu;

/**
 * A clause about the result rather than the deed: the customer's thanks, a score, a survey
 * ("Great job, the customer thanked you twice" praises an outcome only).
 */
const OUTCOME_CLAUSE =
  /^\s*(?:and\s+)?(?:the (?:customer|caller|client)|she|he|they|another|(?:a|the) (?:\d+|five|ten|perfect|top)[- ]|csat|nps|the survey|the score|your score)(?![\p{L}])|^\s*(?:and\s+)?(?:the |that |this |another )?(?:complaint|case|issue|ticket|query|fault|problem|claim|refund|dispute|booking|order|enquiry|inquiry)s? (?:(?:was|were|got|all) )?(?:resolved|sorted|fixed|closed|solved|settled|cleared|done|processed)(?![\p{L}])/iu;
/**
 * The case the praise is about, not what was done in it: "Great job with the billing dispute",
 * "Nice work on that complaint today" name a topic only (a deed would be "handling", "recap").
 */
const TOPIC =
  /(?<![\p{L}])(?:with|on|for) (?:the|that|this|your|today's|yesterday's) (?:[\p{L}'-]+ ){0,2}?(?:dispute|complaint|query|case|claim|issue|ticket|call|caller|customer|account|one|enquiry|inquiry|problem|outage|escalation|shift|queue|contact|chat|order|renewal|cancellation|refund|booking|appointment|payment|bill|invoice|upgrade|downgrade|repair|return|exchange|delivery|move|installation|switch)s?(?=\s*(?:[!.,;:\u2013\u2014]|$|today|this (?:morning|afternoon|week)|earlier|yesterday))/giu;
const deedsIn = (text: string) =>
  text
    .split(/[,;\u2013\u2014]/u)
    .filter((c) => !OUTCOME_CLAUSE.test(c))
    .join(',')
    .replace(TOPIC, '');

function praiseRules(s: Sentence, cs: Span[]): Hit[] {
  const generic = spans(GENERIC_PRAISE, s.text);
  const opening = OPENING_STOCK.exec(s.text);
  if (opening && !generic.some((g) => g.start === 0))
    generic.unshift({ start: 0, end: opening[0].length, text: opening[0] });
  // A stock phrase in a clause that names what was done is specific ("Brilliant handling of
  // the complaint"); on its own, or beside an outcome, it is generic.
  const stock = (p: { start: number; text: string }) =>
    generic.some((g) => g.start >= p.start && g.end <= p.start + p.text.length);
  const specific = praisedParts(s.text, cs).find(
    (p) =>
      (STANDARD_CUE.test(p.text) || THANKS_OR_LIKED.test(p.text) || stock(p)) &&
      hasBehaviour(deedsIn(p.text)),
  );
  if (specific && !s.text.endsWith('?'))
    return [praiseSpan(s.text, cs.length > 0 ? specific : { start: 0, text: s.text })];
  if (generic.length === 0) return [];
  return generic.map((g) => ({
    ...g,
    category: 'generic-praise' as const,
    suggestions: ['Well done: you [what the agent did], which is our [standard] standard.'],
  }));
}

/** Praise words that only praise when nothing else in the sentence says what was good. */
const SPECIFIC_OPENERS = words(
  '(?:really |very )?(?:good|great|nice|excellent|lovely|(?<!as )well)(?: job| work| done)?|i (?:(?:really|especially|particularly|also|genuinely|honestly|absolutely|just|totally) )?(?:liked|loved|appreciated|enjoyed)|thank(?:s| you) for|you did (?:a )?(?:great|good|nice)(?: job)?',
);

function specificWithoutGeneric(s: Sentence, cs: Span[]): Hit[] {
  if (spans(GENERIC_PRAISE, s.text).length > 0 || s.text.endsWith('?')) return [];
  // Praise before a contrast is still praise ("Lovely rapport with the caller — though…"); what
  // follows the contrast is not part of it.
  const praised = cs.length > 0 ? s.text.slice(0, cs[0]!.start) : s.text;
  const opener = SPECIFIC_OPENERS.test(praised);
  SPECIFIC_OPENERS.lastIndex = 0;
  if (!opener || !hasBehaviour(praised)) return [];
  if (/(?<![\p{L}])(?:could|should|would|must|not)(?![\p{L}])/iu.test(praised)) return [];
  return [praiseSpan(s.text, { start: 0, text: praised })];
}

/**
 * A specific-praise hit over one clause of the sentence: a clause cut at a contrast loses the
 * spaces and the comma or dash before it, so the criticism after the contrast is not in it.
 */
function praiseSpan(sentence: string, part: { start: number; text: string }): Hit {
  const whole = part.start === 0 && part.text.length === sentence.length;
  const lead = part.text.length - part.text.trimStart().length;
  const body = whole
    ? part.text
    : part.text.replace(/(?:[\s,;:\u2013\u2014-]|(?<![\p{L}])and(?![\p{L}]))+$/iu, '');
  return {
    start: part.start + lead,
    end: part.start + body.length,
    category: 'specific-praise',
    suggestions: [],
  };
}

export const englishRules: Rules = (s, previous) => {
  // Cheap word checks first: most sentences have no "you", "why" or "next" for a pattern to
  // start from, and the patterns are costly to try at every offset.
  const lower = s.text.toLowerCase();
  const you = lower.includes('you');
  const cs = contrasts(s.text);
  const hits: Hit[] = [...butRule(s, previous, cs), ...(you ? commandRule(s) : [])];
  if (you || lower.includes('me'))
    for (const m of spans(IF_I_WERE_YOU, s.text))
      hits.push({ ...m, category: 'if-i-were-you', suggestions: ['One option is', 'What if you'] });
  const whyNot = lower.includes('why') || lower.includes('how come') ? spans(WHY_NOT, s.text) : [];
  for (const m of whyNot)
    hits.push({ ...m, category: 'presupposing-why', suggestions: ['What would help you'] });
  const praise = praiseRules(s, cs);
  hits.push(...(praise.length > 0 ? praise : specificWithoutGeneric(s, cs)));
  if (whyNot.length === 0) {
    // After a lead-in and a colon, semicolon or dash, the question starts after the mark.
    const reflective = REFLECTIVE.exec(s.text);
    const start = reflective
      ? reflective.index + /^[\s"”:;\u2013\u2014-]*/u.exec(reflective[0])![0].length
      : HOW_DID_IT_FEEL.test(s.text)
        ? 0
        : -1;
    if (start >= 0) {
      hits.push({ start, end: s.text.length, category: 'reflective-question', suggestions: [] });
      return withoutAskedModals(hits, start);
    }
  }
  if (/next|forward|from now|future/u.test(lower))
    for (const m of spans(NEXT_TIME, s.text))
      hits.push({ ...m, category: 'next-time', suggestions: [] });
  return hits;
};
