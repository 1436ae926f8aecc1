import { useState } from 'react';
import { useTranslation } from 'react-i18next';

/** Past this many characters a text shows its beginning and a button for the rest. */
const SHORT_CHARS = 320;

/**
 * A note's text as lists show it: whole when short; a long one (a pasted 2,000 characters)
 * shows its beginning and "Show all", so it does not push what is below off the screen.
 */
export function LongText({ text, className }: { text: string; className?: string }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  if (text.length <= SHORT_CHARS) return <p className={className}>{text}</p>;
  // Cut at a space near the limit, never inside a word.
  const cut = text.lastIndexOf(' ', SHORT_CHARS);
  const head = text.slice(0, cut > SHORT_CHARS / 2 ? cut : SHORT_CHARS);
  return (
    <p className={className}>
      {open ? text : `${head}…`}{' '}
      <button type="button" className="link" aria-expanded={open} onClick={() => setOpen(!open)}>
        {open ? t('longText.less') : t('longText.all', { count: text.length })}
      </button>
    </p>
  );
}
