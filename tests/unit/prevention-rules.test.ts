import { describe, expect, test } from 'vitest';
import { addMonthsClamped, ageInMonths, ageInYears } from '@/lib/prevention/ages';
import { allCalendars } from '@/lib/prevention/calendars';
import { dueItems, type DueItem } from '@/lib/prevention/items';

const calendars = allCalendars();
const codes = (items: DueItem[]) => items.map((d) => d.item.code);
const find = (items: DueItem[], code: string) => items.filter((d) => d.item.code === code);

describe('PRV-5: ages from the date of birth, month ends clamped', () => {
  test('PRV-5: born 2024-01-31, month 1 is reached on 2024-02-29 (leap year), month 2 on 2024-03-31', () => {
    expect(addMonthsClamped('2024-01-31', 1)).toBe('2024-02-29');
    expect(addMonthsClamped('2024-01-31', 2)).toBe('2024-03-31');
    expect(ageInMonths('2024-01-31', '2024-02-28')).toBe(0);
    expect(ageInMonths('2024-01-31', '2024-02-29')).toBe(1);
    expect(ageInMonths('2024-01-31', '2024-03-30')).toBe(1);
  });

  test('PRV-5: born on a leap day, one year is reached on 28 February', () => {
    expect(ageInYears('2024-02-29', '2025-02-27')).toBe(0);
    expect(ageInYears('2024-02-29', '2025-02-28')).toBe(1);
    expect(ageInYears('2024-02-29', '2028-02-29')).toBe(4);
  });

  test('PRV-5: the first month-1 item of a child born on 31 January opens on the clamped date', () => {
    const items = dueItems({ birthDate: '2025-01-31', sex: 1 }, calendars, '2025-03-01');
    expect(find(items, 'EXAM_04')[0]).toMatchObject({ windowStart: '2025-02-28', windowEnd: '2025-03-31', open: true });
  });
});

describe('PRV-4: M\'T dents, edition chosen by the birthday that opens the window', () => {
  test('PRV-4: 4th birthday on 2025-05-02 → eligible (yearly, from 2025-04-01)', () => {
    const items = dueItems({ birthDate: '2021-05-02', sex: 2 }, calendars, '2025-06-01');
    const mtd = items.filter((d) => d.item.programme === 'MT_DENTS');
    expect(mtd.map((d) => [d.item.code, d.item.edition, d.windowStart, d.windowEnd])).toEqual([
      ['MTD_03', '2018', '2024-05-02', '2025-05-02'],
      ['MTD_YEARLY', '2025', '2025-05-02', '2026-05-02'],
    ]);
  });

  test('PRV-4: 4th birthday on 2025-03-20 → not eligible (before 2025-04-01 only listed ages: 4 is not)', () => {
    const items = dueItems({ birthDate: '2021-03-20', sex: 1 }, calendars, '2025-12-01');
    const mtd = items.filter((d) => d.item.programme === 'MT_DENTS');
    expect(mtd.map((d) => d.windowStart)).toEqual(['2024-03-20']); // age 3 (listed) only; the 5th birthday is in 2026
    expect(dueItems({ birthDate: '2021-03-20', sex: 1 }, calendars, '2026-03-20').filter((d) => d.item.programme === 'MT_DENTS')
      .map((d) => [d.item.code, d.windowStart])).toEqual([['MTD_03', '2024-03-20'], ['MTD_YEARLY', '2026-03-20']]);
  });
});

