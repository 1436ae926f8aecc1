import type { Feature, InboxRoutes } from '../../hub/feature.js';
import { surveyStatusReceived, useAgentSurveys } from './store.js';

export const agentSurveysFeature = {
  name: 'survey-agent',
  reset: () => useAgentSurveys.getState().reset(),
} satisfies Feature;

export const agentSurveysInbox = {
  'survey-status': (message) => surveyStatusReceived(message.survey),
} satisfies Pick<InboxRoutes, 'survey-status'>;
