import type { Ref } from 'react';
import type { TextFinding } from '@sidecoach/shared';
import { segments } from './findings.js';

/**
 * The marks drawn behind the text box, in step with its text (the text itself is transparent
 * here: the textarea on top shows it). Decorative: the findings list says the same in words.
 */
export function Highlights({
  text,
  findings,
  ref,
}: {
  text: string;
  findings: readonly TextFinding[];
  ref: Ref<HTMLDivElement>;
}) {
  return (
    <div ref={ref} className="highlights" aria-hidden="true" data-testid="highlights">
      {segments(text, findings).map((s, i) =>
        s.tone ? (
          <mark key={i} className={`finding-${s.tone}`}>
            {s.text}
          </mark>
        ) : (
          s.text
        ),
      )}
      {/* A trailing newline needs a character after it to take up its line. */}
      {text.endsWith('\n') || text === '' ? ' ' : null}
    </div>
  );
}
