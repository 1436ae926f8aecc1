import { lazyView } from '../../ui/lazy.js';

// The scorecard builder loads the first time a quality manager opens it: nobody else loads it.
export const Scorecard = lazyView(() => import('./ScorecardView.js'), 'scorecard.loading');
