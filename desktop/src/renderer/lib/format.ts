/** Month, day and time in the UI language ("Nov 25, 03:29 AM"), for lists of past calls and notes. */
export function shortDateTime(language: string): Intl.DateTimeFormat {
  return new Intl.DateTimeFormat(language, {
    month: 'short',
    day: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
  });
}
