import { lazy, Suspense } from 'react';
import { lazyView } from '../../ui/lazy.js';

// Recognition loads after the sidebar has shown: the agent's notices and list (nothing shown
// while they load: a notice waits in view.ts), the wall and the summary.
const load = () => import('./screens.js');
const Notices = lazy(async () => ({ default: (await load()).RecognitionNotices }));
const Mine = lazy(async () => ({ default: (await load()).MyRecognition }));

export const RecognitionNotices = () => (
  <Suspense fallback={null}>
    <Notices />
  </Suspense>
);
export const MyRecognition = () => (
  <Suspense fallback={null}>
    <Mine />
  </Suspense>
);
export const Recognition = lazyView(
  async () => ({ default: (await load()).RecognitionView }),
  'recognition.loading',
);
