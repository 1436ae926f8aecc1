import { StandardsPackSchema, type StandardsPack } from '@sidecoach/shared';
import type { z } from 'zod';
import type { MessageKey } from '../../i18n/index.js';

// The edited pack checked with shared's StandardsPackSchema (the hub checks it with the same),
// each problem said in the builder's words and put beside the field it is about.

/** A field of the builder, named by ids (not positions): `item:proc-greeting:weight`. */
export type FieldKey = string;

export const itemField = (id: string, field: string): FieldKey => `item:${id}:${field}`;
export const callTypeField = (id: string, field: string): FieldKey => `callType:${id}:${field}`;

export interface Problem {
  field: FieldKey;
  /** The item or call type it is about (to open it), when it is about one. */
  itemId?: string;
  callTypeId?: string;
  key: MessageKey;
  values?: Record<string, string | number>;
}

export interface DraftCheck {
  /** The pack as the hub will read it (defaults filled in), or null while there are problems. */
  pack: StandardsPack | null;
  problems: Problem[];
}

type Issue = z.core.$ZodIssue;
type Path = readonly PropertyKey[];

/** The message for an issue about a text (an item's, a call type's, the pack's name). */
function textMessage(issue: Issue): Pick<Problem, 'key' | 'values'> {
  if (issue.code === 'too_big')
    return { key: 'scorecard.problem.textTooLong', values: { max: 500 } };
  return { key: 'scorecard.problem.textRequired' };
}

function idMessage(issue: Issue): Pick<Problem, 'key' | 'values'> {
  return issue.code === 'custom'
    ? { key: 'scorecard.problem.idTaken' }
    : { key: 'scorecard.problem.idFormat' };
}

/** The field of a text issue: `text.en` for "needs English" (the record's own refine). */
const textField = (rest: Path, name: string) =>
  rest.length > 1 ? `${name}.${String(rest[1])}` : `${name}.en`;

function itemProblem(
  item: { id?: unknown } | undefined,
  rest: Path,
  issue: Issue,
): Omit<Problem, 'field'> & { field?: string } {
  const field = String(rest[0] ?? '');
  const id = typeof item?.id === 'string' ? item.id : '';
  const at = (f: string, m: Pick<Problem, 'key' | 'values'>) => ({
    field: itemField(id, f),
    itemId: id,
    ...m,
  });
  switch (field) {
    case 'text':
      return at(textField(rest, 'text'), textMessage(issue));
    case 'id':
      return at('id', idMessage(issue));
    case 'weight':
      return at(
        'weight',
        issue.code === 'too_big'
          ? { key: 'scorecard.problem.weightMax', values: { max: 100 } }
          : { key: 'scorecard.problem.weight' },
      );
    case 'critical':
      return at('critical', { key: 'scorecard.problem.bonusCritical' });
    case 'callTypes':
      return at(
        'callTypes',
        rest.length > 1
          ? { key: 'scorecard.problem.callTypeUnknown', values: { id: callTypeOf(issue) } }
          : { key: 'scorecard.problem.callTypesNone' },
      );
    case 'showWhen':
      return at(
        'showWhen',
        rest[1] === 'answers'
          ? { key: 'scorecard.problem.showWhenAnswers' }
          : { key: 'scorecard.problem.showWhenEarlier' },
      );
    default:
      return at(field || 'item', { key: 'scorecard.problem.other', values: { field } });
  }
}

/** The call type an "unknown call type" issue names (its message quotes it). */
const callTypeOf = (issue: Issue) => /"([^"]+)"/.exec(issue.message)?.[1] ?? '';

/** One issue of the schema as a problem of a field of the builder. */
export function problemOf(draft: StandardsPack, issue: Issue): Problem {
  const [top, index, ...rest] = issue.path;
  if (top === 'bonusCap') return { field: 'bonusCap', key: 'scorecard.problem.bonusCap' };
  if (top === 'name') return { field: 'name', ...textMessage(issue) };
  if (top === 'callTypes' && typeof index === 'number') {
    const id = draft.callTypes[index]?.id ?? '';
    const field = rest[0] === 'id' ? 'id' : textField(rest, 'name');
    return {
      field: callTypeField(id, field),
      callTypeId: id,
      ...(rest[0] === 'id' ? idMessage(issue) : textMessage(issue)),
    };
  }
  if (top === 'callTypes') return { field: 'callTypes', key: 'scorecard.problem.noCallTypes' };
  if (top === 'areas' && typeof index === 'number' && rest[0] === 'items') {
    const [, i, ...itemRest] = rest;
    const item = typeof i === 'number' ? draft.areas[index]?.items[i] : undefined;
    const problem = itemProblem(item, itemRest, issue);
    return { ...problem, field: problem.field ?? 'areas' };
  }
  if (top === 'areas') return { field: 'areas', key: 'scorecard.problem.noItems' };
  return {
    field: String(top ?? ''),
    key: 'scorecard.problem.other',
    values: { field: issue.path.join('.') },
  };
}

/** Checks the edited pack as the hub will. */
export function checkDraft(draft: StandardsPack): DraftCheck {
  const parsed = StandardsPackSchema.safeParse(draft);
  if (parsed.success) return { pack: parsed.data, problems: [] };
  return { pack: null, problems: parsed.error.issues.map((issue) => problemOf(draft, issue)) };
}

/** The problems of one field (what shows beside it). */
export const problemsOf = (problems: readonly Problem[], field: FieldKey) =>
  problems.filter((p) => p.field === field);

/** How many problems an item (or call type) has, whatever its field. */
export const problemCount = (problems: readonly Problem[], prefix: string) =>
  problems.filter((p) => p.field.startsWith(prefix)).length;
