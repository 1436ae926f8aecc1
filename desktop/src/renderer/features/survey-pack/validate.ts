import {
  PackLoadError,
  parseSurveyPackYaml,
  SURVEY_PACK_YAML_MAX,
  type SurveyPack,
} from '@sidecoach/shared';
import type { MessageKey, MessageValues } from '../../i18n/index.js';

/** A problem with the edited pack, as an i18n key with values (so it follows the language). */
export interface PackProblem {
  key: MessageKey;
  values: MessageValues;
  /** Where it is in the YAML (1-based), to put the caret there. */
  line?: number;
  column?: number;
  /** The version is not the one the hub saves: the editor offers to set it. */
  version?: true;
}

export interface PackCheck {
  pack: SurveyPack | null;
  problems: PackProblem[];
}

/**
 * Checks the YAML the way the hub does: the survey pack schema (first problem, with its line),
 * the size limit, and the version, which must be exactly the active one plus one.
 */
export function checkPack(yaml: string, activeVersion: number): PackCheck {
  const size = yaml.length; // as the hub counts it
  if (size > SURVEY_PACK_YAML_MAX)
    return {
      pack: null,
      problems: [
        {
          key: 'surveyPack.tooLong',
          values: { size: Math.ceil(size / 1024), max: SURVEY_PACK_YAML_MAX / 1024 },
        },
      ],
    };
  let pack: SurveyPack;
  try {
    pack = parseSurveyPackYaml(yaml);
  } catch (err) {
    const detail = err instanceof PackLoadError ? err.detail : String(err);
    if (err instanceof PackLoadError && err.line !== undefined) {
      const column = err.column ?? 1;
      return {
        pack: null,
        problems: [
          {
            key: 'surveyPack.errorAt',
            values: { line: err.line, column, detail },
            line: err.line,
            column,
          },
        ],
      };
    }
    return { pack: null, problems: [{ key: 'surveyPack.error', values: { detail } }] };
  }
  const next = activeVersion + 1;
  const problems: PackProblem[] = [];
  if (pack.version === activeVersion)
    problems.push({
      key: 'surveyPack.versionUnchanged',
      values: { current: activeVersion, next },
      version: true,
    });
  else if (pack.version !== next)
    problems.push({
      key: 'surveyPack.versionWrong',
      values: { current: activeVersion, next, got: pack.version },
      version: true,
    });
  return { pack, problems };
}

/** The YAML with its top-level `version:` set (added at the top when there is none). */
export function withVersion(yaml: string, version: number): string {
  const line = /^version:[ \t]*[^\s#]*/m;
  return line.test(yaml)
    ? yaml.replace(line, `version: ${version}`)
    : `version: ${version}\n${yaml}`;
}

/** The offset of a 1-based line and column in a text. */
export function offsetOf(text: string, line: number, column: number): number {
  let offset = 0;
  for (let l = 1; l < line; l++) {
    const nl = text.indexOf('\n', offset);
    if (nl < 0) return text.length;
    offset = nl + 1;
  }
  return Math.min(text.length, offset + Math.max(0, column - 1));
}
