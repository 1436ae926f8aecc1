import type { RecognitionMessages } from './recognition.en.js';
import type { WithZeroPlurals } from './types.js';

// Names stay in the nominative ("Uzslavu deva Lina Lead", "Ko izdarīja Ava?"): a name is not
// declined by the UI. Counts agree with their noun in all three forms (10 zvanu, 21 zvans,
// 5 zvani).
export const recognitionLv: WithZeroPlurals<RecognitionMessages> = {
  nav: 'Atzinība',
  loading: 'Ielādē atzinību…',
  title: 'Atzinība',
  tabsLabel: 'Atzinības skati',
  tabs: { wall: 'Komandas siena', summary: 'Mēneša kopsavilkums' },
  team: 'Komanda',
  noTeam: 'Jūs vēl neesat nevienā komandā, tāpēc komandas sienas nav.',
  loadingTeams: 'Ielādē komandas…',
  refresh: 'Atjaunot',
  kind: { badge: 'Nozīmīte', shoutout: 'Uzslava' },
  badge: {
    name: {
      'standard-week': 'Visu nedēļu bez izņēmuma',
      'no-critical-month': 'Tīrs mēnesis',
      'csat-streak': 'Apmierinātu klientu sērija',
      'reflective-week': 'Pašnovērtējuma nedēļa',
    },
    for: {
      'standard-week_zero':
        '{{standard}}: katrā nedēļas zvanā ({{count}} zvanu; nedēļas pirmdiena: {{date}})',
      'standard-week_one':
        '{{standard}}: katrā nedēļas zvanā ({{count}} zvans; nedēļas pirmdiena: {{date}})',
      'standard-week_other':
        '{{standard}}: katrā nedēļas zvanā ({{count}} zvani; nedēļas pirmdiena: {{date}})',
      'no-critical-month_zero': '{{month}}: {{count}} novērtējumu, neviens ar kritisku kļūdu',
      'no-critical-month_one': '{{month}}: {{count}} novērtējums bez kritiskas kļūdas',
      'no-critical-month_other': '{{month}}: {{count}} novērtējumi, neviens ar kritisku kļūdu',
      'csat-streak_zero':
        '{{count}} klientu pēc kārtas vērtēja ar 4 vai 5 (sērijas sākums: {{date}})',
      'csat-streak_one':
        '{{count}} klients pēc kārtas vērtēja ar 4 vai 5 (sērijas sākums: {{date}})',
      'csat-streak_other':
        '{{count}} klienti pēc kārtas vērtēja ar 4 vai 5 (sērijas sākums: {{date}})',
      'reflective-week_zero':
        'Pašnovērtēts katrs nedēļas zvans ({{count}} zvanu; nedēļas pirmdiena: {{date}})',
      'reflective-week_one':
        'Pašnovērtēts katrs nedēļas zvans ({{count}} zvans; nedēļas pirmdiena: {{date}})',
      'reflective-week_other':
        'Pašnovērtēts katrs nedēļas zvans ({{count}} zvani; nedēļas pirmdiena: {{date}})',
    },
    earnedBy: '{{name}} ieguva nozīmīti',
  },
  shoutout: {
    from: 'Uzslavu deva {{name}}',
    gave: 'Uzslavu saņēma {{agent}}, deva {{from}}',
    role: { lead: 'koučs', peer: 'komandas biedrs' },
    private: 'Privāta',
    onCall: 'Redzēts zvanā',
  },
  notice: {
    label: 'Tikko saņemta atzinība',
    badge: 'Jauna nozīmīte: {{name}}',
    shoutout: 'Uzslava, ko deva {{name}}',
    dismiss: 'Aizvērt',
    dismissLabel: 'Aizvērt: {{what}}',
  },
  mine: {
    title: 'Jūsu atzinība',
    empty:
      'Vēl nav nevienas nozīmītes vai uzslavas. Nozīmītes nāk no ilgstoši ievērotiem standartiem, uzslavas — no jūsu koučiem un komandas biedriem.',
    showAll_zero: 'Rādīt vēl {{count}}',
    showAll_one: 'Rādīt vēl {{count}}',
    showAll_other: 'Rādīt vēl {{count}}',
    showLess: 'Rādīt mazāk',
    wall: 'Komandas siena',
    recognise: 'Uzslavēt komandas biedru',
    loadFailed: 'Neizdevās ielādēt jūsu atzinību: {{message}}',
  },
  wall: {
    title: 'Komandas siena: {{team}}',
    intro: 'Komandā iegūtās nozīmītes un dotās uzslavas, jaunākās augšā.',
    loading: 'Ielādē sienu…',
    empty: 'Sienā vēl nekā nav. Esiet pirmais, kas pasaka, ko kolēģis dara labi.',
    older: 'Rādīt vecākus',
    loadingOlder: 'Ielādē vecākus ierakstus…',
    shown_zero: 'Parādīti ieraksti: {{count}}',
    shown_one: 'Parādīti ieraksti: {{count}}',
    shown_other: 'Parādīti ieraksti: {{count}}',
    give: 'Uzslavēt kolēģi',
    leaderboardCaption: 'Šī mēneša līderu tabula: nozīmītes un komandas uzslavas katram operatoram',
    agent: 'Operators',
    badges: 'Nozīmītes',
    shoutouts: 'Uzslavas',
  },
  composer: {
    title: 'Uzslava',
    titleTo: 'Uzslava: {{name}}',
    intro:
      'Nosauciet standartu un to, ko redzējāt: no “Labs darbs!” nekā nevar iemācīties, no konkrētas rīcības — var.',
    to: 'Kam',
    theAgent: 'operators',
    chooseTeammate: 'Izvēlieties komandas biedru…',
    chooseAgent: 'Izvēlieties operatoru…',
    noMembers: 'Komandā vēl nav neviena, ko uzslavēt.',
    standard: 'Standarts',
    chooseStandard: 'Izvēlieties izpildīto standartu…',
    behaviour: 'Ko izdarīja {{name}}?',
    behaviourAnyone: 'Ko kolēģis izdarīja?',
    placeholder: 'Piemēram: Pirms izmaiņām jūs pārbaudījāt rezervācijas numuru.',
    call: 'Zvans',
    noCall: 'Nav saistīta ar konkrētu zvanu',
    visibility: 'Kas to redz',
    team: 'Komandas siena',
    private: 'Privāti: {{name}} un kouči',
    privateAnyone: 'Privāti: operators un kouči',
    send: 'Nosūtīt uzslavu',
    sending: 'Sūta…',
    sent: 'Uzslava nosūtīta. Saņēmējs: {{name}}.',
    cancel: 'Atcelt',
    close: 'Aizvērt',
    another: 'Uzrakstīt vēl vienu',
    needsAgent: 'Izvēlieties, kam uzslava domāta.',
    needsStandard: 'Izvēlieties izpildīto standartu.',
    tooShort_zero: 'Aprakstiet rīcību teikumā (vēl {{count}} rakstzīmju).',
    tooShort_one: 'Aprakstiet rīcību teikumā (vēl {{count}} rakstzīme).',
    tooShort_other: 'Aprakstiet rīcību teikumā (vēl {{count}} rakstzīmes).',
    problemsTitle: 'Pirms nosūtīšanas',
    problem: {
      'generic-praise':
        'Vispārīga uzslava (iezīmēta tekstā) nenosauc rīcību: izņemiet to un uzrakstiet, ko izdarīja {{name}} un kuru standartu tas izpildīja.',
      'no-behaviour_zero':
        'Par maz, lai saprastu, ko izdarīja {{name}}: aprakstiet rīcību teikumā (vismaz {{count}} vārdu).',
      'no-behaviour_one':
        'Par maz, lai saprastu, ko izdarīja {{name}}: aprakstiet rīcību teikumā (vismaz {{count}} vārds).',
      'no-behaviour_other':
        'Par maz, lai saprastu, ko izdarīja {{name}}: aprakstiet rīcību teikumā (vismaz {{count}} vārdi).',
      placeholder: 'Aizstājiet daļas kvadrātiekavās ar to, ko redzējāt.',
      harmful:
        '{{pattern}} atņem uzslavai spēku (iezīmēts tekstā): uzslavējiet pašu rīcību, bez piebildēm.',
    },
    suggestion: 'Piemērs: “{{example}}”',
    example: 'Pirms zvana beigām jūs apkopojāt nākamos soļus, un klients zināja, kas notiks tālāk.',
    refused: 'Nav nosūtīts: {{message}}',
  },
  summary: {
    title: '{{team}}: atzinība — {{month}}',
    intro:
      'Kas mēnesī saņēma atzinību un par ko. Tie, kas to nesaņēma, ir atgādinājums: pameklējiet, ko viņi dara labi, un pasakiet to.',
    month: 'Mēnesis',
    loading: 'Skaita mēneša atzinību…',
    agentsCaption: 'Atzinība katram operatoram — {{month}}',
    agent: 'Operators',
    badges: 'Nozīmītes',
    received: 'Saņemtās uzslavas',
    given: 'Dotās uzslavas',
    standards: 'Biežāk uzslavētie standarti',
    noAgents: 'Komandā nebija neviena operatora ({{month}}).',
    unrecognisedTitle: 'Bez atzinības — {{month}}',
    unrecognisedHint: 'Noklausieties kādu zvanu, izlasiet novērtējumus: ko viņi dara labi?',
    allRecognised: 'Atzinību saņēma visi komandas operatori ({{month}}).',
    recognise: 'Uzslavēt',
    recogniseLabel: 'Uzslavēt: {{name}}',
    badgesCaption: 'Iegūtās nozīmītes pēc veida — {{month}}',
    standardsCaption: 'Uzslavētie standarti — {{month}}',
    count: 'Skaits',
    standard: 'Standarts',
    noBadges: 'Nozīmītes netika iegūtas ({{month}}).',
    noStandards: 'Uzslavās netika nosaukts neviens standarts ({{month}}).',
    separator: ', ',
  },
  entry: {
    recognise: 'Uzslavēt',
    recogniseLabel: 'Uzslavēt: {{name}}',
  },
};
