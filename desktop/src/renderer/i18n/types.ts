import type { Messages } from './en.js';
import type { SurveyMessages } from './surveys.en.js';
import type { ReflectionMessages } from './reflection.en.js';

/** The strings of one language: the English shape, every leaf a string. */
export type Translation = Messages & { surveys: SurveyMessages; reflection: ReflectionMessages };
