// England and Wales bank holidays, 2024 to 2028, as GOV.UK lists them (substitute days where the day itself falls at a
// weekend): not working days wherever Margin counts working days (working-days.ts). A year outside the table has no
// bank holidays known here; add the next year's dates when GOV.UK publishes them (bank-holidays.test.ts checks them).
const englandAndWales: Record<number, readonly string[]> = {
  2024: [
    '2024-01-01',
    '2024-03-29',
    '2024-04-01',
    '2024-05-06',
    '2024-05-27',
    '2024-08-26',
    '2024-12-25',
    '2024-12-26',
  ],
  2025: [
    '2025-01-01',
    '2025-04-18',
    '2025-04-21',
    '2025-05-05',
    '2025-05-26',
    '2025-08-25',
    '2025-12-25',
    '2025-12-26',
  ],
  2026: [
    '2026-01-01',
    '2026-04-03',
    '2026-04-06',
    '2026-05-04',
    '2026-05-25',
    '2026-08-31',
    '2026-12-25',
    '2026-12-28',
  ],
  2027: [
    '2027-01-01',
    '2027-03-26',
    '2027-03-29',
    '2027-05-03',
    '2027-05-31',
    '2027-08-30',
    '2027-12-27',
    '2027-12-28',
  ],
  2028: [
    '2028-01-03',
    '2028-04-14',
    '2028-04-17',
    '2028-05-01',
    '2028-05-29',
    '2028-08-28',
    '2028-12-25',
    '2028-12-26',
  ],
};

const all = new Set(Object.values(englandAndWales).flat());

/** The years the table covers, first to last. */
export const bankHolidayYears = Object.keys(englandAndWales).map(Number);

/** A year's bank holidays in England and Wales, in order; none for a year the table does not cover. */
export const bankHolidaysIn = (year: number): readonly string[] => englandAndWales[year] ?? [];

/** Whether an ISO date ("2026-12-28") is a bank holiday in England and Wales. */
export const isBankHoliday = (iso: string): boolean => all.has(iso);

/** How many bank holidays fall in (from, to], for ISO dates. */
export const bankHolidaysBetween = (from: string, to: string): number =>
  [...all].filter((day) => day > from && day <= to).length;
