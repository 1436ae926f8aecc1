/**
 * English strings of badges, shout-outs, the team wall, the monthly summary (merged under `recognition` in translation.en.ts). The other languages
 * have the same keys.
 */
export const recognitionEn = {
  nav: 'Recognition',
};

export type RecognitionMessages = typeof recognitionEn;
