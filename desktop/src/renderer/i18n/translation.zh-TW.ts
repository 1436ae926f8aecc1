import type { Translation } from './types.js';
import { zhTW } from './zh-TW.js';
import { surveysZhTW } from './surveys.zh-TW.js';
import { reflectionZhTW } from './reflection.zh-TW.js';
import { accountZhTW } from './account.zh-TW.js';
import { ssoZhTW } from './sso.zh-TW.js';
import { scorecardZhTW } from './scorecard.zh-TW.js';
import { adminZhTW } from './admin.zh-TW.js';
import { qaZhTW } from './qa.zh-TW.js';
import { calibrationZhTW } from './calibration.zh-TW.js';
// Mystery calls, the quality manager's screens.
import { mysteryZhTW } from './mystery.zh-TW.js';
// The mystery caller's app (issue 20).
import { mysteryCallerZhTW } from './mysteryCaller.zh-TW.js';
import { recognitionZhTW } from './recognition.zh-TW.js';
import { kpiZhTW } from './kpi.zh-TW.js';

/** All Traditional Chinese (Taiwan) strings: one lazily loaded chunk, with every English key. */
const translation: Translation = {
  ...zhTW,
  surveys: surveysZhTW,
  reflection: reflectionZhTW,
  account: accountZhTW,
  sso: ssoZhTW,
  scorecard: scorecardZhTW,
  admin: adminZhTW,
  qa: qaZhTW,
  calibration: calibrationZhTW,
  mystery: mysteryZhTW,
  mysteryCaller: mysteryCallerZhTW,
  recognition: recognitionZhTW,
  kpi: kpiZhTW,
};
export default translation;
