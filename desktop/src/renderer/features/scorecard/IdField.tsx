import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Field } from './parts.js';
import { SLUG } from './edit.js';
import type { FieldKey, Problem } from './validate.js';

/**
 * The id of something new (an item, a call type), before it is published: made from its
 * English text, changeable while new. Only a well-formed id no other one has reaches the pack
 * (results, exports and conditions name things by it), when the box is left; until then the
 * box says what is wrong.
 */
export function IdField({
  id,
  field,
  taken,
  problems,
  onChange,
}: {
  id: string;
  field: FieldKey;
  taken: readonly string[];
  problems: readonly Problem[];
  onChange: (id: string) => void;
}) {
  const { t } = useTranslation();
  const [text, setText] = useState(id);
  const local: Problem[] = !SLUG.test(text)
    ? [{ field, key: 'scorecard.problem.idFormat' }]
    : text !== id && taken.includes(text)
      ? [{ field, key: 'scorecard.problem.idTaken' }]
      : [];
  // Taken on leaving the box: the row is keyed by the id, so it is put back in place after.
  const commit = () => {
    if (text !== id && local.length === 0) onChange(text);
  };
  return (
    <Field
      label={t('scorecard.id.label')}
      field={field}
      problems={[...problems, ...local]}
      hint={t('scorecard.id.hint')}
    >
      {(props) => (
        <input
          {...props}
          value={text}
          maxLength={64}
          spellCheck={false}
          autoCapitalize="off"
          autoCorrect="off"
          onChange={(e) => setText(e.target.value.trim())}
          onBlur={commit}
        />
      )}
    </Field>
  );
}
