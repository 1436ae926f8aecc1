export { analyze, coachingLanguageOf, summarize, type LanguageFinding } from './analyze.js';
export { noteLanguageOf } from './detect.js';
export {
  COACHING_LANGUAGES,
  GOOD_CATEGORIES,
  HARMFUL_CATEGORIES,
  LANGUAGE_CATEGORIES,
  type CoachingLanguage,
  type LanguageCategory,
} from './types.js';
