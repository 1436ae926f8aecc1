import type { RecognitionMessages } from './recognition.en.js';
import type { WithZeroPlurals } from './types.js';

export const recognitionLv: WithZeroPlurals<RecognitionMessages> = {
  nav: 'Atzinība',
};
