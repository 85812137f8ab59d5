/** One formatter per language: creating an Intl.DateTimeFormat costs far more than using one. */
const formatters = new Map<string, Intl.DateTimeFormat>();

const DAY = /^(\d{4})-(\d{2})-(\d{2})/;

/**
 * Dates in the user's language, e.g. "2022年2月8日" or "Feb 8, 2022": the calendar day the source
 * wrote (the first ten characters of the ISO date, as the date filters and exports read it), never
 * moved to the viewer's time zone.
 */
export function formatDate(iso: string, language: string): string {
  const day = DAY.exec(iso);
  if (!day) return iso;
  const date = new Date(0);
  date.setUTCFullYear(Number(day[1]), Number(day[2]) - 1, Number(day[3]));
  if (Number.isNaN(date.getTime())) return iso;
  let formatter = formatters.get(language);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat(language, {
      year: 'numeric',
      month: 'short',
      day: 'numeric',
      timeZone: 'UTC',
    });
    formatters.set(language, formatter);
  }
  return formatter.format(date);
}
