import { withoutAskedModals, type Hit, type Rules } from './types.js';
import { spans, words, type Sentence } from './text.js';

// Latvian rules. Latvian inflects: verbs are matched by their forms (the debitive jā-, the
// conditional vajadzētu, negated past forms), nouns by stems.

const PRAISE = words(
  'labi|lieliski|jauki|teicami|izcili|super|superīgi|malac\\p{L}*|paldies|patika|kolosāli|fantastiski|' +
    'pieklājīg\\p{L}*|laipn\\p{L}*|draudzīg\\p{L}*|mierīg\\p{L}*|profesionāl\\p{L}*|skaidr\\p{L}*|' +
    'precīz\\p{L}*|pareiz\\p{L}*|uzmanīg\\p{L}*|pacietīg\\p{L}*|sirsnīg\\p{L}*|labs|laba|labu|' +
    'forši|brīnišķīg\\p{L}*|spēcīg\\p{L}*|veikl\\p{L}*|ātr\\p{L}*|empātisk\\p{L}*|prieks|' +
    'lielisk\\p{L}*|teicam\\p{L}*|izcil\\p{L}*|jauk\\p{L}*|prasmīg\\p{L}*|pārdomāt\\p{L}*|rūpīg\\p{L}*|' +
    'saprotam\\p{L}*|iejūtīg\\p{L}*|korekt\\p{L}*|atsaucīg\\p{L}*|patīkam\\p{L}*|apsveicam\\p{L}*|' +
    'novērtēj\\p{L}*|raiti|veiksmīg\\p{L}*|kompetent\\p{L}*|pozitīv\\p{L}*|sakārtot\\p{L}*|' +
    'strukturēt\\p{L}*|pārliecinoš\\p{L}*|pašpārliecināt\\p{L}*|foršs|forša|' +
    'izdevās|izdevies|padevās|sanāca|nevainojam\\p{L}*',
);
/**
 * Contrast words, and softened contrasts after praise: "tiesa gan" (admittedly), "toties" (on
 * the other hand), "tajā pašā laikā", "diemžēl", "vienīgais mīnuss", "neliela piezīme".
 */
const CONTRAST = words(
  'bet|taču|tomēr|lai gan|lai arī|kaut gan|kaut arī|vienīgi|tikai|savukārt|toties|tiesa gan|turpretī|turpretim|' +
    't(?:aj)?ā pašā laikā|diemžēl|žēl gan|kaut(?! (?:kas|ko|kam|kā|kur|kad|kādu|kāds|kāda|kādā|vai|cik|kurš|kura|kuru|gan|arī)(?![\\p{L}]))|' +
    'ja (?:gribētu |gribu |grib )?(?:jā)?piekas(?:īties|ās)|' +
    '(?:vienīg(?:ais|ā)|neliel(?:s|a)|maz(?:s|a)) (?:mīnuss|trūkums|piezīme|aizrādījums|iebildums|problēma|lieta|nianse|ieteikums)|vienīgais, (?:ko|kas)|' +
    // Colloquial take-backs after praise: "…, vien aizmirsi", "izņemot to, ka…", "ja neskaita
    // to, ka…", "(tikai) žēl, ka…", "tiesa, …", "viena piezīme gan:".
    'vien(?= \\p{L})|izņemot to,? ka|ja neskaita(?: to,? ka)?|(?:tikai |vienīgi )?žēl(?: tikai| gan)?(?=,? ka(?![\\p{L}]))|tiesa(?=,)|' +
    'vien(?:a|s) (?:piezīme|lieta|nianse|mīnuss|aizrādījums|iebildums)(?= gan|\\s*[:\u2013\u2014])',
);
/** "tikai" as an adverb ("tikai pēc tam", "tikai tad", "tikai vienu reizi"), not "only, you…". */
const ONLY_ADVERB = words(
  'tad|pēc|kad|ja|līdz|no|uz|ar|par|vienu|viens|vienreiz|reizi|mazliet|nedaudz|daļēji|dažas|daži|šoreiz|tagad|vakar|šodien',
);

/** The start of a clause about someone or something other than the agent. */
const THIRD_PARTY =
  /^\s+(?:klients|kliente|klientam|klientei|sistēma|līnija|savienojums|zvans|viņš|viņa|viņi|viņas|tehniķis)(?![\p{L}])/iu;
