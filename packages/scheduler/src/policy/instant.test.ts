import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { instantMs } from './instant';

describe('instantMs', () => {
  it('reads the store format exactly as Date.parse does', () => {
    fc.assert(
      fc.property(
        fc.date({
          min: new Date('1900-01-01T00:00:00Z'),
          max: new Date('2300-12-31T23:59:59Z'),
          noInvalidDate: true,
        }),
        (date) => {
          const iso = date.toISOString();
          expect(instantMs(iso)).toBe(Date.parse(iso));
          const withoutMillis = `${iso.slice(0, 19)}Z`;
          expect(instantMs(withoutMillis)).toBe(Date.parse(withoutMillis));
        },
      ),
      { numRuns: 500 },
    );
  });

  it('falls back to Date.parse for offsets and long fractions', () => {
    expect(instantMs('2026-01-01T02:00:00+02:00')).toBe(Date.parse('2026-01-01T00:00:00Z'));
    expect(instantMs('2026-01-01T00:00:00.123456Z')).toBe(Date.parse('2026-01-01T00:00:00.123Z'));
  });

  it('does not read impossible dates as real ones', () => {
    expect(instantMs('2026-02-30T00:00:00.000Z')).toBe(Date.parse('2026-02-30T00:00:00.000Z'));
    expect(instantMs('2026-13-01T00:00:00.000Z')).toBeNaN();
  });
});
