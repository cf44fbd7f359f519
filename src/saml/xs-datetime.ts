// SAML times are xs:dateTime. SAML core (§1.3.3) says they are UTC, so a value without a zone
// is UTC, not this machine's local time (Date.parse would read it as local, making one
// response valid in London, expired in Tokyo). Anything that is not an xs:dateTime is
// undefined: Date.parse would also take "Tue, 24 Jul 2017" or "2017-07-24".

const XS_DATETIME = /^(\d{4,})-(\d\d)-(\d\d)T(\d\d):(\d\d):(\d\d)(?:\.(\d+))?(Z|[+-]\d\d:\d\d)?$/;

/** Milliseconds since the epoch, or undefined when `value` is not an xs:dateTime. */
export function parseXsDateTime(value: string): number | undefined {
  const m = XS_DATETIME.exec(value.trim());
  if (!m) return undefined;
  const [year, month, day, hour, minute, second] = m.slice(1, 7).map(Number) as [number, number, number, number, number, number];
  const ms = m[7] ? Number(m[7].slice(0, 3).padEnd(3, '0')) : 0;
  const endOfDay = hour === 24 && minute === 0 && second === 0 && ms === 0;
  if (month < 1 || month > 12 || day < 1 || day > daysIn(year, month) || (hour > 23 && !endOfDay) || minute > 59 || second > 59) return undefined;
  const zone = m[8];
  let offsetMinutes = 0;
  if (zone && zone !== 'Z') {
    const [h, mm] = zone.slice(1).split(':').map(Number) as [number, number];
    if (h > 14 || mm > 59) return undefined;
    offsetMinutes = (zone.startsWith('-') ? -1 : 1) * (h * 60 + mm);
  }
  const t = utc(year, month - 1, day, hour, minute, second, ms) - offsetMinutes * 60_000;
  // NaN for years beyond what a Date can hold.
  return Number.isNaN(new Date(t).getTime()) ? undefined : t;
}

/** Date.UTC, without its mapping of years 0–99 to 1900–1999. */
function utc(year: number, monthIndex: number, day: number, hour = 0, minute = 0, second = 0, ms = 0): number {
  const d = new Date(0);
  d.setUTCFullYear(year, monthIndex, day);
  d.setUTCHours(hour, minute, second, ms);
  return d.getTime();
}

function daysIn(year: number, month: number): number {
  return new Date(utc(year, month, 0)).getUTCDate();
}
