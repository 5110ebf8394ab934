import { describe, expect, it } from 'vitest';
import { easterSunday, holidaysOfYear } from './holidays';

const datesOf = (year: number) => holidaysOfYear(year).map((h) => h.date);

describe('easterSunday', () => {
  it.each([
    [1818, '1818-03-22'], // earliest possible
    [1943, '1943-04-25'], // latest possible
    [2000, '2000-04-23'],
    [2024, '2024-03-31'],
    [2025, '2025-04-20'],
    [2026, '2026-04-05'],
    [2027, '2027-03-28'],
    [2038, '2038-04-25'],
  ])('%i → %s', (year, date) => {
    expect(easterSunday(year)).toBe(date);
  });
});

describe('holidaysOfYear', () => {
  it('lists 2026 with Good Friday, Patriotes on the Monday before May 25 and Boxing Day observed on Monday', () => {
    expect(holidaysOfYear(2026)).toEqual([
      { id: 'new-year', date: '2026-01-01' },
      { id: 'good-friday', date: '2026-04-03' },
      { id: 'patriotes', date: '2026-05-18' }, // May 25 is itself a Monday: the one before
      { id: 'fete-nationale', date: '2026-06-24' },
      { id: 'canada-day', date: '2026-07-01' },
      { id: 'labour-day', date: '2026-09-07' },
      { id: 'thanksgiving', date: '2026-10-12' },
      { id: 'christmas', date: '2026-12-25' },
      { id: 'boxing-day', date: '2026-12-26' },
      { id: 'boxing-day', date: '2026-12-28', observedFor: '2026-12-26' },
    ]);
  });

  it('does not close on Easter Monday (Good Friday is the one chosen)', () => {
    expect(datesOf(2026)).not.toContain('2026-04-06');
    expect(datesOf(2027)).toContain('2027-03-26');
    expect(datesOf(2027)).not.toContain('2027-03-29');
  });

  it('puts Patriotes / Victoria Day on the Monday before May 25', () => {
    expect(datesOf(2027)).toContain('2027-05-24'); // May 25 is a Tuesday
    expect(datesOf(2025)).toContain('2025-05-19');
    expect(datesOf(2022)).toContain('2022-05-23');
  });

  it('moves a Saturday New Year to Monday', () => {
    expect(datesOf(2022).slice(0, 2)).toEqual(['2022-01-01', '2022-01-03']);
  });

  it('moves Sunday Fête nationale and Canada Day to the Monday (Quebec: July 2)', () => {
    const dates = datesOf(2029);
    expect(dates).toEqual(expect.arrayContaining(['2029-06-24', '2029-06-25', '2029-07-01', '2029-07-02']));
  });

  it('gives Christmas and Boxing Day two distinct weekdays when both fall on the weekend', () => {
    expect(datesOf(2021).filter((d) => d >= '2021-12-24')).toEqual(['2021-12-25', '2021-12-26', '2021-12-27', '2021-12-28']);
  });

  it('shifts a Sunday Christmas past a Monday Boxing Day to Tuesday', () => {
    expect(holidaysOfYear(2022).filter((h) => h.date >= '2022-12-24')).toEqual([
      { id: 'christmas', date: '2022-12-25' },
      { id: 'boxing-day', date: '2022-12-26' },
      { id: 'christmas', date: '2022-12-27', observedFor: '2022-12-25' },
    ]);
  });
});
