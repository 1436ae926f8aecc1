import type { SurveyMessages } from './surveys.en.js';
import type { WithZeroPlurals } from './types.js';

/** Klientu atsauksmju skatu latviešu teksti (atslēgas kā angļu failā, pārbauda TypeScript). */
export const surveysLv: WithZeroPlurals<SurveyMessages> = {
  nav: {
    label: 'Koučinga skati',
    feedback: 'Klientu atsauksmes',
    report: 'Aptauju atskaite',
    pack: 'Aptauju pakotne',
  },
  back: '← Atpakaļ',
  backLabel: 'Atpakaļ uz iepriekšējo skatu',
  refresh: 'Atsvaidzināt',
  loading: 'Ielādē…',
  saving: 'Saglabā…',
  saved: 'Saglabāts',
  error: {
    forbidden: 'Jūsu lomai vai komandai nav piekļuves klientu atsauksmēm.',
    other: 'Neizdevās ielādēt: {{message}}',
    save: 'Nav saglabāts: {{message}}',
  },
  team: { label: 'Komanda', all: 'Visas manas komandas' },
  agent: { label: 'Operators', all: 'Visi operatori' },
  callType: { label: 'Zvana veids', all: 'Visi zvanu veidi' },
  csat: {
    label: 'CSAT',
    value: 'CSAT {{score}}/5',
    share: 'CSAT',
    mean: 'Vidējais vērtējums 1–5',
    definition:
      'CSAT ir atbilžu ar vērtējumu 4 vai 5 īpatsvars skalā no 1 līdz 5; blakus norādīts arī vidējais vērtējums.',
    none: 'nav vērtējuma',
    word: {
      '1': 'Ļoti neapmierināts',
      '2': 'Neapmierināts',
      '3': 'Neitrāls',
      '4': 'Apmierināts',
      '5': 'Ļoti apmierināts',
    },
  },
  effort: {
    label: 'Piepūle',
    value: 'Piepūle {{score}}/5 ({{word}})',
    word: {
      '1': 'ļoti viegli',
      '2': 'viegli',
      '3': 'ne viegli, ne grūti',
      '4': 'grūti',
      '5': 'ļoti grūti',
    },
  },
  resolved: { yes: 'Atrisināts', no: 'Nav atrisināts' },
  channel: { email: 'E-pasts', sms: 'SMS', ivr: 'IVR', link: 'Saite' },
  reason: {
    'abusive-caller': 'Aizskarošs zvanītājs',
    'wrong-number': 'Nepareizs numurs',
    'vulnerable-customer': 'Mazaizsargāts klients',
  },
  selfAnswer: {
    mark: 'Atsevišķi',
    markLabel: 'Nav ieskaitīta CSAT vērtējumā: {{reason}}',
    reason: {
      'staff-browser': 'iesniegta no pārlūka, kurā kāds ir pierakstījies Sidecoach',
      'agent-address': 'iesniegta no adreses, no kuras pierakstās šis operators',
      'staff-address': 'iesniegta no adreses, no kuras pierakstās darbinieki',
    },
    reasonShort: {
      'staff-browser': 'Darbinieka pārlūks',
      'agent-address': 'Operatora paša adrese',
      'staff-address': 'Darbinieku adrese',
    },
  },
  feedback: {
    title: 'Klientu atsauksmes',
    intro:
      'Jūsu operatoru klientu atbildes uz aptaujām, jaunākās vispirms. Jaunas atbildes parādās, tiklīdz tās pienāk.',
    filters: 'Filtri',
    emptyRange: 'No {{from}} līdz {{to}} nav atbilžu.',
    empty_zero: 'Pēdējo {{count}} dienu laikā nav atbilžu.',
    empty_one: 'Pēdējās {{count}} dienas laikā nav atbilžu.',
    empty_other: 'Pēdējo {{count}} dienu laikā nav atbilžu.',
    noMatch: 'Šiem filtriem neatbilst neviena atbilde.',
    shown_zero: 'Rādītas jaunākās {{count}} atbildes.',
    shown_one: 'Rādīta jaunākā {{count}} atbilde.',
    shown_other: 'Rādītas jaunākās {{count}} atbildes.',
    list: 'Atbildes',
    byAgent: 'Pa operatoriem',
    byCallType: 'Pa zvanu veidiem',
    responses: 'Atbildes',
    comment: 'Klienta komentārs',
    noComment: 'Nav komentāra',
    response: 'Klienta atbilde (operators: {{agent}}), {{time}}',
    setApart_zero:
      'Šķiet, ka {{count}} no šīm atbildēm sniedza darbinieks, nevis klients: tās nav ieskaitītas skaitļos pa operatoriem un zvanu veidiem.',
    setApart_one:
      'Šķiet, ka {{count}} no šīm atbildēm sniedza darbinieks, nevis klients: tā nav ieskaitīta skaitļos pa operatoriem un zvanu veidiem.',
    setApart_other:
      'Šķiet, ka {{count}} no šīm atbildēm sniedza darbinieks, nevis klients: tās nav ieskaitītas skaitļos pa operatoriem un zvanu veidiem.',
  },
  alert: {
    region: 'Klientu atgūšanas brīdinājumi',
    title: 'Klienta atgūšana: vērtējums {{csat}}/5 ({{callType}}), operators: {{agent}}',
    more_zero: 'vēl {{count}} brīdinājumu',
    more_one: 'vēl {{count}} brīdinājums',
    more_other: 'vēl {{count}} brīdinājumi',
    open: 'Atvērt',
    openLabel: 'Atvērt klienta atbildi (operators: {{agent}})',
    dismiss: 'Aizvērt',
    dismissLabel: 'Aizvērt brīdinājumu par klientu (operators: {{agent}})',
  },
  settings: {
    title: 'Komandas iestatījumi',
    agentsSee: 'Operatori redz savu klientu atsauksmes',
    agentsSeeTeam: '{{team}}: operatori redz savu klientu atsauksmes',
    hint: 'Operatori redz tikai savu klientu atbildes.',
    noTeams: 'Jūs nepiederat nevienai komandai: šeit nav komandas iestatījumu, ko mainīt.',
  },
  report: {
    title: 'Selektīvās aptaujāšanas atskaite',
    intro:
      'Serveris izlemj, par kuriem zvaniem aptaujāt klientus; operatori var izslēgt zvanu, tikai norādot iemeslu. Operatori, kas izslēdz daudz vairāk zvanu nekā viņu komanda, tiek izcelti.',
    range: '{{from}} – {{to}}',
    empty: 'Šajā periodā nav pabeigtu zvanu.',
    team: 'Komanda',
    calls: 'Zvani',
    eligible: 'Atbilstoši',
    surveyed: 'Aptaujāti',
    excluded: 'Izslēgti',
    responseRate: 'Atsaucība',
    responses: 'Atbildes',
    distribution: 'CSAT 1·2·3·4·5',
    distributionLabel: 'Atbildes pa CSAT vērtējumiem no 1 līdz 5: {{values}}',
    agentsCaption: 'Pa operatoriem (izvēlieties kādu, lai salīdzinātu ar komandu)',
    flagged: 'Izcelts',
    flaggedLabel: 'izcelts: {{reasons}}',
    flags: 'Izceļas',
    flag: {
      'exclusion-rate':
        '{{name}} izslēdz daudz vairāk zvanu nekā pārējā komanda: {{rate}} no atbilstošajiem zvaniem pret {{rest}}.',
      'surveyed-share':
        '{{name}} — daudz mazāk aptaujātu zvanu nekā pārējai komandai: {{rate}} no atbilstošajiem zvaniem pret {{rest}}.',
    },
    flagShort: {
      'exclusion-rate': 'izslēdz daudz vairāk zvanu nekā pārējā komanda',
      'surveyed-share': 'daudz mazāk aptaujātu zvanu nekā pārējai komandai',
    },
    noFlags: 'Neviens operators neizceļas uz pārējās komandas fona.',
    flagRule_zero:
      'Operatorus salīdzina, kad viņiem ir {{count}} atbilstošu zvanu; skaitļi ir īpatsvars no atbilstošajiem zvaniem.',
    flagRule_one:
      'Operatorus salīdzina, kad viņiem ir {{count}} atbilstošs zvans; skaitļi ir īpatsvars no atbilstošajiem zvaniem.',
    flagRule_other:
      'Operatorus salīdzina, kad viņiem ir {{count}} atbilstoši zvani; skaitļi ir īpatsvars no atbilstošajiem zvaniem.',
    byReason: 'Pa iemesliem',
    chartTitle: 'CSAT: {{name}} pret komandu',
    chartTeamOnly: 'CSAT: komanda',
    chartLabel:
      'Stabiņu diagramma ar atbilžu īpatsvaru pa CSAT vērtējumiem, {{name}} pret komandu; tabulās ir tie paši skaitļi.',
    chartScore: 'Vērtējums',
    chartShare: 'Atbilžu īpatsvars',
    shareOfAnswers: 'atbilžu īpatsvars',
    callTypes: 'Pa zvanu veidiem',
    resolvedShare: 'Atrisināti',
    meanEffort: 'Vidējā piepūle',
    exclusions: 'Izslēgšanas',
    exclusionsEmpty: 'Šajā periodā neviens zvans netika izslēgts.',
    exclusionsCaption_zero: '{{count}} izslēgšanu, jaunākās vispirms',
    exclusionsCaption_one: '{{count}} izslēgšana, jaunākās vispirms',
    exclusionsCaption_other: '{{count}} izslēgšanas, jaunākās vispirms',
    delivery: 'Aptauju nosūtīšana',
    deliveryOk: 'Visas aptaujas nosūtītas, kļūmju nav.',
    deliveryPending_zero: '{{count}} aptauju gaida nosūtīšanu, kļūmju nav.',
    deliveryPending_one: '{{count}} aptauja gaida nosūtīšanu, kļūmju nav.',
    deliveryPending_other: '{{count}} aptaujas gaida nosūtīšanu, kļūmju nav.',
    deliveryFailed_zero:
      '{{count}} aptauju neizdevās nosūtīt (vēl mēģina atkārtoti: {{pending}}): pārbaudiet e-pasta serveri vai SMS/IVR vārteju.',
    deliveryFailed_one:
      '{{count}} aptauju neizdevās nosūtīt (vēl mēģina atkārtoti: {{pending}}): pārbaudiet e-pasta serveri vai SMS/IVR vārteju.',
    deliveryFailed_other:
      '{{count}} aptaujas neizdevās nosūtīt (vēl mēģina atkārtoti: {{pending}}): pārbaudiet e-pasta serveri vai SMS/IVR vārteju.',
    waitingBecause_zero: '{{count}} gaida, pēdējā kļūda:',
    waitingBecause_one: '{{count}} gaida, pēdējā kļūda:',
    waitingBecause_other: '{{count}} gaida, pēdējā kļūda:',
    asLink: {
      email_zero:
        'Šajā serverī nav iestatīts e-pasta serveris, tāpēc {{count}} e-pasta aptauju operatoriem parādīja kā saiti. Lai sūtītu aptaujas pa e-pastu, palaidiet serveri ar {{flag}}.',
      email_one:
        'Šajā serverī nav iestatīts e-pasta serveris, tāpēc {{count}} e-pasta aptauju operatoram parādīja kā saiti. Lai sūtītu aptaujas pa e-pastu, palaidiet serveri ar {{flag}}.',
      email_other:
        'Šajā serverī nav iestatīts e-pasta serveris, tāpēc {{count}} e-pasta aptaujas operatoriem parādīja kā saiti. Lai sūtītu aptaujas pa e-pastu, palaidiet serveri ar {{flag}}.',
      sms_zero:
        'Šajā serverī nav iestatīta SMS vārteja, tāpēc {{count}} SMS aptauju operatoriem parādīja kā saiti. Lai sūtītu aptaujas pa SMS, palaidiet serveri ar {{flag}}.',
      sms_one:
        'Šajā serverī nav iestatīta SMS vārteja, tāpēc {{count}} SMS aptauju operatoram parādīja kā saiti. Lai sūtītu aptaujas pa SMS, palaidiet serveri ar {{flag}}.',
      sms_other:
        'Šajā serverī nav iestatīta SMS vārteja, tāpēc {{count}} SMS aptaujas operatoriem parādīja kā saiti. Lai sūtītu aptaujas pa SMS, palaidiet serveri ar {{flag}}.',
      ivr_zero:
        'Šajā serverī nav iestatīta IVR vārteja, tāpēc {{count}} IVR aptauju operatoriem parādīja kā saiti. Lai aptaujātu pa tālruni, palaidiet serveri ar {{flag}}.',
      ivr_one:
        'Šajā serverī nav iestatīta IVR vārteja, tāpēc {{count}} IVR aptauju operatoram parādīja kā saiti. Lai aptaujātu pa tālruni, palaidiet serveri ar {{flag}}.',
      ivr_other:
        'Šajā serverī nav iestatīta IVR vārteja, tāpēc {{count}} IVR aptaujas operatoriem parādīja kā saiti. Lai aptaujātu pa tālruni, palaidiet serveri ar {{flag}}.',
    },
    showAll: 'Rādīt visas ({{total}})',
    showFewer: 'Rādīt mazāk',
    setApart: 'Atsevišķi',
    selfAnswers: 'Atsevišķi uzskaitītās atbildes',
    selfAnswersIntro:
      'Atbildes, kuras, šķiet, sniedza darbinieks, nevis klients. Tās nav ieskaitītas atbildēs un CSAT; pārrunājiet tās ar operatoru.',
    selfAnswersEmpty: 'Šajā periodā neviena atbilde nav uzskaitīta atsevišķi.',
    selfAnswersCaption_zero: '{{count}} atsevišķi uzskaitītu atbilžu, jaunākās vispirms',
    selfAnswersCaption_one: '{{count}} atsevišķi uzskaitīta atbilde',
    selfAnswersCaption_other: '{{count}} atsevišķi uzskaitītas atbildes, jaunākās vispirms',
    selfAnswerReason: 'Iemesls',
    selfAnswerWhen: 'Laiks',
  },
  mine: {
    title: 'Jūsu klientu atsauksmes',
    summary_zero:
      '{{count}} atbilžu pēdējās {{days}} dienās · CSAT {{csat}} · vidējais vērtējums {{mean}}',
    summary_one:
      '{{count}} atbilde pēdējās {{days}} dienās · CSAT {{csat}} · vidējais vērtējums {{mean}}',
    summary_other:
      '{{count}} atbildes pēdējās {{days}} dienās · CSAT {{csat}} · vidējais vērtējums {{mean}}',
    empty: 'Pēdējās {{days}} dienās jūsu klienti nav atbildējuši uz aptaujām.',
    showAll_zero: 'Rādīt vēl {{count}} atbilžu',
    showAll_one: 'Rādīt vēl {{count}} atbildi',
    showAll_other: 'Rādīt vēl {{count}} atbildes',
    showLess: 'Rādīt mazāk',
  },
};
