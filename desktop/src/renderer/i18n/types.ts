import type { Messages } from './en.js';
import type { SurveyMessages } from './surveys.en.js';
import type { ReflectionMessages } from './reflection.en.js';
import type { AccountMessages } from './account.en.js';
import type { SsoMessages } from './sso.en.js';
import type { ScorecardMessages } from './scorecard.en.js';
import type { AdminMessages } from './admin.en.js';
import type { QaMessages } from './qa.en.js';
import type { CalibrationMessages } from './calibration.en.js';
// Mystery calls, the quality manager's screens.
import type { MysteryMessages } from './mystery.en.js';
import type { MysteryCallerMessages } from './mysteryCaller.en.js';
import type { RecognitionMessages } from './recognition.en.js';
import type { KpiMessages } from './kpi.en.js';
import type english from './translation.en.js';

/** The strings of one language: the English shape, every leaf a string. */
export type Translation = Messages & {
  surveys: SurveyMessages;
  reflection: ReflectionMessages;
  account: AccountMessages;
  sso: SsoMessages;
  scorecard: ScorecardMessages;
  admin: AdminMessages;
  qa: QaMessages;
  calibration: CalibrationMessages;
  mystery: MysteryMessages;
  mysteryCaller: MysteryCallerMessages;
  recognition: RecognitionMessages;
  kpi: KpiMessages;
};

// Types only (nothing of the English strings is bundled from here): `t('some.key')` with a key
// English lacks fails `tsc -b`.
declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'translation';
    resources: { translation: typeof english };
  }
}

// Latvian's three plural forms: shared with the hub's strings.
export type { WithZeroPlurals } from '@sidecoach/shared';
