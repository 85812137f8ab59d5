/**
 * Front-matter dates to ISO 8601. Accepts RFC 2822 (`Tue, 08 Feb 2022 12:47:22 GMT`), ISO 8601,
 * `YYYY-MM-DD HH:MM:SS`, `YYYY/MM/DD`, and `2022年2月8日 12:47`. Nothing is converted: a date with a
 * zone keeps its wall-clock time and its offset (`2022-02-08T12:47:22+08:00`, `…Z` for UTC), so one
 * source's dates all read alike and the calendar day is the one the source printed; a date without
 * a zone keeps its wall-clock time and gets none (we cannot know it); a date alone stays a date.
 * Anything else (`Invalid Date`, junk) gives null; callers keep the raw text and warn.
 * Deliberately not Date.parse on arbitrary strings: V8 accepts things like "1" as a year.
 */

const MONTHS: Record<string, number> = {
  jan: 1,
  feb: 2,
  mar: 3,
  apr: 4,
  may: 5,
  jun: 6,
  jul: 7,
  aug: 8,
  sep: 9,
  oct: 10,
  nov: 11,
  dec: 12,
};

const ZONES: Record<string, number> = {
  gmt: 0,
  ut: 0,
  utc: 0,
  z: 0,
  est: -300,
  edt: -240,
  cst: -360,
  cdt: -300,
  mst: -420,
  mdt: -360,
  pst: -480,
  pdt: -420,
};

const RFC2822 =
  /^(?:[A-Za-z]{3},?\s+)?(\d{1,2})\s+([A-Za-z]{3})[a-z]*\.?\s+(\d{4})\s+(\d{1,2}):(\d{2})(?::(\d{2}))?\s*([A-Za-z]{1,3}|[+-]\d{2}:?\d{2})?$/;
const ISO_LIKE =
  /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?:[T\s]+(\d{1,2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,9}))?)?)?\s*(Z|[+-]\d{2}(?::?\d{2})?)?$/i;
const CHINESE = /^(\d{4})年(\d{1,2})月(\d{1,2})日\s*(?:(\d{1,2})[:：时](\d{2})(?:[:：分](\d{2})秒?)?)?$/;

const pad = (n: number, w = 2): string => String(n).padStart(w, '0');

function daysIn(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

interface Parts {
  y: number;
  mo: number;
  d: number;
  h: number;
  mi: number;
  s: number;
  ms: number;
  /** Offset east of UTC in minutes, or null for "no zone given". */
  offset: number | null;
}

function format(p: Parts): string | null {
  if (p.y < 1 || p.y > 9999 || p.mo < 1 || p.mo > 12 || p.d < 1 || p.d > daysIn(p.y, p.mo)) return null;
  if (p.h > 24 || p.mi > 59 || p.s > 60 || (p.h === 24 && (p.mi > 0 || p.s > 0))) return null;
  // 24:00 is the next day's 00:00 and a leap second 59 (the Date rolls over; no zone is applied).
  const date = new Date(0);
  date.setUTCFullYear(p.y, p.mo - 1, p.d); // not Date.UTC, which reads years 0–99 as 1900–1999
  date.setUTCHours(p.h, p.mi, Math.min(p.s, 59), p.ms);
  const wall = date.toISOString();
  if (wall.length !== 24) return null; // rolled past year 9999
  const wallClock = p.ms ? wall.slice(0, 23) : wall.slice(0, 19);
  return p.offset === null ? wallClock : wallClock + offsetText(p.offset);
}

/** `Z` for UTC, else `+08:00` / `-05:00`. */
function offsetText(minutes: number): string {
  if (minutes === 0) return 'Z';
  const abs = Math.abs(minutes);
  return `${minutes < 0 ? '-' : '+'}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`;
}

function parseOffset(zone: string | undefined): number | null | undefined {
  if (!zone) return null;
  const named = Object.hasOwn(ZONES, zone.toLowerCase()) ? ZONES[zone.toLowerCase()] : undefined;
  if (named !== undefined) return named;
  const m = /^([+-])(\d{2}):?(\d{2})?$/.exec(zone);
  if (!m) return undefined; // unknown zone name: reject the date
  const minutes = Number(m[2]) * 60 + Number(m[3] ?? 0);
  if (minutes > 18 * 60) return undefined;
  return m[1] === '-' ? -minutes : minutes;
}

/** ISO 8601 for a date written in a front matter, or null when it is not a date. */
export function parseDate(raw: unknown): string | null {
  if (raw instanceof Date) {
    return Number.isNaN(raw.getTime()) ? null : raw.toISOString().replace('.000Z', 'Z');
  }
  if (typeof raw !== 'string') return null;
  const s = raw.trim();
  if (s === '' || s.length > 64) return null;

  let m = RFC2822.exec(s);
  if (m) {
    const month = (m[2] as string).toLowerCase();
    const mo = Object.hasOwn(MONTHS, month) ? MONTHS[month] : undefined;
    const offset = parseOffset(m[7]);
    if (mo === undefined || offset === undefined) return null;
    return format({ y: +m[3]!, mo, d: +m[1]!, h: +m[4]!, mi: +m[5]!, s: +(m[6] ?? 0), ms: 0, offset });
  }
  m = ISO_LIKE.exec(s);
  if (m) {
    const offset = parseOffset(m[8]);
    if (offset === undefined) return null;
    if (!m[4]) return dateOnly(+m[1]!, +m[2]!, +m[3]!);
    const ms = m[7] ? Math.floor(Number(`0.${m[7]}`) * 1000) : 0;
    return format({
      y: +m[1]!,
      mo: +m[2]!,
      d: +m[3]!,
      h: +m[4],
      mi: +(m[5] ?? 0),
      s: +(m[6] ?? 0),
      ms,
      offset,
    });
  }
  m = CHINESE.exec(s);
  if (m) {
    if (!m[4]) return dateOnly(+m[1]!, +m[2]!, +m[3]!);
    return format({
      y: +m[1]!,
      mo: +m[2]!,
      d: +m[3]!,
      h: +m[4],
      mi: +(m[5] ?? 0),
      s: +(m[6] ?? 0),
      ms: 0,
      offset: null,
    });
  }
  return null;
}

/** A date without a time stays a calendar date (`2022-02-08`). */
function dateOnly(y: number, mo: number, d: number): string | null {
  const full = format({ y, mo, d, h: 0, mi: 0, s: 0, ms: 0, offset: null });
  return full ? full.slice(0, 10) : null;
}
