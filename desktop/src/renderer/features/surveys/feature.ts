import type { UserProfile } from '@sidecoach/shared';
import type { Feature, InboxRoutes } from '../../hub/feature.js';
import {
  loadFeedback,
  loadMyFeedback,
  loadReport,
  surveyResponseReceived,
  useSurveys,
} from './store.js';

/** Online again: a view that failed offline loads again. */
function reconnected(user: UserProfile) {
  const s = useSurveys.getState();
  if (user.role === 'agent') {
    if (s.mine.status !== 'idle') void loadMyFeedback();
    return;
  }
  if (s.open === 'feedback' && s.feedback.status === 'failed') void loadFeedback();
  if (s.open === 'report' && s.report.status === 'failed') void loadReport();
}

export const surveysFeature = {
  name: 'surveys',
  reset: () => useSurveys.getState().reset(),
  connected: reconnected,
  profileChanged(user) {
    if (user.role === 'agent' && useSurveys.getState().mine.status !== 'idle')
      void loadMyFeedback();
  },
} satisfies Feature;

export const surveysInbox = {
  'survey-response': (message) => surveyResponseReceived(message.response),
} satisfies Pick<InboxRoutes, 'survey-response'>;
