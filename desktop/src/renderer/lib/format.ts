import { localize, type StandardsPack } from '@sidecoach/shared';

/** Month, day and time in the UI language ("Nov 25, 03:29 AM"), for lists of past calls and notes. */
export function shortDateTime(language: string): Intl.DateTimeFormat {
  return new Intl.DateTimeFormat(language, {
    month: 'short',
    day: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
  });
}

/** The same with the year ("Nov 25, 2026, 03:29 PM"): records that are kept, printed, filed. */
export function fullDateTime(language: string): Intl.DateTimeFormat {
  return new Intl.DateTimeFormat(language, {
    year: 'numeric',
    month: 'short',
    day: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
  });
}

/** The time of day in the UI language ("03:29 PM", "15:29"). */
export function clockTime(language: string): Intl.DateTimeFormat {
  return new Intl.DateTimeFormat(language, { hour: '2-digit', minute: '2-digit' });
}

/** A number with a fixed count of decimals in the UI language ("0.25", Latvian "0,25"). */
export function decimal(value: number, language: string, digits: number): string {
  return new Intl.NumberFormat(language, {
    minimumFractionDigits: digits,
    maximumFractionDigits: digits,
  }).format(value);
}

/** A wait, short and in the UI language: "30 sec", "5 min" (Latvian "30 s", "5 min"). */
export function waitTime(seconds: number, language: string): string {
  const minutes = seconds >= 60;
  return new Intl.NumberFormat(language, {
    style: 'unit',
    unit: minutes ? 'minute' : 'second',
    unitDisplay: 'short',
  }).format(minutes ? Math.ceil(seconds / 60) : Math.max(1, Math.ceil(seconds)));
}

/** A call type's name in the UI language (its id when the pack does not have it). */
export function callTypeName(pack: StandardsPack | null, id: string | null, lang: string) {
  const type = pack?.callTypes.find((ct) => ct.id === id);
  return type ? localize(type.name, lang) : (id ?? '');
}

/**
 * A scorecard score (0-100, more with bonus points) as the locale writes a percentage: "90.7%",
 * "90,7 %" in Latvian; one decimal at most, as scores are computed.
 */
export function scorePercent(value: number, language: string): string {
  return new Intl.NumberFormat(language, { style: 'percent', maximumFractionDigits: 1 }).format(
    value / 100,
  );
}
