import type { ColumnType } from 'kysely';

/** Column types shared by the table types, written by hand next to the migrations that create them. */
export type Timestamp = ColumnType<Date, Date | string, Date | string>;
export type CreatedAt = ColumnType<Date, Date | string | undefined, never>;
/** `date` columns are read as 'YYYY-MM-DD' strings (see db/client.ts type parser). */
export type DateOnly = ColumnType<string, string, string>;
/** MEA-2: numeric columns are read as strings (pg `numeric`): lib/measures converts them. */
export type Numeric = ColumnType<string, number | string, number | string>;
export type NullableNumeric = ColumnType<string | null, number | string | null, number | string | null>;