describe('PRV-3: child exams, edition of the day the window opens', () => {
  test('PRV-3: a child whose 3rd-exam window opens before 2025-01-01 has it (2019 edition)', () => {
    const items = dueItems({ birthDate: '2024-12-10', sex: 1 }, calendars, '2025-02-01');
    expect(find(items, 'EXAM_03')).toMatchObject([{ item: { edition: '2019' }, windowStart: '2024-12-24', windowEnd: '2025-01-10' }]);
    expect(find(items, 'EXAM_01')[0]!.item.edition).toBe('2019');
    expect(find(items, 'EXAM_04')[0]!.item.edition).toBe('2025'); // opens 2025-01-10
  });

  test('PRV-3: a child whose 3rd-exam window opens from 2025-01-01 has none', () => {
    const items = dueItems({ birthDate: '2024-12-20', sex: 2 }, calendars, '2025-03-01');
    expect(find(items, 'EXAM_03')).toEqual([]);
    expect(codes(items)).toEqual(expect.arrayContaining(['EXAM_01', 'EXAM_02', 'EXAM_04', 'EXAM_05']));
  });

  test('PRV-3: the 7th-year exam only in the 2025 edition; 20 exams either way', () => {
    const born2015 = dueItems({ birthDate: '2015-06-01', sex: 1 }, calendars, '2030-01-01');
    const born2025 = dueItems({ birthDate: '2025-02-01', sex: 1 }, calendars, '2045-01-01');
    expect(find(born2025, 'EXAM_7Y')).toMatchObject([{ windowStart: '2031-02-01', windowEnd: '2032-02-01' }]);
    expect(born2025.filter((d) => d.item.programme === 'CHILD_EXAM')).toHaveLength(20);
    expect(find(born2015, 'EXAM_7Y')).toEqual([]); // 7th year opened 2021 (2019 edition)
    const all2019 = dueItems({ birthDate: '2019-06-01', sex: 1 }, calendars, '2024-12-31').filter((d) => d.item.programme === 'CHILD_EXAM');
    expect(all2019.every((d) => d.item.edition === '2019')).toBe(true);
    expect(find(all2019, 'EXAM_03')).toHaveLength(1);
  });

  test('PRV-1: the Nth month of life runs from age N−1 to N (9th-month exam)', () => {
    const items = dueItems({ birthDate: '2025-03-15', sex: 1 }, calendars, '2025-12-01');
    expect(find(items, 'EXAM_09')[0]).toMatchObject({ windowStart: '2025-11-15', windowEnd: '2025-12-15', open: true });
    expect(find(items, 'EXAM_09')[0]!.item.note).toContain('Certificat de santé');
  });
});

describe('PRV-2: vaccinations by birth cohort', () => {
  test('PRV-2: born from 2025-01-01, MenB mandatory and MenACWY at 6 and 12 months', () => {
    const items = dueItems({ birthDate: '2025-01-05', sex: 1 }, calendars, '2026-02-01');
    expect(codes(items)).toEqual(expect.arrayContaining(['VAC_MENB_1', 'VAC_MENB_2', 'VAC_MENB_3', 'VAC_MENACWY_1', 'VAC_MENACWY_2']));
    expect(codes(items)).not.toContain('VAC_MENC_1');
    expect(find(items, 'VAC_MENB_1')[0]!.item.status).toBe('MANDATORY');
  });

  test('PRV-2: born before, MenC at 6 and 12 months, MenB recommended', () => {
    const items = dueItems({ birthDate: '2024-06-05', sex: 2 }, calendars, '2025-08-01');
    expect(codes(items)).toEqual(expect.arrayContaining(['VAC_MENC_1', 'VAC_MENC_2', 'VAC_MENB_1']));
    expect(codes(items)).not.toContain('VAC_MENACWY_1');
    expect(find(items, 'VAC_MENB_1')[0]!.item.status).toBe('RECOMMENDED');
  });

  test('PRV-2: the cohort is a parameter', () => {
    const items = dueItems({ birthDate: '2024-06-05', sex: 2 }, allCalendars({ menCohortStart: '2024-01-01' }), '2025-08-01');
    expect(codes(items)).toContain('VAC_MENACWY_1');
    expect(codes(items)).not.toContain('VAC_MENC_1');
  });

  test('PRV-2: targeted items (BCG, catch-ups) never become agenda items; only windows opened by today', () => {
    const items = dueItems({ birthDate: '2025-01-05', sex: 1 }, calendars, '2025-03-06');
    expect(codes(items)).not.toContain('VAC_BCG');
    expect(codes(items)).toContain('VAC_HEXA_1');
    expect(codes(items)).not.toContain('VAC_HEXA_2'); // opens 2025-05-05
  });
});

describe('PRV-4: screenings and Mon bilan prévention', () => {
  test('PRV-4: breast screening for women 50–74 every 2 years, not for men; colorectal for both', () => {
    const woman = dueItems({ birthDate: '1970-03-01', sex: 2 }, calendars, '2026-11-29');
    const man = dueItems({ birthDate: '1970-03-01', sex: 1 }, calendars, '2026-11-29');
    expect(find(woman, 'BREAST').map((d) => [d.occurrence, d.windowStart, d.windowEnd])).toEqual([[0, '2020-03-01', '2022-03-01'], [1, '2022-03-01', '2024-03-01'], [2, '2024-03-01', '2026-03-01'], [3, '2026-03-01', '2028-03-01']]);
    expect(find(man, 'BREAST')).toEqual([]);
    expect(find(man, 'COLORECTAL')).toHaveLength(4);
  });

  test('PRV-4: Mon bilan prévention 2024 for an age band opened since 2024', () => {
    const items = dueItems({ birthDate: '2007-01-10', sex: 1 }, calendars, '2026-11-29');
    expect(find(items, 'BILAN_18_25')).toMatchObject([{ windowStart: '2025-01-10', windowEnd: '2033-01-10', open: true }]);
  });
});
