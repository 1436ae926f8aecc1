import type { Translation } from './types.js';
import { zhCN } from './zh-CN.js';
import { surveysZhCN } from './surveys.zh-CN.js';
import { reflectionZhCN } from './reflection.zh-CN.js';
import { accountZhCN } from './account.zh-CN.js';
import { ssoZhCN } from './sso.zh-CN.js';
import { scorecardZhCN } from './scorecard.zh-CN.js';
import { adminZhCN } from './admin.zh-CN.js';
import { qaZhCN } from './qa.zh-CN.js';
import { calibrationZhCN } from './calibration.zh-CN.js';
// Mystery calls, the quality manager's screens.
import { mysteryZhCN } from './mystery.zh-CN.js';
// The mystery caller's app (issue 20).
import { mysteryCallerZhCN } from './mysteryCaller.zh-CN.js';
import { recognitionZhCN } from './recognition.zh-CN.js';
import { kpiZhCN } from './kpi.zh-CN.js';

/** All Simplified Chinese strings: one lazily loaded chunk, with every English key. */
const translation: Translation = {
  ...zhCN,
  surveys: surveysZhCN,
  reflection: reflectionZhCN,
  account: accountZhCN,
  sso: ssoZhCN,
  scorecard: scorecardZhCN,
  admin: adminZhCN,
  qa: qaZhCN,
  calibration: calibrationZhCN,
  mystery: mysteryZhCN,
  mysteryCaller: mysteryCallerZhCN,
  recognition: recognitionZhCN,
  kpi: kpiZhCN,
};
export default translation;