/** The agent as dative subject of a debitive or vajadzēt: tev, jums (also capitalised). */
const AGENT_DATIVE =
  /(?:^|[\s,(])(tev|jums|Tev|Jums)\s+(?:(?:arī|tomēr|vēl|noteikti|obligāti|vienmēr|ir|būs|bija|būtu|gan|tikai|tad|šeit|te|vispirms|uzreiz|tūlīt|nekavējoties|katrā ziņā)\s+){0,3}$/u;
/** Someone else in the dative (klientam, sistēmai...): not a command to the agent. */
const OTHER_DATIVE =
  /(?<![\p{L}])(?<!(?<![\p{L}])(?:pirms|pēc|līdz|ar|no|pa|par|uz|starp|pret)\s+(?:\p{L}+\s+)?)(?!(?:tev|jums|tikai|vispirms|mazliet|nedaudz|ļoti)(?![\p{L}]))\p{L}+(?:am|ai|iem|ām|ei|im)\s+(?:(?:arī|vēl|ir|būs|bija|būtu|tikai|tad|nav)\s+){0,2}$/iu;
/** Debitive forms that are the speaker's, not the agent's ("jāatzīst" = I must say). */
const SPEAKERS_OWN =
  /^jā(?:atzīst|saka|piebilst|uzsver|secina|piemin|atzīmē|piezīmē|uzteic|uzslavē|paslavē|norāda|pateicas)$/iu;
/**
 * A noun or pronoun in the dative (klientam, sistēmai, kolēģiem, tehniķim): the subject of a
 * debitive or of vajadzēt when it is not tev or jums.
 */
const DATIVE = /(?<![\p{L}])\p{L}{2,}(?:am|ai|iem|ām|ei|im|ēm|īm)(?![\p{L}])/giu;
/** Words with a dative ending that are not the subject: adverbs, "tikai", "vai". */
const NOT_SUBJECT =
  /^(?:tikai|vai|laikam|sākumam|pagaidām|beigām|mums|jums|viņiem|vienmēr|pilnībā|turpmāk)$/iu;
/** A preposition before a dative plural: pirms zvana beigām, ar kolēģiem, pēc pārbaudēm. */
const PREPOSITION =
  /(?<![\p{L}])(?:pirms|pēc|līdz|ar|no|pa|par|uz|starp|pret|blakus|pateicoties)\s+(?:\p{L}+\s+)?$/iu;
/**
 * After jābūt / vajadzētu (būt): a state the agent cannot choose (nogurušam, lepnam) or a past
 * participle (saņēmušam): a guess or a forecast, not advice ("jābūt pacietīgam" is advice).
 */
const EPISTEMIC =
  /^\s+(?:būt\s+)?(?:(?:ļoti|diezgan|noteikti|droši vien|laikam|jau|pamatīgi|galīgi|pilnīgi)\s+)*(?:nogur\p{L}*|pārgur\p{L}*|izsmelt\p{L}*|lepn\p{L}*|priecīg\p{L}*|apmierināt\p{L}*|sarūgtināt\p{L}*|atvieglot\p{L}*|nokaitināt\p{L}*|satraukt\p{L}*|pārsteigt\p{L}*)(?![\p{L}])/iu;
/** "Tev jau vajadzētu būt saņēmušam e-pastu": should have (received), a forecast. */
const FORECAST_PARTICIPLE =
  /^\s+(?:(?:jau|šobrīd|tagad|noteikti)\s+)*būt\s+(?:(?:jau|to)\s+)?\p{L}{3,}(?:ušam|ušai|ušiem|ušām)(?![\p{L}])/iu;
/** Verbs that forecast what will happen: "vajadzētu pienākt" (should arrive). */
const FORECAST =
  /^\s+(?:pienākt|ienākt|atnākt|nonākt|parādīties|ierasties|būt|darboties|strādāt|nostrādāt|atrisināties|izdoties|sākties|beigties|atjaunoties|aktivizēties|atgriezties)(?![\p{L}])/iu;

/** Someone else in the dative earlier in the clause: "Klientam nākamajā dienā bija jāzvana". */
function otherSubject(clause: string): boolean {
  for (const m of clause.matchAll(DATIVE)) {
    if (NOT_SUBJECT.test(m[0])) continue;
    if (PREPOSITION.test(clause.slice(0, m.index))) continue;
    return true;
  }
  return false;
}

const YES_NO = /^(?:un\s+|tātad\s+|nu\s+)?vai(?![\p{L}])[^?]*\?$/iu;
const MODAL = words(
  'vajadzētu|vajadzēja|vajadzējis|vajadzējusi|vajadzēs|vajag|nepieciešams|nepieciešami|jā\\p{L}{3,}|nāksies|nāktos',
);
const IF_I_WERE_YOU = words(
  'ja es būtu (?:tu|jūs|tavā vietā|jūsu vietā)|es tavā vietā|es jūsu vietā|tavā vietā es|jūsu vietā es|ja es būtu bijis (?:tu|jūs|tavā vietā|jūsu vietā)|es būtu tavā vietā|es būtu jūsu vietā',
);
/** "Kāpēc tu (to) nepajautāji?": a negated verb in the agent's person (2nd), after why. */
const WHY_NOT = words(
  '(?:kāpēc|kādēļ|kamdēļ|kāda iemesla dēļ|kā tā(?: sanāca| gadījās| iznāca)?,? ka)\\s+(?:(?:gan|tad|tomēr|vispār)\\s+)?(?:(?:tu|jūs)\\s+)?' +
    // Up to three words before the negated verb ("Kāpēc tu šodien nepārbaudīji", "Kāpēc tu
    // klientam tā arī neatzvanīji", "Kāpēc jūs nekad neizmantojat"), but not a new clause or
    // subject (ka, klients, domā) and no other negated word than nekad, nemaz, neko.
    '(?:(?:nekad|nemaz|neko|nekādi|nevienu|nevienam|nedaudz)\\s+|(?!(?:ne\\p{L}*|domā\\p{L}*|ka|kas|kur|kad|ja|un|vai|klients|kliente|klienti|sistēma|viņš|viņa|viņi|tas|tie)(?![\\p{L}]))\\p{L}+\\s+){0,3}ne\\p{L}{2,}(?:\\s+(?:tu|jūs))?',
);
/**
 * A habit frame presupposes the fault as a negated verb does: "Kāpēc tu vienmēr pārtrauc
 * klientu?", "Kādēļ jūs atkal steidzaties?", "Kāpēc katru reizi aizmirsti…" (the verb is kept).
 */
const WHY_HABIT = words(
  '(?:kāpēc|kādēļ|kamdēļ|kāda iemesla dēļ)\\s+(?:(tu|jūs)\\s+)?(?:vienmēr|atkal|katru reizi|kārtējo reizi|ik reizi|visu laiku|arvien|regulāri|nemitīgi|pastāvīgi|allaž|mūžīgi|atkal un atkal|nepārtraukti)\\s+(?:(tu|jūs)\\s+)?(?!ne)\\p{L}{2,}',
);
/** A reported question ("Klients jautāja, kāpēc jūs neatzvanījāt"): the customer asks, not the coach. */
const REPORTED =
  /(?<![\p{L}])(?:jautāja|pajautāja|vaicāja|prasīja|gribēja zināt|vēlējās zināt|grib zināt|interesējās|painteresējās|nesaprata|nesaprot|noskaidrot|uzzināt|saprast|brīnījās)\s*,?\s*$/iu;
/** The agent's person in a verb: -i, -ji (tu), -āt, -at, -jāt, -iet (jūs). */
const SECOND_PERSON = /(?:i|jāt|at|ait|esi|esat)$/iu;
/**
 * 2nd-person past plural forms of the first conjugation end in -āt without a j (teicāt, devāt);
 * other -āt, -ēt and -iet forms after "kāpēc ne…" are infinitives ("Kāpēc nepiedāvāt
 * atzvanīšanu?" = why not offer), which ask nobody about a failure.
 */
const FIRST_CONJ_PAST =
  /(?:teic|dev|nāc|gāj|lik|ņēm|pirk|ved|sac|kļuv|zināj|bij|jut|lūdz|met|krit|sūtīj)āt$/iu;
const agentsVerb = (verb: string) => SECOND_PERSON.test(verb) || FIRST_CONJ_PAST.test(verb);
const GENERIC = words(
  'labs darbs|labi padarīts|labi strādāts|lielisks darbs|teicams darbs|izcils darbs|foršs darbs|super darbs|labs zvans|lielisks zvans|tā turēt|tā tik turpināt|vareni|malac\\p{L}*|lieliski|super|superīgi|teicami|izcili|forši|ļoti labi|labi darīts|apsveicami|bravo|brīnišķīgi|' +
    'kolosāli|fantastiski|fantastisks darbs|perfekti|ģeniāli|vienreizēji|satriecoši|feini|stilīgi|' +
    'turpini tāpat|turpiniet tāpat|tā turpini|tā turpiniet|tikai tā turpināt|' +
    // A praise adjective in any gender and case + a word for the work: "Superīgs zvans",
    // "Lielisks darbiņš", "Foršu maiņu"; a praise adverb + a participle of work: "Labi
    // pastrādāts"; and stock exclamations ("Cepuri nost!", "Apsveicu!", "Tu esi zvaigzne!").
    '(?:lab|lielisk|teicam|izcil|superīg|forš|kolosāl|brīnišķīg|fantastisk|spēcīg|ģeniāl|satriecoš|vienreizēj|super)(?:s|a|ais)?\\s+(?:darbs|darbiņš|zvans|zvaniņš|saruna|maiņa)|' +
    // The accusative only after "par" ("Paldies par lielisku darbu"), not as an object.
    '(?:lab|lielisk|teicam|izcil|superīg|forš|kolosāl|brīnišķīg|fantastisk)u\\s+(?:darbu|darbiņu|zvanu|sarunu|maiņu)(?<=(?<![\\p{L}])par\\s+\\p{L}+\\s+\\p{L}+)|' +
    '(?:ļoti |patiešām )?(?:labi|izcili|teicami|lieliski|forši|super) (?:padarīts|pastrādāts|strādāts|darīts|izdarīts|paveikts)|cepuri nost|apsveicu(?=\\s*(?:[!.]|$))|(?:tu esi|jūs esat) (?:īsta |īsts )?zvaigzne|' +
    // The agent as a whole, with a praise adjective in any gender or number: "tu biji
    // lielisks", "jūs bijāt lieliska", "šodien tu esi izcila" (a verdict, no deed named).
    '(?:lielisk|izcil|teicam|brīnišķīg|fantastisk|superīg|forš|kolosāl|satriecoš|vienreizēj|ģeniāl)(?:s|a|i|as|ais|ā|ie|ās)' +
    // (looked behind only once the adjective matched: a lookbehind first runs at every offset)
    '(?<=(?<![\\p{L}])(?:biji|bijāt|esi|esat)\\s+(?:(?:šodien|šoreiz|vienkārši|patiešām|tiešām|ļoti|absolūti)\\s+){0,2}\\p{L}+)' +
    // Only on its own: "lieliska klausītāja" (a great listener) names what was good.
    '(?=\\s*(?:[.!,;:\u2013\u2014]|$|šodien|šoreiz))',
);
/** "Labi!" standing alone praises; "Labi, tagad par…" is "OK, now about…". */
const GOOD_ALONE = /^(?:ļoti |pavisam |gluži )?labi(?=\s*[!.]*$)/iu;
const REFLECTIVE =
  /(?:^|["“”„:—–-]\s*)(?:un\s+)?(?:kā|ko|kas|kāpēc tu domā|kāpēc jūs domājat|kāpēc, tavuprāt|kādēļ tu domā|vai tu pamanīji|vai jūs pamanījāt|vai tu ievēroji|kuru|kurā|kādu|kāds|kāda|kad)(?![\p{L}])[^"“”„]*\?$/iu;
/** Words that approve of what was done, tying praise to it. */
const APPROVAL = words(
  'tieši tā|tieši to|tieši tāds|tieši tāda|tieši tādu|(?:tas|tā) ir (?:tieši )?mūsu (?:\\p{L}+ ){0,3}standart\\p{L}*|' +
    '(?:ir|bija) (?:tieši |precīzi |gluži |pilnībā )?mūsu (?:\\p{L}+ ){0,3}standart\\p{L}*|' +
    '(?:man )?(?:tas )?(?:ļoti )?patika|prieks|super|forši|jauki|apsveicami|atbilst mūsu|pilnībā atbilst|kā to paredz|kā paredz|kā mēs to prasām|(?:labs|lielisks|teicams|izcils) darbs|malacis|malace|paldies|lieliski|teicami|izcili|ļoti labi|labi padarīts|tā ir pareizā|pareizi|' +
    'prasmīgi|meistarīgi|pārdomāti|profesionāli|apbrīnojami|priekšzīmīgi|nevainojami|malac\\p{L}*|' +
    // The deed measured against the standard: "tieši pēc standarta", "pilnībā atbilstoši procedūrai".
    '(?:tieši|pilnībā|precīzi|stingri|nevainojami|gluži|perfekti) (?:pēc|atbilstoši|saskaņā ar) (?:mūsu |mūsu noteiktajam |noteiktajam )?(?:standart|procedūr|noteikum|skript|instrukcij|vadlīnij|kārtīb|prasīb)\\p{L}*|' +
    // The coach's judgement of the deed: "un tas ir ļoti vērtīgi", "tas bija priekšzīmīgi".
    '(?:tas|tā|tieši tas) (?:ir|bija) (?:ļoti |tieši |īpaši |patiešām |tiešām )?(?:vērtīg|lielisk|apsveicam|priekšzīmīg|nozīmīg|svarīg)\\p{L}*',
);
/**
 * What the agent did: "tu apkopoji", "jūs pārbaudījāt", "tu atvainojies" (not "tu biji", "tu
 * vari"); "tev izdevās…" (you managed); or, with the subject only in the verb, a clause after
 * praise: "Paldies, ka saglabāji mieru", "Super, ka piedāvāji…".
 */
const AGENT_DID = words(
  '(?:tu|jūs)\\s+(?:(?!(?:biji|bijāt|esi|esat)(?![\\p{L}]))\\p{L}+,?\\s+){0,5}?(?!ne|biji|bijāt|esi|esat|būsi|būsiet|(?:vienkārši|patiešām|tiešām|absolūti|pilnīgi|noteikti|vienmēr|atkal|šodien|šoreiz)(?![\\p{L}]))\\p{L}+(?:i|ji|āt|at|ījāt|ājāt|ējāt|ojāt|āji|īji|oji|ēji|ies|ties)|' +
    '(?:tev|jums)\\s+(?:\\p{L}+\\s+)?(?:izdevās|izdevies|sanāca|padevās)|' +
    '(?:darbs|paldies|prieks)\\s+(?:ar|par)\\s+(?:\\p{L}+\\s+){0,2}?\\p{L}{3,}šan(?:a|u|ā|as|ai)|' +
    '(?!ne)(?:iz|pa|no|at|aiz|ap|sa|pār|uz|ie|pie)\\p{L}{2,}(?:ci|di|ti|zi|si)|(?!ne)\\p{L}{3,}(?<!t)(?:āji|īji|oji)|' +
    // A deed as an adverbial participle: "Labs darbs, nolasot noteikumus", "…, atvainojoties
    // uzreiz" (not "neskatoties", "despite"; not the infinitives dot, pārdot, nodot).
    '(?!ne)\\p{L}{3,}(?<!d)(?:ot|oties)|' +
    '(?:paldies|lieliski|super|labi|forši|prieks|patika|malacis|malace|jauki|apsveicami|teicami|izcili),\\s*ka\\s+(?:\\p{L}+\\s+){0,3}?(?!ne)\\p{L}{3,}(?:i|āt|at|ies|ties)',
);
/**
 * A step of the call as the subject ("Identitātes pārbaude", "Noslēguma kopsavilkums", a verbal
 * noun such as "Nākamo soļu atkārtošana"): measured against the standard, it is approval of a
 * deed even with no tu/jūs.
 */
const CALL_STEP = words(
  'pārbaud(?:e|i)|kopsavilkum(?:s|u)|apkopojum(?:s|u)|sveicien(?:s|u)|ievad(?:s|u)|noslēgum(?:s|u)|uzruna|uzrunu|atvainošanās|pateicīb(?:a|u)|atvadas|identifikācij(?:a|u)|\\p{L}{3,}šan(?:a|u)',
  'iu',
);
const STANDARD_MET = words(
  'atbilst mūsu|pilnībā atbilst|kā to paredz|kā paredz|kā mēs to prasām|' +
    '(?:tieši|pilnībā|precīzi|stingri|nevainojami|gluži|perfekti) (?:pēc|atbilstoši|saskaņā ar) (?:mūsu |mūsu noteiktajam |noteiktajam )?(?:standart|procedūr|noteikum|skript|instrukcij|vadlīnij|kārtīb|prasīb)\\p{L}*|' +
    '(?:ir|bija) (?:tieši |precīzi |gluži |pilnībā )?mūsu (?:\\p{L}+ ){0,3}standart\\p{L}*',
  'iu',
);
/** "Zvans tev izdevās lieliski": the call went well, which names no deed (an outcome). */
const CALL_WENT_WELL =
  /(?<![\p{L}])(?:zvans|saruna|diena|maiņa|nedēļa)\s+(?:(?:tev|jums|šodien|ļoti|tiešām)\s+){1,2}(?:izdevās|sanāca|padevās|izdevies)/giu;
/** A fault in a clause: negated verbs, "aizmirsi", "pārāk" (too much). */
const FAULT = words(
  'ne(?!dēļ|daudz|kavējoties|pārtraucot|vilcinoties|pieciešam|vainojam|atlaidīg|pārprotam)\\p{L}{3,}|nav|aizmirs\\p{L}*|pārāk|(?<!(?:mūsu|sistēmas|uzņēmuma|savu)\\s)kļūd\\p{L}*|neesi|nebija|' +
    'mazliet|nedaudz|par (?:ātru|lēnu|ilgu|daudz|maz|skaļi|klusu|steidzīgi)|steidz\\p{L}*|steig\\p{L}*|' +
    'sasteig\\p{L}*|pārtrauc\\p{L}*|strup\\p{L}*',
);
const NEXT_TIME = words(
  'nākamreiz|nākošreiz|nākamo reizi|nākošo reizi|nākamajā (?:zvanā|sarunā|reizē)|nākamajos zvanos|turpmāk|nākotnē',
);

// The patterns above without the global flag, for a yes/no test anywhere in a string.
const PRAISED = new RegExp(PRAISE.source, 'iu');
const FAULTY = new RegExp(FAULT.source, 'iu');
const APPROVED = new RegExp(APPROVAL.source, 'iu');
const AGENT_DID_ONCE = new RegExp(AGENT_DID.source, 'iu');
const ONLY_ADVERB_WORD = new RegExp(`^(?:${ONLY_ADVERB.source})$`, 'iu');

/** Infinitive from a 3rd-person present (debitive stem) or a past 2nd-person form, where regular. */
function infinitive(form: string): string | undefined {
  const w = form.toLowerCase();
  if (/(?:āji|īji|oji|ēji)$/u.test(w)) return w.slice(0, -2) + 't';
  if (/(?:ājāt|ījāt|ojāt|ējāt)$/u.test(w)) return w.slice(0, -3) + 't';
  if (/[āo]$/u.test(w)) return w + 't';
  if (/[dt]a$/u.test(w)) return w.slice(0, -1) + 'īt';
  return undefined;
}

/** The customer's opinion or words ("Klients teica, ka…", "klientam šķita"): not praise. */
const CUSTOMERS_VIEW =
  /(?<![\p{L}])(?:klient\p{L}*|viņš|viņa|viņam|viņai)\s+(?:\p{L}+\s+){0,2}?(?:teica|sacīja|minēja|atzina|domāja|domā|uzskata|uzskatīja|šķita|šķiet|apgalvoja|rakstīja|jautāja)(?![\p{L}])/iu;

/** Praise, or what the agent did said with no fault in it ("Sūdzību tu uzklausīji ar empātiju"). */
function praises(text: string): boolean {
  if (FAULTY.test(text) || CUSTOMERS_VIEW.test(text)) return false;
  return (
    PRAISED.test(text) || /(?<![\p{L}])(?:tu|jūs|tavā|tava|tavs|tavu|jūsu)(?![\p{L}])/iu.test(text)
  );
}

function praisedBefore(s: Sentence, at: number, previous: Sentence | undefined): boolean {
  const before = s.text.slice(0, at);
  if (before.replace(/[,;:\s\u2013\u2014-]/gu, '').length > 0) return praises(before);
  // A contrast opening the sentence takes back the sentence before, unless that was a question.
  return previous !== undefined && !previous.text.endsWith('?') && praises(previous.text);
}

export const latvianRules: Rules = (s, previous) => {
  const hits: Hit[] = [];
  for (const c of spans(CONTRAST, s.text)) {
    const before = s.text.slice(0, c.start);
    const after = s.text.slice(c.end);
    const lowered = c.text.toLowerCase();
    if (lowered === 'bet' && /(?<![\p{L}])ne (?:tikai|vien|vienīgi)(?![\p{L}])/iu.test(before))
      continue;
    // Between clauses: after a comma, semicolon or dash.
    const pause = /[,;:\u2013\u2014-]\s*$/u.test(before);
    if (lowered === 'tikai') {
      // "…, tikai tu nepārbaudīji": between clauses, not the adverb, not "ne tikai".
      const word = /^\s+(\p{L}+)/u.exec(after)?.[1] ?? '';
      // Opening the sentence, "Tikai" takes the praise before back when a fault or advice for
      // the agent follows ("Tikai nākamreiz…"), not in "Tikai tā turpināt!".
      const opening =
        before.trim() === '' &&
        (FAULTY.test(after) || /^(?:nākamreiz|tu|tev|jūs|jums|tavs|tava|tavu|jūsu)$/iu.test(word));
      if ((!pause && !opening) || ONLY_ADVERB_WORD.test(word)) continue;
    }
    if (lowered === 'savukārt' && !pause && before.trim().length > 0) continue;
    // "vien", "tiesa", "žēl, ka", "izņemot to, ka" join clauses only after a pause (or opening
    // the sentence), and "žēl, ka klients…" is bad luck, not a take-back.
    if (/^(?:vien|tiesa|izņemot|ja neskaita|(?:tikai |vienīgi )?žēl)/u.test(lowered)) {
      if (!pause && before.trim() !== '') continue;
      if (lowered === 'vien' && before.trim() === '') continue;
      if (THIRD_PARTY.test(after.replace(/^\s*,?\s*(?:ka|to,? ka)(?![\p{L}])/u, ' '))) continue;
    }
    // "Tu taču zini…" is the particle "after all", not a contrast.
    if (lowered === 'taču' && /(?<![\p{L}])(?:tu|jūs|tas|tā|tie|to|es|mēs)\s+$/iu.test(before))
      continue;
    const concessive =
      lowered === 'lai gan' ||
      lowered === 'lai arī' ||
      lowered === 'kaut gan' ||
      lowered === 'kaut arī';
    // Sentence adverbs join clauses only at the start or after a pause ("…, tajā pašā laikā,");
    // "diemžēl" about someone else ("Diemžēl klients…") is bad luck, not a take-back.
    if (/^(?:t(?:aj)?ā pašā laikā|diemžēl|žēl gan)$/u.test(lowered)) {
      if (before.trim() !== '' && !pause) continue;
      if (/^(?:diemžēl|žēl gan)$/u.test(lowered) && THIRD_PARTY.test(after.replace(/^\s*,/u, ' ')))
        continue;
    }
    // "Tu runāji mierīgi, lai gan klients kliedza": granting the customer's part is not taking
    // the praise back.
    if (concessive && before.trim().length > 0 && THIRD_PARTY.test(after)) continue;
    // An opening concession ("Lai gan sistēma uzkārās, tu…") comes before the praise: it
    // cancels only praise inside it ("Lai gan tu biji laipns, tu aizmirsi…").
    // With no main clause after it ("Super! Lai gan tev vajadzētu…"), it takes back the
    // sentence before, like "Bet".
    const alone = !after.includes(',');
    const praised =
      concessive && before.trim().length === 0 && !alone
        ? PRAISED.test(/^[^,]*/u.exec(after)![0]) && !FAULTY.test(/^[^,]*/u.exec(after)![0])
        : praisedBefore(s, c.start, previous);
    if (!praised) continue;
    hits.push({
      ...c,
      category: 'but',
      suggestions: /^[A-ZĀ-Ž]/u.test(c.text) ? ['Un', 'Nākamreiz'] : ['un', 'un nākamreiz'],
    });
  }
  // A yes/no question ("Vai tev vajadzēja pārslēgt zvanu?") asks; it does not tell.
  for (const m of YES_NO.test(s.text) ? [] : spans(MODAL, s.text)) {
    const word = m.text;
    const before = s.text.slice(0, m.start);
    if (SPEAKERS_OWN.test(word) && !AGENT_DATIVE.test(before)) continue;
    if (/^jā(?:ņ|nis|ni|nim|ņa|ņu)/iu.test(word)) continue; // Jānis, Jāņi
    // "ja nepieciešams", "ja vajag" set a condition; "kā vajag", "kā nākas" say it was done
    // right (praise); neither directs the agent.
    if (
      /(?<![\p{L}])(?:(?:ja|kad|kur)\s+(?:(?:tev|jums|tas|tomēr)\s+)?(?:(?:ir|būs|tiešām)\s+)?|(?:kā|kā tas|kā jau)\s+)$/iu.test(
        before,
      )
    )
      continue;
    // "Tev noteikti jābūt nogurušam", "tev jau vajadzētu būt saņēmušam…": a guess or a forecast.
    const after = s.text.slice(m.end);
    if (
      (/^(?:jābūt|vajadzētu|vajadzēja)$/iu.test(word) && EPISTEMIC.test(after)) ||
      (/^vajadzētu$/iu.test(word) && FORECAST_PARTICIPLE.test(after))
    )
      continue;
    if (/(?<![\p{L}])(?:nav|nebūs|nebija|nebūtu)\s+(?:\p{L}+\s+)?$/iu.test(before)) continue; // "tev nav jāuztraucas"
    const agent = AGENT_DATIVE.exec(before);
    const agentEarlier =
      !agent && /(?<![\p{L}])(?:tev|jums)(?![\p{L}])/iu.test(before) && !OTHER_DATIVE.test(before);
    if (!agent && !agentEarlier && OTHER_DATIVE.test(before)) continue;
    // "Tev nāksies…" directs the agent; without tev/jums ("nāksies pagaidīt") it is a forecast.
    if (/^nāk(?:sies|tos)$/iu.test(word) && !agent && !agentEarlier) continue;
    if (!agent && /(?:^|[\s,])(?:man|mums|viņam|viņai|viņiem)\s+(?:\p{L}+\s+){0,2}$/iu.test(before))
      continue;
    // The clause's subject is someone else, further back ("Klientam pēc tam ilgi bija jāgaida").
    const clause = /[^,;:\u2013\u2014]*$/u.exec(before)![0];
    if (!agent && !/(?<![\p{L}])(?:tev|jums)(?![\p{L}])/iu.test(clause) && otherSubject(clause))
      continue;
    // "Rīt vajadzētu pienākt apstiprinājumam": a forecast, not advice.
    if (!agent && /^vajadzētu$/iu.test(word) && FORECAST.test(s.text.slice(m.end))) continue;
    const start = agent ? m.start - (before.length - before.lastIndexOf(agent[1]!)) : m.start;
    const debitive = /^jā/iu.test(word);
    const inf = debitive ? infinitive(word.slice(2)) : undefined;
    const you = agent?.[1];
    hits.push({
      start,
      end: m.end,
      category: 'command',
      suggestions: debitive
        ? inf
          ? [
              `${you ? (you[0] === 'J' ? 'Jūs varētu' : you[0] === 'T' ? 'Tu varētu' : you === 'jums' ? 'jūs varētu' : 'tu varētu') : 'varētu'} ${inf}`,
              `iesaku ${inf}`,
            ]
          : ['varētu']
        : you
          ? [
              `${you[0] === 'J' ? 'Jūs' : you[0] === 'T' ? 'Tu' : you === 'jums' ? 'jūs' : 'tu'} varētu`,
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
  const why = /kāpēc|kādēļ|kamdēļ|iemesla dēļ|kā tā/iu.test(s.text);
  const whyNot = (why ? spans(WHY_NOT, s.text) : []).filter((m) => {
    if (REPORTED.test(s.text.slice(0, m.start))) return false;
    const verb = /(?<![\p{L}])ne(\p{L}{2,})/iu.exec(m.text);
    return (
      /(?<![\p{L}])(?:tu|jūs)(?![\p{L}])/iu.test(m.text) || (verb !== null && agentsVerb(verb[0]))
    );
  });
  for (const m of why ? s.text.matchAll(WHY_HABIT) : []) {
    if (REPORTED.test(s.text.slice(0, m.index))) continue;
    if (whyNot.some((w) => w.start < m.index + m[0].length && m.index < w.end)) continue;
    const verb = /\p{L}+$/u.exec(m[0])![0];
    // Without tu/jūs the verb must be the agent's (2nd person); "domā" is a reflective question.
    if (!m[1] && !m[2] && !agentsVerb(verb)) continue;
    if (/^(?:domā|domājat|esi|esat)$/iu.test(verb)) continue;
    whyNot.push({ start: m.index, end: m.index + m[0].length, text: m[0] });
  }
  for (const m of whyNot) {
    const verb = /(?<![\p{L}])ne(\p{L}{2,})/iu.exec(m.text)?.[1];
    const inf = verb && infinitive(verb);
    hits.push({
      ...m,
      category: 'presupposing-why',
      suggestions: [inf ? `Kas tev palīdzētu ${inf}` : 'Kas tev palīdzētu'],
    });
  }
  const generic = spans(GENERIC, s.text);
  // Praise counts up to the contrast that takes it back; a factual or corrective "bet" ("tu
  // neattaisnojies, bet atvainojies") does not cut it, and neither does an opening "Lai gan".
  const cut = hits.find((h) => h.category === 'but')?.start ?? s.text.length;
  const approved = s.text.slice(0, cut);
  const commanded = hits.some((h) => h.category === 'command' && h.start < cut);
  if (
    ((APPROVED.test(approved) && AGENT_DID_ONCE.test(approved.replace(CALL_WENT_WELL, ''))) ||
      (STANDARD_MET.test(approved) && CALL_STEP.test(approved))) &&
    !s.text.endsWith('?') &&
    !commanded
  ) {
    // The praise ends where a contrast takes it back.
    const end = cut - (/[\s,;:\u2013\u2014-]*$/u.exec(approved)?.[0].length ?? 0);
    hits.push({ start: 0, end, category: 'specific-praise', suggestions: [] });
  } else {
    const alone = GOOD_ALONE.exec(s.text);
    if (alone && generic.length === 0)
      generic.push({ start: 0, end: alone[0].length, text: alone[0] });
    for (const g of generic)
      hits.push({
        ...g,
        category: 'generic-praise',
        suggestions: ['Labi: tu [ko darīji], un tieši to prasa [standarts].'],
      });
  }
  const reflective = whyNot.length === 0 ? REFLECTIVE.exec(s.text) : null;
  if (reflective) {
    // After a lead-in and a colon or dash, the question starts after the mark.
    const start = reflective.index + /^[\s"“”„:—–-]*/u.exec(reflective[0])![0].length;
    hits.push({ start, end: s.text.length, category: 'reflective-question', suggestions: [] });
    return withoutAskedModals(hits, start);
  }
  if (!s.text.endsWith('?'))
    for (const m of spans(NEXT_TIME, s.text))
      hits.push({ ...m, category: 'next-time', suggestions: [] });
  return hits;
};
