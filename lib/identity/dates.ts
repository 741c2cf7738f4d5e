const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
const isLeap = (y: number) => (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
const FRENCH = /^(\d{1,2})[/.\-\s](\d{1,2})[/.\-\s](\d{4})$/;
const ISO = /^(\d{4})-(\d{2})-(\d{2})$/;

/**
 * "21/03/1985" (or 21-03-1985, 21.03.1985, or ISO) → "1985-03-21"; undefined when not a real date.
 * Plain arithmetic (no Date object): it runs once per line of million-line imports.
 */
export function frenchDateToIso(input: string): string | undefined {
  const s = input.trim();
  let m = ISO.exec(s);
  let y: number, mo: number, d: number;
  if (m) { y = +m[1]!; mo = +m[2]!; d = +m[3]!; } else {
    m = FRENCH.exec(s);
    if (!m) return undefined;
    d = +m[1]!; mo = +m[2]!; y = +m[3]!;
  }
  if (y < 1800 || mo < 1 || mo > 12 || d < 1) return undefined;
  const max = mo === 2 && isLeap(y) ? 29 : DAYS_IN_MONTH[mo - 1]!;
  if (d > max) return undefined;
  return `${y}-${mo < 10 ? '0' : ''}${mo}-${d < 10 ? '0' : ''}${d}`;
}
