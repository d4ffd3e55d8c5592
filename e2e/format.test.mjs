// The page's number and date formatting (render.js), without a browser: it is
// written by hand, in English, so that the page never loads locale data.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { formatDate, formatNumber, plural } from '../www/render.js';

test('numbers are grouped by thousands and keep at most the decimals asked for', () => {
  for (const [n, digits, expected] of [
    [0, 0, '0'], [7, 0, '7'], [999, 0, '999'], [1000, 0, '1,000'], [1234567, 0, '1,234,567'],
    [12.34, 1, '12.3'], [12.05, 1, '12.1'], [3, 1, '3'], [2.96, 1, '3'], [1999.95, 1, '2,000'],
    [-0, 1, '0'], [-0.04, 1, '0'], [-1234.5, 1, '-1,234.5'], [NaN, 0, 'NaN'],
  ]) {
    // Intl with English rules is the reference (test only: the page avoids
    // it), except where it writes "-0" and the page wants "0".
    const negativeZero = Object.is(n, -0) || (n < 0 && n > -0.05);
    if (Number.isFinite(n) && !negativeZero) {
      assert.equal(expected, n.toLocaleString('en-US', { maximumFractionDigits: digits }), `reference for ${n}`);
    }
    assert.equal(formatNumber(n, digits), expected, `${n} with ${digits}`);
  }
});

test('plural counts read as English', () => {
  assert.equal(plural(1, 'word'), '1 word');
  assert.equal(plural(1200, 'word'), '1,200 words');
  assert.equal(plural(2, 'claim sentence'), '2 claim sentences');
});

test('dates are written as on the page, day month year, with no time-zone shift', () => {
  assert.equal(formatDate('2024-03-03'), '3 March 2024');
  assert.equal(formatDate('2023-12-31T23:30:00-08:00'), '31 December 2023, 23:30');
  assert.equal(formatDate('1999-01-01'), '1 January 1999');
  assert.equal(formatDate('not a date'), 'not a date');
  assert.equal(formatDate(null), null);
  for (let month = 1; month <= 12; month++) {
    const iso = `2021-${String(month).padStart(2, '0')}-15`;
    const reference = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' })
      .format(new Date(`${iso}T00:00:00Z`));
    assert.equal(formatDate(iso), reference);
  }
});
