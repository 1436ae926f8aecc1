import type {
  MysteryAssignment,
  MysteryOpened,
  MysteryReport,
  Programme,
  StandardsPack,
} from '@sidecoach/shared';
import { scorecardItem } from '../qa/test-items.js';

// One mystery call for the caller app's unit tests: a booking's questionnaire of three
// questions (the summary needs a comment on "no"; the identity check cannot be "can't tell";
// the upsell is asked only after a "yes" to the summary), two ratings, a programme item that
// is not on bookings.

export const pack: StandardsPack = {
  id: 'p',
  name: { en: 'Pack' },
  version: 3,
  callTypes: [
    { id: 'booking', name: { en: 'Booking', lv: 'Rezervācija' } },
    { id: 'complaint', name: { en: 'Complaint' } },
  ],
  areas: [
    {
      id: 'process',
      items: [
        scorecardItem('verify', { naAllowed: false }),
        scorecardItem('summary', { commentOnNo: true }),
        scorecardItem('upsell', { showWhen: { item: 'summary', answers: ['yes'] } }),
        scorecardItem('apology', { callTypes: ['complaint'] }),
      ],
    },
    { id: 'behaviour', items: [scorecardItem('tone')] },
  ],
};

export const assignment = (patch: Partial<MysteryAssignment> = {}): MysteryAssignment => ({
  id: 'a1',
  waveId: 'w1',
  teamId: null,
  teamName: null,
  numberToCall: '+44 20 7946 0100',
  zone: 'Europe/London',
  scenario: {
    id: 'change-dates',
    callType: 'booking',
    title: 'Move a booking by a week',
    brief: 'You booked two nights.',
    answers: 'Name: Taylor.',
    tests: 'The identity check.',
  },
  windowFrom: '2026-12-01T18:00:00.000Z',
  windowTo: '2026-12-01T20:00:00.000Z',
  dayPart: 'evening',
  weekend: false,
  profile: { ageBand: '60+' },
  callerId: 'u-caller',
  callerName: 'Mia Mystery',
  status: 'claimed',
  reviewNote: null,
  ...patch,
});

export const programme: Programme = {
  id: 'prog',
  name: 'Booking line',
  objective: 'training',
  competitor: null,
  packId: 'p',
  packVersion: 3,
  itemIds: ['verify', 'summary', 'upsell', 'tone', 'apology'],
  ratings: [
    { id: 'welcome', label: { en: 'I felt welcome', lv: 'Mani sagaidīja laipni' } },
    { id: 'clear', label: { en: 'I knew what happens next' } },
  ],
  definitions: { tone: 'Warm means glad to help.' },
  target: 85,
  active: true,
  waves: 1,
  updatedAt: '2026-11-30T10:00:00.000Z',
};

export const report = (patch: Partial<MysteryReport> = {}): MysteryReport => ({
  assignmentId: 'a1',
  waveId: 'w1',
  callerId: 'u-caller',
  callerName: 'Mia Mystery',
  calledAt: '2026-12-01T18:40:00.000Z',
  calledNumber: '+44 20 7946 0100',
  fromNumber: '+44 7700 900123',
  agentNameHeard: 'Ava',
  answers: { verify: 'yes', summary: 'no', tone: 'yes' },
  comments: { summary: 'No reference number.' },
  ratings: { welcome: 4, clear: 2 },
  impression: 'Friendly, unclear at the end.',
  reply: '',
  score: null,
  submittedAt: '2026-12-01T18:50:00.000Z',
  match: {
    method: 'none',
    callId: null,
    agentId: null,
    agentName: null,
    candidates: [],
    recordingUrl: null,
  },
  overAgentLimit: false,
  grade: null,
  reviewNote: null,
  reviewedAt: null,
  ...patch,
});

export const opened = (patch: Partial<MysteryOpened> = {}): MysteryOpened => ({
  assignment: assignment(),
  programme,
  pack,
  // In scorecard order, the programme's items on a booking (the apology is on complaints only).
  items: ['verify', 'summary', 'upsell', 'tone'],
  report: null,
  ...patch,
});
