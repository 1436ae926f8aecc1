import type { Translation, WithZeroPlurals } from './types.js';
import { lv } from './lv.js';
import { surveysLv } from './surveys.lv.js';
import { reflectionLv } from './reflection.lv.js';
import { accountLv } from './account.lv.js';
import { ssoLv } from './sso.lv.js';
import { scorecardLv } from './scorecard.lv.js';
import { adminLv } from './admin.lv.js';
import { qaLv } from './qa.lv.js';
import { calibrationLv } from './calibration.lv.js';
// Mystery calls, the quality manager's screens.
import { mysteryLv } from './mystery.lv.js';
// The mystery caller's app (issue 20).
import { mysteryCallerLv } from './mysteryCaller.lv.js';
import { recognitionLv } from './recognition.lv.js';
import { kpiLv } from './kpi.lv.js';

/** All Latvian strings: one lazily loaded chunk, with every English key and every `_zero` form. */
const translation: WithZeroPlurals<Translation> = {
  ...lv,
  surveys: surveysLv,
  reflection: reflectionLv,
  account: accountLv,
  sso: ssoLv,
  scorecard: scorecardLv,
  admin: adminLv,
  qa: qaLv,
  calibration: calibrationLv,
  mystery: mysteryLv,
  mysteryCaller: mysteryCallerLv,
  recognition: recognitionLv,
  kpi: kpiLv,
};
export default translation;
