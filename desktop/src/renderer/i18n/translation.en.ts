import { en } from './en.js';
import { surveysEn } from './surveys.en.js';
import { reflectionEn } from './reflection.en.js';
import { accountEn } from './account.en.js';
import { ssoEn } from './sso.en.js';
import { scorecardEn } from './scorecard.en.js';
import { adminEn } from './admin.en.js';
import { qaEn } from './qa.en.js';
import { calibrationEn } from './calibration.en.js';
// Mystery calls, the quality manager's screens.
import { mysteryEn } from './mystery.en.js';
// The mystery caller's app (issue 20).
import { mysteryCallerEn } from './mysteryCaller.en.js';
import { recognitionEn } from './recognition.en.js';
import { kpiEn } from './kpi.en.js';

// Each feature's strings sit under their own key (the customer-feedback views under `surveys`),
// so separate files can grow without touching one another; the `never`s make a second `surveys`
// or `reflection` in en.ts a type error.
const enBase: typeof en & {
  surveys?: never;
  reflection?: never;
  account?: never;
  sso?: never;
  scorecard?: never;
  admin?: never;
  qa?: never;
  calibration?: never;
  mystery?: never;
  mysteryCaller?: never;
  recognition?: never;
  kpi?: never;
} = en;

/** All English strings: one lazily loaded chunk, and the shape every language is checked on. */
const translation = {
  ...enBase,
  surveys: surveysEn,
  reflection: reflectionEn,
  account: accountEn,
  sso: ssoEn,
  scorecard: scorecardEn,
  admin: adminEn,
  qa: qaEn,
  calibration: calibrationEn,
  mystery: mysteryEn,
  mysteryCaller: mysteryCallerEn,
  recognition: recognitionEn,
  kpi: kpiEn,
};
export default translation;
