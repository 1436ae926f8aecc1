import type { Feature } from '../../hub/feature.js';
import { reloadOpenScorecard, resetScorecard, scorecardPublished } from './lazy-store.js';

/**
 * The scorecard builder (quality managers, role admin): back online, the open builder reloads;
 * a version published by anyone is announced to it. Through lazy-store.ts: the builder's store
 * loads with its screen, not with the sidebar.
 */
export const scorecardFeature = {
  name: 'scorecard',
  reset: resetScorecard,
  connected(user) {
    if (user.role !== 'admin') return resetScorecard();
    reloadOpenScorecard();
  },
  listen(socket, session) {
    if (session.user.role !== 'admin') return;
    socket.on('scorecard:changed', ({ version, revision }) =>
      scorecardPublished({ version, revision }),
    );
  },
} satisfies Feature;
