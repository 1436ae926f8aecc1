import { LineCounter, parseDocument, isNode, stringify } from 'yaml';
import type { z } from 'zod';
import { StandardsPackSchema, type StandardsPack } from './standards.js';
import { SurveyPackSchema, type SurveyPack } from './surveys.js';

/** A standards pack that could not be loaded; `line` and `column` are 1-based when known. */
export class PackLoadError extends Error {
  constructor(
    readonly file: string,
    readonly line: number | undefined,
    readonly column: number | undefined,
    readonly detail: string,
  ) {
    super(`${file}${line === undefined ? '' : `:${line}:${column ?? 1}`}: ${detail}`);
    this.name = 'PackLoadError';
  }
}

function pathText(path: readonly PropertyKey[]): string {
  return path
    .map((p, i) => (typeof p === 'number' ? `[${p}]` : `${i === 0 ? '' : '.'}${String(p)}`))
    .join('');
}

/**
 * Parses a standards pack from YAML. Any problem, syntax or schema, throws a PackLoadError
 * naming the file, the line and column, and the field at fault.
 */
export function parseStandardsPackYaml(source: string, file = 'standards.yaml'): StandardsPack {
  return parseYamlWith(StandardsPackSchema, source, file, 'invalid pack');
}

/**
 * Parses YAML and validates it with a schema; any problem throws a PackLoadError naming the
 * file, the line and column, and the field at fault. For every YAML definition file (standards
 * packs, survey packs).
 */
export function parseYamlWith<S extends z.ZodType>(
  schema: S,
  source: string,
  file: string,
  fallback = 'invalid file',
): z.output<S> {
  const lineCounter = new LineCounter();
  const doc = parseDocument(source, { lineCounter, prettyErrors: false, uniqueKeys: true });
  const syntax = doc.errors[0];
  if (syntax) {
    const pos = lineCounter.linePos(syntax.pos[0]);
    throw new PackLoadError(
      file,
      pos.line,
      pos.col,
      syntax.message.split('\n')[0] ?? 'YAML syntax error',
    );
  }
  const result = schema.safeParse(doc.toJS());
  if (result.success) return result.data;
  const issue: z.core.$ZodIssue | undefined = result.error.issues[0];
  const path = issue?.path ?? [];
  // Walk up from the failing field to the nearest node that exists in the document.
  let node: unknown = undefined;
  for (let depth = path.length; depth >= 0 && !isNode(node); depth--) {
    node = depth === 0 ? doc.contents : doc.getIn(path.slice(0, depth) as unknown[], true);
  }
  const offset = isNode(node) ? node.range?.[0] : undefined;
  const pos = offset === undefined ? undefined : lineCounter.linePos(offset);
  const where = path.length > 0 ? `${pathText(path)}: ` : '';
  throw new PackLoadError(file, pos?.line, pos?.col, `${where}${issue?.message ?? fallback}`);
}

/** A standards pack as YAML (the builder's export): parseStandardsPackYaml reads it back. */
export function standardsPackYaml(pack: StandardsPack): string {
  return stringify(pack, { lineWidth: 0 });
}

/** Parses a survey pack from YAML; problems throw a PackLoadError with file, line and field. */
export function parseSurveyPackYaml(source: string, file = 'surveys.yaml'): SurveyPack {
  return parseYamlWith(SurveyPackSchema, source, file, 'invalid survey pack');
}
