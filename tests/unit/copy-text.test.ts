import { describe, expect, test } from 'vitest';
import { copyLine } from '@/lib/population/copy-text';

describe('BO-1: staged lines in COPY text format', () => {
  test('an address with a tab, a line break or a backslash arrives as typed; empty optional fields are NULL', () => {
    expect(copyLine(['12 rue\tdes Lilas\r\nBât. B', 'C:\\dossier', null, 2, true, 'Dupont']))
      .toBe('12 rue\\tdes Lilas\\r\\nBât. B\tC:\\\\dossier\t\\N\t2\ttrue\tDupont\n');
  });
});
