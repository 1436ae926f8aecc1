import type { RecognitionMessages } from './recognition.en.js';
import type { WithZeroPlurals } from './types.js';

export const recognitionZhTW: WithZeroPlurals<RecognitionMessages> = {
  nav: '表揚',
};
