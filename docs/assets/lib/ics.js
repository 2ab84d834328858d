// Calendar files (iCalendar, RFC 5545) for the networking plan: pure, so they run in the page
// (window.CourseIcs) and in Node's tests. A date is a day number (days since 1970-01-01), never a local
// Date, so no time zone, daylight-saving change or two-digit year can move it; only `existing` asks the
// local time zone, for the one thing that depends on it.
(function (root, factory) {
  var api = factory();
  if (typeof module === "object" && module.exports) { module.exports = api; } else { root.CourseIcs = api; }
})(this, function () {
  var DAY = 864e5;

  // A TEXT value: backslash, semicolon, comma and newline escaped (RFC 5545 3.3.11); other control
  // characters, which no TEXT may hold, dropped.
  function text(value) {
    return String(value).replace(/\\/g, "\\\\").replace(/;/g, "\\;").replace(/,/g, "\\,")
      .replace(/\r\n|\r|\n/g, "\\n").replace(/[\u0000-\u0008\u000b-\u001f\u007f]/g, "");
  }

  // How many octets a character takes in UTF-8 (a lone surrogate is written as U+FFFD, three octets).
  function octets(character) {
    var code = character.codePointAt(0);
    return code < 0x80 ? 1 : code < 0x800 ? 2 : code < 0x10000 ? 3 : 4;
  }

  // A content line of more than 75 octets goes on after CRLF and one space (RFC 5545 3.1), never
  // inside a character: the space counts towards the next line's 75.
  function fold(line) {
    var out = "", size = 0;
    Array.from(line).forEach(function (character) {
      var length = octets(character);
      if (size + length > 75) { out += "\r\n "; size = 1; }
      out += character;
      size += length;
    });
    return out;
  }

  // A whole file: every line folded, each ended by CRLF.
  function file(lines) { return lines.map(fold).join("\r\n") + "\r\n"; }

  // setUTCFullYear takes years 0-99 as they are (Date.UTC would make them 1900-1999).
  function dayNumber(year, month, day) {
    var date = new Date(0);
    date.setUTCFullYear(year, month - 1, day);
    return Math.round(date.getTime() / DAY);
  }
  function civil(number) {
    var date = new Date(number * DAY);
    return { year: date.getUTCFullYear(), month: date.getUTCMonth() + 1, day: date.getUTCDate() };
  }
  // Monday 0 to Sunday 6, as in the plan's list of days.
  function weekday(number) { return (new Date(number * DAY).getUTCDay() + 6) % 7; }

  // "YYYY-MM-DD" with a four-digit year as a day number, or null when it is no such date.
  function parseDate(value) {
    var parts = /^(\d{4})-(\d{2})-(\d{2})$/.exec(String(value));
    if (!parts) { return null; }
    var number = dayNumber(+parts[1], +parts[2], +parts[3]), back = civil(number);
    return back.month === +parts[2] && back.day === +parts[3] ? number : null;
  }

  // The same day of the month `months` later, or that month's last day when it is shorter.
  function addMonths(number, months) {
    var date = civil(number), index = date.year * 12 + date.month - 1 + months;
    var year = Math.floor(index / 12), month = index - year * 12 + 1;
    var last = civil(dayNumber(year, month + 1, 1) - 1).day;
    return dayNumber(year, month, Math.min(date.day, last));
  }

  function pad(number, width) { return String(number).padStart(width, "0"); }

  // A floating DATE-TIME, "20260308T023000": that local time wherever the calendar is. Minutes count
  // from midnight. iCalendar years have four digits, so any other year is refused rather than written.
  function dateTime(number, minutes) {
    var date = civil(number + Math.floor(minutes / 1440));
    minutes = ((minutes % 1440) + 1440) % 1440;
    if (date.year < 1 || date.year > 9999) { throw new RangeError("no iCalendar date in the year " + date.year); }
    return pad(date.year, 4) + pad(date.month, 2) + pad(date.day, 2) + "T" +
      pad(Math.floor(minutes / 60), 2) + pad(minutes % 60, 2) + "00";
  }

  // A moment as a UTC DATE-TIME, "20260101T120000Z" (for DTSTAMP).
  function utc(date) { return date.toISOString().replace(/[-:]/g, "").replace(/\.\d+Z$/, "Z"); }

  // The local time the clocks here show for `minutes` after midnight of a day: the same, unless the
  // clocks skip it (a daylight-saving gap), when it moves on by the gap's length, as RFC 5545 reads
  // such a time (02:30 on the night the clocks go from 02:00 to 03:00 is 03:30). Returns {day, minutes}.
  function existing(number, minutes) {
    var date = civil(number), local = new Date(2000, 0, 1);
    local.setFullYear(date.year, date.month - 1, date.day);
    local.setHours(0, minutes, 0, 0);
    return { day: dayNumber(local.getFullYear(), local.getMonth() + 1, local.getDate()),
             minutes: local.getHours() * 60 + local.getMinutes() };
  }

  // The weeks of a weekly slot whose local time the clocks here skip, each with the time it moves to.
  // A calendar repeats the written time every week, so only these weeks need an entry of their own.
  function gaps(first, minutes, weeks) {
    var found = [];
    for (var week = 0; week < weeks; week++) {
      var day = first + 7 * week, real = existing(day, minutes);
      if (real.day !== day || real.minutes !== minutes) { found.push({ day: day, to: real }); }
    }
    return found;
  }

  return { text: text, fold: fold, file: file, dayNumber: dayNumber, civil: civil, weekday: weekday,
           parseDate: parseDate, addMonths: addMonths, dateTime: dateTime, utc: utc, existing: existing, gaps: gaps };
});
