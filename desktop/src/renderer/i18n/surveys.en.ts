/**
 * English strings of the customer-feedback views (merged under `surveys` in index.ts); the
 * Chinese file has the same keys, checked by TypeScript.
 */
export const surveysEn = {
  nav: {
    label: 'Coaching views',
    feedback: 'Customer feedback',
    report: 'Survey report',
    pack: 'Survey pack',
  },
  back: '← Back',
  backLabel: 'Back to where you were',
  refresh: 'Refresh',
  loading: 'Loading…',
  saving: 'Saving…',
  saved: 'Saved',
  error: {
    forbidden: 'Your role or team cannot see customer feedback.',
    other: 'Could not load: {{message}}',
    save: 'Not saved: {{message}}',
  },
  team: { label: 'Team', all: 'All my teams' },
  agent: { label: 'Agent', all: 'All agents' },
  callType: { label: 'Call type', all: 'All call types' },
  csat: {
    label: 'CSAT',
    value: 'CSAT {{score}}/5',
    share: 'CSAT',
    mean: 'Mean rating 1–5',
    definition:
      'CSAT is the share of answers of 4 or 5 on the 1–5 scale; the mean rating is a second figure beside it.',
    none: 'no score',
    word: {
      '1': 'Very dissatisfied',
      '2': 'Dissatisfied',
      '3': 'Neutral',
      '4': 'Satisfied',
      '5': 'Very satisfied',
    },
  },
  effort: {
    label: 'Effort',
    value: 'Effort {{score}}/5 ({{word}})',
    word: {
      '1': 'very easy',
      '2': 'easy',
      '3': 'neither',
      '4': 'hard',
      '5': 'very hard',
    },
  },
  resolved: { yes: 'Resolved', no: 'Not resolved' },
  channel: { email: 'Email', sms: 'SMS', ivr: 'IVR', link: 'Link' },
  reason: {
    'abusive-caller': 'Abusive caller',
    'wrong-number': 'Wrong number',
    'vulnerable-customer': 'Vulnerable customer',
  },
  selfAnswer: {
    mark: 'Set apart',
    markLabel: 'Not counted in CSAT: {{reason}}',
    reason: {
      'staff-browser': 'sent from a browser signed in to Sidecoach',
      'agent-address': 'sent from an address the agent signs in from',
      'staff-address': 'sent from an address staff sign in from',
    },
    reasonShort: {
      'staff-browser': 'Staff browser',
      'agent-address': 'Agent’s own address',
      'staff-address': 'Staff address',
    },
  },
  feedback: {
    title: 'Customer feedback',
    intro:
      'Survey answers from your agents’ customers, newest first. New answers appear as they come in.',
    filters: 'Filters',
    emptyRange: 'No responses from {{from}} to {{to}}.',
    empty_one: 'No responses in the last day.',
    empty_other: 'No responses in the last {{count}} days.',
    noMatch: 'No responses match these filters.',
    shown_one: 'Showing the newest response.',
    shown_other: 'Showing the newest {{count}} responses.',
    list: 'Responses',
    byAgent: 'Per agent',
    byCallType: 'Per call type',
    responses: 'Responses',
    comment: 'Customer comment',
    noComment: 'No comment',
    response: 'Response from {{agent}}’s customer, {{time}}',
    setApart_one:
      '{{count}} answer here looks like staff gave it, not the customer: it is left out of the figures per agent and per call type.',
    setApart_other:
      '{{count}} answers here look like staff gave them, not the customer: they are left out of the figures per agent and per call type.',
  },
  alert: {
    region: 'Service recovery alerts',
    title: 'Service recovery: {{agent}}’s customer rated {{csat}}/5 ({{callType}})',
    more_one: '{{count}} more alert',
    more_other: '{{count}} more alerts',
    open: 'Open',
    openLabel: 'Open the response from {{agent}}’s customer',
    dismiss: 'Dismiss',
    dismissLabel: 'Dismiss the alert about {{agent}}’s customer',
  },
  settings: {
    title: 'Team settings',
    agentsSee: 'Agents see their customers’ feedback',
    agentsSeeTeam: '{{team}}: agents see their customers’ feedback',
    hint: 'Agents only ever see answers from their own customers.',
    noTeams: 'You are not a member of a team: there is no team setting to change here.',
  },
  report: {
    title: 'Selective-surveying report',
    intro:
      'The hub decides which calls are surveyed; agents can only exclude a call with a reason. Agents who exclude far more calls than their team are flagged.',
    range: '{{from}} – {{to}}',
    empty: 'No ended calls in this period.',
    team: 'Team',
    calls: 'Calls',
    eligible: 'Eligible',
    surveyed: 'Surveyed',
    excluded: 'Excluded',
    responseRate: 'Response rate',
    responses: 'Responses',
    distribution: 'CSAT 1·2·3·4·5',
    distributionLabel: 'Answers per CSAT score from 1 to 5: {{values}}',
    agentsCaption: 'Per agent (select one to compare with the team)',
    flagged: 'Flagged',
    flaggedLabel: 'flagged: {{reasons}}',
    flags: 'Stands out',
    flag: {
      'exclusion-rate':
        '{{name}} excludes far more calls than the rest of the team: {{rate}} of eligible calls against {{rest}}.',
      'surveyed-share':
        '{{name}} has far fewer calls surveyed than the rest of the team: {{rate}} of eligible calls against {{rest}}.',
    },
    flagShort: {
      'exclusion-rate': 'excludes far more calls than the rest of the team',
      'surveyed-share': 'far fewer calls surveyed than the rest of the team',
    },
    noFlags: 'No agent stands out from the rest of the team.',
    flagRule_one:
      'Agents are compared once they have {{count}} eligible call; figures are shares of eligible calls.',
    flagRule_other:
      'Agents are compared once they have {{count}} eligible calls; figures are shares of eligible calls.',
    byReason: 'By reason',
    chartTitle: 'CSAT: {{name}} against the team',
    chartTeamOnly: 'CSAT: the team',
    chartLabel:
      'Bar chart of the share of answers per CSAT score, {{name}} against the team; the tables have the same numbers.',
    chartScore: 'Score',
    chartShare: 'Share of answers',
    shareOfAnswers: 'share of answers',
    callTypes: 'Per call type',
    resolvedShare: 'Resolved',
    meanEffort: 'Mean effort',
    exclusions: 'Exclusions',
    exclusionsEmpty: 'No call was excluded in this period.',
    exclusionsCaption_one: '{{count}} exclusion, newest first',
    exclusionsCaption_other: '{{count}} exclusions, newest first',
    delivery: 'Survey sends',
    deliveryOk: 'Every survey was sent; none failed.',
    deliveryPending_one: '{{count}} survey waiting to be sent; none failed.',
    deliveryPending_other: '{{count}} surveys waiting to be sent; none failed.',
    deliveryFailed_one:
      '{{count}} survey could not be sent ({{pending}} still retrying): check the mail server or the SMS/IVR gateway.',
    deliveryFailed_other:
      '{{count}} surveys could not be sent ({{pending}} still retrying): check the mail server or the SMS/IVR gateway.',
    waitingBecause_one: '{{count}} waiting, last error:',
    waitingBecause_other: '{{count}} waiting, last error:',
    asLink: {
      email_one:
        'This hub has no mail server set up, so {{count}} email survey was shown to the agent as a link instead. To send surveys by email, start the hub with {{flag}}.',
      email_other:
        'This hub has no mail server set up, so {{count}} email surveys were shown to agents as a link instead. To send surveys by email, start the hub with {{flag}}.',
      sms_one:
        'This hub has no SMS gateway set up, so {{count}} SMS survey was shown to the agent as a link instead. To send surveys by SMS, start the hub with {{flag}}.',
      sms_other:
        'This hub has no SMS gateway set up, so {{count}} SMS surveys were shown to agents as a link instead. To send surveys by SMS, start the hub with {{flag}}.',
      ivr_one:
        'This hub has no IVR gateway set up, so {{count}} IVR survey was shown to the agent as a link instead. To survey by phone, start the hub with {{flag}}.',
      ivr_other:
        'This hub has no IVR gateway set up, so {{count}} IVR surveys were shown to agents as a link instead. To survey by phone, start the hub with {{flag}}.',
    },
    showAll: 'Show all {{total}}',
    showFewer: 'Show fewer',
    setApart: 'Set apart',
    selfAnswers: 'Answers set apart',
    selfAnswersIntro:
      'Answers that look like staff gave them, not the customer. They are left out of responses and CSAT; talk them through with the agent.',
    selfAnswersEmpty: 'No answer was set apart in this period.',
    selfAnswersCaption_one: '{{count}} answer set apart',
    selfAnswersCaption_other: '{{count}} answers set apart, newest first',
    selfAnswerReason: 'Why',
    selfAnswerWhen: 'When',
  },
  mine: {
    title: 'Your customers’ feedback',
    summary_one:
      '{{count}} response in the last {{days}} days · CSAT {{csat}} · mean rating {{mean}}',
    summary_other:
      '{{count}} responses in the last {{days}} days · CSAT {{csat}} · mean rating {{mean}}',
    empty: 'No survey answers from your customers in the last {{days}} days.',
    showAll_one: 'Show the other response',
    showAll_other: 'Show {{count}} more',
    showLess: 'Show fewer',
  },
};

type Widen<T> = { [K in keyof T]: T[K] extends string ? string : Widen<T[K]> };
export type SurveyMessages = Widen<typeof surveysEn>;
