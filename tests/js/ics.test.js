const test = require("node:test");
const assert = require("node:assert/strict");
const ics = require("../../docs/assets/lib/ics.js");

const octets = (text) => Buffer.byteLength(text, "utf8");

test("text escapes backslash, semicolon, comma and newline, in that order", () => {
  assert.equal(ics.text("a;b,c\\d\ne"), "a\\;b\\,c\\\\d\\ne");
  assert.equal(ics.text("\\;"), "\\\\\\;", "an escaped semicolon stays two characters apart");
  assert.equal(ics.text("one\r\ntwo\rthree\nfour"), "one\\ntwo\\nthree\\nfour");
  assert.equal(ics.text("tab\there\u0000\u0007\u001b\u007f"), "tab\there", "control characters go, a tab stays");
  assert.equal(ics.text("END:VEVENT\nBEGIN:VEVENT"), "END:VEVENT\\nBEGIN:VEVENT", "no new line, so no new property");
  assert.equal(ics.text("é 😀"), "é 😀");
  assert.equal(ics.text(42), "42");
});

test("a line of up to 75 octets is not folded", () => {
  const line = "DESCRIPTION:" + "x".repeat(63);
  assert.equal(octets(line), 75);
  assert.equal(ics.fold(line), line);
});

test("a longer line folds after 75 octets, and each continuation holds 74 after its space", () => {
  const line = "DESCRIPTION:" + "x".repeat(63 + 74 + 5);
  assert.equal(ics.fold(line), "DESCRIPTION:" + "x".repeat(63) + "\r\n " + "x".repeat(74) + "\r\n " + "x".repeat(5));
});

test("folding counts octets, not characters: two-octet letters", () => {
  // 12 ASCII octets, then "é" (2 octets each): 31 fit in 75 octets (74), the 32nd would make 76.
  const line = "DESCRIPTION:" + "é".repeat(40);
  const folded = ics.fold(line);
  assert.equal(folded, "DESCRIPTION:" + "é".repeat(31) + "\r\n " + "é".repeat(9));
  for (const part of folded.split("\r\n")) { assert.ok(octets(part) <= 75, part); }
});

test("folding never splits a three- or four-octet character", () => {
  // "€" is 3 octets: 12 + 21 * 3 = 75 exactly; the 22nd goes on the next line.
  assert.equal(ics.fold("DESCRIPTION:" + "€".repeat(22)), "DESCRIPTION:" + "€".repeat(21) + "\r\n " + "€");
  // An emoji is 4 octets (two UTF-16 units): 12 + 15 * 4 = 72, a 16th would make 76.
  const folded = ics.fold("DESCRIPTION:" + "😀".repeat(20));
  assert.equal(folded, "DESCRIPTION:" + "😀".repeat(15) + "\r\n " + "😀".repeat(5));
  assert.ok(!/[\ud800-\udbff]\r\n|\r\n [\udc00-\udfff]/.test(folded), "no surrogate pair cut in two");
  // One space plus 18 emoji is 73 octets on a continuation line; a 19th would make 77.
  const long = ics.fold("X:" + "😀".repeat(18 + 18 + 1));
  assert.equal(long, "X:" + "😀".repeat(18) + "\r\n " + "😀".repeat(18) + "\r\n " + "😀");
});

test("unfolding gives the line back", () => {
  const line = "DESCRIPTION:" + ics.text("Goals: meet 3 people; ask, listen\n" + "ü😀€a".repeat(40));
  assert.equal(ics.fold(line).replace(/\r\n /g, ""), line);
});

test("a file ends every folded line with CRLF", () => {
  assert.equal(ics.file(["BEGIN:VCALENDAR", "X:" + "a".repeat(80), "END:VCALENDAR"]),
               "BEGIN:VCALENDAR\r\nX:" + "a".repeat(73) + "\r\n " + "a".repeat(7) + "\r\nEND:VCALENDAR\r\n");
});

