import type { RecognitionMessages } from './recognition.en.js';
import type { WithZeroPlurals } from './types.js';

export const recognitionZhCN: WithZeroPlurals<RecognitionMessages> = {
  nav: '表彰',
};
