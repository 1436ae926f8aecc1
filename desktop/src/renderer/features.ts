// The features of the sidebar, wired to the session lifecycle: the one place that lists them.
import type { InboxRoutes, OutboxRoutes } from './hub/feature.js';
import { routeInbox } from './hub/inbox.js';
import { registerFeatures } from './hub/lifecycle.js';
import { routeOutbox } from './hub/outbox.js';
import { callFeature, callOutbox } from './features/call/feature.js';
import { notesFeature, notesInbox, notesOutbox } from './features/coach-notes/feature.js';
import { observeFeature } from './features/observe/feature.js';
import { reflectionFeature } from './features/reflection/feature.js';
import { surveysFeature, surveysInbox } from './features/surveys/feature.js';
import { agentSurveysFeature, agentSurveysInbox } from './features/survey-agent/feature.js';
import { languageStatsFeature } from './features/language-stats/feature.js';
import { teamSettingsFeature } from './features/team-settings/feature.js';
import { scorecardFeature } from './features/scorecard/feature.js';
import { agentHistoryFeature } from './features/agent-history/feature.js';
import { adminFeature } from './features/admin/feature.js';
import { qaFeature } from './features/qa/feature.js';
import { mysteryFeature } from './features/mystery/feature.js';
import { mysteryCallerFeature } from './features/mystery-caller/feature.js';
import { kpiFeature } from './features/kpi/feature.js';
import { recognitionFeature, recognitionInbox } from './features/recognition/feature.js';
import { languageFeature } from './features/header/language.js';
import { placeFeature } from './place.js';

/** In the order their session hooks run (the calls first: others read the agent's phone). */
export const features = [
  callFeature,
  notesFeature,
  observeFeature,
  reflectionFeature,
  surveysFeature,
  agentSurveysFeature,
  languageStatsFeature,
  teamSettingsFeature,
  scorecardFeature,
  agentHistoryFeature,
  adminFeature,
  qaFeature,
  mysteryFeature,
  mysteryCallerFeature,
  kpiFeature,
  recognitionFeature,
  languageFeature,
  // Last: the address is opened once every other feature has restored its state.
  placeFeature,
];

// Every inbox message kind and every outbox write has a handler: a missing one is a type error
// here (each feature names the kinds it takes in its own `satisfies Pick<...>`).
const inbox = {
  ...notesInbox,
  ...surveysInbox,
  ...agentSurveysInbox,
  ...recognitionInbox,
} satisfies InboxRoutes;
const outbox = { ...callOutbox, ...notesOutbox } satisfies OutboxRoutes;

export function wireFeatures(): void {
  registerFeatures(features);
  routeInbox(inbox);
  routeOutbox(outbox);
}