test("day numbers keep every year as written, from 0001 to 9999", () => {
  assert.equal(ics.dayNumber(1970, 1, 1), 0);
  assert.equal(ics.dayNumber(2026, 3, 8), 20520);
  assert.deepEqual(ics.civil(ics.dayNumber(1, 3, 5)), { year: 1, month: 3, day: 5 });
  assert.deepEqual(ics.civil(ics.dayNumber(99, 12, 31)), { year: 99, month: 12, day: 31 });
  assert.deepEqual(ics.civil(ics.dayNumber(9999, 12, 31)), { year: 9999, month: 12, day: 31 });
  assert.equal(ics.weekday(ics.dayNumber(2026, 3, 8)), 6, "8 March 2026 is a Sunday");
  assert.equal(ics.weekday(ics.dayNumber(1, 1, 1)), 0, "1 January 0001 is a Monday");
});

test("dates parse only as real four-digit dates", () => {
  assert.equal(ics.parseDate("2026-03-08"), 20520);
  assert.equal(ics.parseDate("0001-03-05"), ics.dayNumber(1, 3, 5));
  assert.equal(ics.parseDate("0099-01-01"), ics.dayNumber(99, 1, 1));
  for (const bad of ["2026-02-29", "2026-13-01", "2026-00-10", "10000-01-01", "26-03-08", "2026-3-8", "", "2026-03-08x"]) {
    assert.equal(ics.parseDate(bad), null, bad);
  }
  assert.equal(ics.parseDate("2028-02-29"), ics.dayNumber(2028, 2, 29));
});

test("a month later is the same day, or the last day of a shorter month", () => {
  const day = (y, m, d) => ics.dayNumber(y, m, d);
  assert.equal(ics.addMonths(day(2026, 1, 31), 1), day(2026, 2, 28));
  assert.equal(ics.addMonths(day(2028, 1, 31), 1), day(2028, 2, 29));
  assert.equal(ics.addMonths(day(2026, 8, 31), 6), day(2027, 2, 28));
  assert.equal(ics.addMonths(day(2099, 12, 31), 6), day(2100, 6, 30));
  assert.equal(ics.addMonths(day(2026, 3, 8), 12), day(2027, 3, 8));
});

test("DATE-TIME values have four-digit years and refuse any other", () => {
  assert.equal(ics.dateTime(ics.dayNumber(2026, 3, 8), 150), "20260308T023000");
  assert.equal(ics.dateTime(ics.dayNumber(1, 3, 5), 0), "00010305T000000");
  assert.equal(ics.dateTime(ics.dayNumber(99, 12, 31), 23 * 60 + 59), "00991231T235900");
  assert.equal(ics.dateTime(ics.dayNumber(2026, 3, 8), 24 * 60 + 20), "20260309T002000", "past midnight is the next day");
  assert.equal(ics.dateTime(ics.dayNumber(9999, 12, 31), 23 * 60 + 59), "99991231T235900", "the last year there is");
  assert.throws(() => ics.dateTime(ics.dayNumber(9999, 12, 31), 24 * 60), /^RangeError: no iCalendar date in the year 10000$/);
  assert.throws(() => ics.dateTime(ics.dayNumber(0, 12, 31), 0), RangeError);
  assert.equal(ics.utc(new Date(Date.UTC(2026, 0, 1, 12, 0, 5, 250))), "20260101T120005Z");
});

// Node reads TZ when it changes, so one process checks several time zones.
function inZone(zone, body) {
  const before = process.env.TZ;
  process.env.TZ = zone;
  try { body(); } finally { if (before === undefined) { delete process.env.TZ; } else { process.env.TZ = before; } }
}
const at = (y, m, d, h, min) => ({ day: ics.dayNumber(y, m, d), minutes: h * 60 + min });

