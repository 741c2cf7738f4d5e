const NEEDS_ESCAPE = /[\\\t\n\r]/;

/** PostgreSQL COPY text format: one line per row, tab-separated, `\N` for null, backslash escapes. */
export function copyField(value: string | number | boolean | null): string {
  if (value === null) return '\\N';
  if (typeof value !== 'string') return String(value);
  if (!NEEDS_ESCAPE.test(value)) return value; // almost every field: no copy, no four replaces
  return value.replace(/\\/g, '\\\\').replace(/\t/g, '\\t').replace(/\n/g, '\\n').replace(/\r/g, '\\r');
}

export const copyLine = (values: (string | number | boolean | null)[]) => `${values.map(copyField).join('\t')}\n`;