test("in New York, 02:30 on the spring-forward Sunday is 03:30; the fall-back hour exists", () => {
  inZone("America/New_York", () => {
    assert.deepEqual(ics.existing(ics.dayNumber(2026, 3, 8), 150), at(2026, 3, 8, 3, 30));
    assert.deepEqual(ics.existing(ics.dayNumber(2026, 3, 8), 120), at(2026, 3, 8, 3, 0));
    assert.deepEqual(ics.existing(ics.dayNumber(2026, 3, 8), 90), at(2026, 3, 8, 1, 30));
    assert.deepEqual(ics.existing(ics.dayNumber(2026, 3, 1), 150), at(2026, 3, 1, 2, 30));
    assert.deepEqual(ics.existing(ics.dayNumber(2026, 11, 1), 90), at(2026, 11, 1, 1, 30));
    assert.deepEqual(ics.existing(ics.dayNumber(2026, 3, 7), 24 * 60 + 150), at(2026, 3, 8, 3, 30), "past midnight too");
  });
});

test("a weekly slot in a gap moves in that week only, in New York and in Berlin", () => {
  const sunday = ics.dayNumber(2026, 3, 1);
  inZone("America/New_York", () => {
    assert.deepEqual(ics.gaps(sunday, 150, 26), [{ day: ics.dayNumber(2026, 3, 8), to: at(2026, 3, 8, 3, 30) }]);
    assert.deepEqual(ics.gaps(ics.dayNumber(2026, 3, 8), 150, 26), [{ day: ics.dayNumber(2026, 3, 8), to: at(2026, 3, 8, 3, 30) }]);
    assert.deepEqual(ics.gaps(sunday, 180, 26), [], "03:00 exists every week");
    assert.deepEqual(ics.gaps(ics.dayNumber(2026, 10, 25), 90, 3), [], "the fall-back week's 01:30 exists");
  });
  inZone("Europe/Berlin", () => {
    assert.deepEqual(ics.gaps(sunday, 150, 26), [{ day: ics.dayNumber(2026, 3, 29), to: at(2026, 3, 29, 3, 30) }]);
    assert.deepEqual(ics.gaps(ics.dayNumber(2026, 10, 18), 150, 22), [], "the clocks go back on 25 October: no gap");
    assert.deepEqual(ics.gaps(ics.dayNumber(2026, 10, 18), 150, 26), [{ day: ics.dayNumber(2027, 3, 28), to: at(2027, 3, 28, 3, 30) }]);
  });
  inZone("Australia/Lord_Howe", () => {
    // A half-hour change: 02:15 on 4 October 2026 does not exist and becomes 02:45.
    assert.deepEqual(ics.existing(ics.dayNumber(2026, 10, 4), 135), at(2026, 10, 4, 2, 45));
  });
  inZone("UTC", () => { assert.deepEqual(ics.gaps(sunday, 150, 52), []); });
  inZone("America/New_York", () => {
    assert.deepEqual(ics.gaps(sunday, 150, 1), [], "one week: the gap on 8 March is after it");
  });
  inZone("Pacific/Apia", () => {
    // Samoa skipped Friday 30 December 2011 altogether: the same time, a day later.
    assert.deepEqual(ics.gaps(ics.dayNumber(2011, 12, 23), 600, 2), [{ day: ics.dayNumber(2011, 12, 30), to: at(2011, 12, 31, 10, 0) }]);
  });
});

test("folding counts each character's octets exactly where UTF-8 changes length", () => {
  // U+0080 takes two octets, U+0800 three and U+10000 four: each one too many for the line it would end.
  assert.equal(ics.fold("x".repeat(74) + "\u0080"), "x".repeat(74) + "\r\n \u0080");
  assert.equal(ics.fold("x".repeat(73) + "\u0800"), "x".repeat(73) + "\r\n \u0800");
  assert.equal(ics.fold("x".repeat(72) + "\u{10000}"), "x".repeat(72) + "\r\n \u{10000}");
  assert.equal(ics.fold("x".repeat(74) + "\u007f"), "x".repeat(74) + "\u007f", "U+007F is one octet");
});
