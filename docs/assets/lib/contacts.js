// The learner's contact tracker as data: what a contact may hold (each field's limit), the check every
// contact passes before it is kept (typed, or imported from a progress file or a CSV file), the CSV written
// for spreadsheets and read back, the "follow up this week" list, the counts for a month of the plan, and a
// follow-up as a calendar entry. Pure, so it runs in the page (window.CourseContacts) and in Node's tests.
// Kept in CourseStore section "contacts": {"<id>": {name, met, where, remember, exchange, next, due, status,
// followed, helped}}, every value a string, dates "YYYY-MM-DD" or "" when not set.
(function (root, factory) {
  var node = typeof module === "object" && module.exports;
  var api = factory(node ? require("./ics.js") : root.CourseIcs);
  if (node) { module.exports = api; } else { root.CourseContacts = api; }
})(this, function (ics) {
  var MAX = 500;                     // people in the tracker
  var MAX_BYTES = 4 * 1024 * 1024;   // a CSV file: 500 people at every limit, in any script, fit well below
  var ID = /^[a-z0-9]{8,32}$/;
  var FIRST = "1900-01-01", LAST = "2099-12-31";
  var STATUSES = [
    { value: "follow-up", label: "To follow up" },
    { value: "waiting", label: "Waiting for a reply" },
    { value: "in-touch", label: "In touch" },
    { value: "done", label: "Nothing planned" }
  ];
  // In the order of the form and of the CSV's columns. `max` counts characters as a browser's maxlength does
  // (JavaScript's length: an emoji may count as two).
  var FIELDS = [
    { name: "name", label: "Name", max: 100, required: true },
    { name: "met", label: "Met on", date: true, required: true },
    { name: "where", label: "Where and how", max: 200 },
    { name: "remember", label: "One thing to remember", max: 500, long: true },
    { name: "exchange", label: "What was offered or asked", max: 500, long: true },
    { name: "next", label: "Next step", max: 200 },
    { name: "due", label: "Follow up on", date: true },
    { name: "status", label: "Status", choices: STATUSES },
    { name: "followed", label: "Last followed up", date: true },
    { name: "helped", label: "Last helped them", date: true }
  ];
  var ID_COLUMN = "ID";
  var MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
    "November", "December"];
  var WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"];

  function isRecord(value) { return !!value && typeof value === "object" && !Array.isArray(value); }
  function own(record, key) { return Object.prototype.hasOwnProperty.call(record, key); }
  function quote(text) { text = String(text); return "\u201c" + (text.length > 40 ? text.slice(0, 39) + "\u2026" : text) + "\u201d"; }
  function field(name) { return FIELDS.filter(function (f) { return f.name === name; })[0]; }
  function status(value) { return STATUSES.filter(function (s) { return s.value === value; })[0]; }

  function isDate(value) { return ics.parseDate(value) !== null && value >= FIRST && value <= LAST; }
  function iso(day) {
    var date = ics.civil(day);
    return String(date.year).padStart(4, "0") + "-" + String(date.month).padStart(2, "0") + "-" + String(date.day).padStart(2, "0");
  }
  // "7 March 2025", and "Friday 7 March" for the days of this week.
  function longDate(value) {
    var date = ics.civil(ics.parseDate(value));
    return date.day + " " + MONTHS[date.month - 1] + " " + date.year;
  }
  function dayDate(value) {
    var day = ics.parseDate(value), date = ics.civil(day);
    return WEEKDAYS[ics.weekday(day)] + " " + date.day + " " + MONTHS[date.month - 1];
  }

  // What is wrong with a field's value, or "" when it fits.
  function problem(name, value) {
    var f = field(name);
    if (typeof value !== "string") { return quote(f.label) + " is not text"; }
    if (f.required && !value.trim()) { return quote(f.label) + " is empty"; }
    if (f.max && value.length > f.max) { return quote(f.label) + " is " + value.length + " characters long; at most " + f.max + " fit"; }
    if (f.date && value && !isDate(value)) {
      return quote(f.label) + " " + quote(value) + " is not a date written as YYYY-MM-DD, from " + FIRST + " to " + LAST;
    }
    if (f.choices && !status(value)) {
      return quote(f.label) + " " + quote(value) + " is none of " + STATUSES.map(function (s) { return s.label; }).join(", ");
    }
    return "";
  }

  // A record as the tracker keeps it: {contact} with every field (a missing one empty, a missing status the
  // first), other keys dropped; or {problems: [what is wrong]} when a field does not fit.
  function clean(record) {
    if (!isRecord(record)) { return { problems: ["it is not a contact"] }; }
    var contact = {}, problems = [];
    FIELDS.forEach(function (f) {
      var value = own(record, f.name) ? record[f.name] : f.choices ? STATUSES[0].value : "";
      var wrong = problem(f.name, value);
      if (wrong) { problems.push(wrong); } else { contact[f.name] = value; }
    });
    return problems.length ? { problems: problems } : { contact: contact };
  }

  function newId(random) {
    random = random || Math.random;
    return (Date.now().toString(36) + Math.floor(random() * 1679616).toString(36).padStart(4, "0")).slice(-16);
  }
  // Ids in the order the tracker lists people: the most recently met first, then by name.
  function byName(a, b) { return a.localeCompare(b, "en", { sensitivity: "base" }) || (a < b ? -1 : a > b ? 1 : 0); }
  function order(contacts) {
    return Object.keys(contacts).sort(function (a, b) {
      var x = contacts[a], y = contacts[b];
      return (x.met < y.met ? 1 : x.met > y.met ? -1 : 0) || byName(x.name, y.name) || (a < b ? -1 : 1);
    });
  }
  // The same person, as the tracker tells: the same name (case and surrounding spaces aside) met the same day.
  function sameness(contact) { return contact.name.trim().toLowerCase().replace(/\s+/g, " ") + "\n" + contact.met; }

  // ---- CSV ------------------------------------------------------------------------------------------------

  // A spreadsheet runs a cell that starts with = + - @ (or a tab or carriage return before one) as a formula;
  // a leading apostrophe makes it text. A value that already starts with apostrophes before such a character
  // gets one more, so reading the file back takes exactly one away.
  var FORMULA = /^'*[=+\-@\t\r]/;
  function cell(value) {
    value = String(value);
    return '"' + (FORMULA.test(value) ? "'" + value : value).replace(/"/g, '""') + '"';
  }
  // UTF-8 with a byte-order mark (so spreadsheet programs read it as UTF-8), every cell quoted, CRLF.
  function toCsv(contacts) {
    var rows = [FIELDS.map(function (f) { return f.label; }).concat([ID_COLUMN])];
    order(contacts).forEach(function (id) {
      var contact = contacts[id];
      rows.push(FIELDS.map(function (f) {
        var value = contact[f.name] || "";
        return f.choices && status(value) ? status(value).label : value;
      }).concat([id]));
    });
    return "\ufeff" + rows.map(function (row) { return row.map(cell).join(","); }).join("\r\n") + "\r\n";
  }

  // Rows of cells (RFC 4180): quoted cells with "" for a quote, lines ended by CRLF, LF or CR. The delimiter
  // is the comma, unless the first line has more semicolons or tabs outside quotes (what some spreadsheet
  // programs save). Returns {rows} or {error}.
  function parseCsv(text) {
    text = text.replace(/^\ufeff/, "");
    var first = text.split(/\r\n|\n|\r/)[0].replace(/"[^"]*"/g, "");
    var delimiter = [",", ";", "\t"].reduce(function (best, candidate) {
      return first.split(candidate).length > first.split(best).length ? candidate : best;
    });
    var rows = [], row = [], value = "", quoted = false, at = 0, length = text.length;
    while (at < length) {
      var character = text[at];
      if (quoted) {
        var end = text.indexOf('"', at);
        if (end < 0) { return { error: "a quoted cell in row " + (rows.length + 1) + " is never closed" }; }
        value += text.slice(at, end);
        if (text[end + 1] === '"') { value += '"'; at = end + 2; } else { quoted = false; at = end + 1; }
      } else if (character === '"') {
        quoted = true; at++;
      } else if (character === delimiter) {
        row.push(value); value = ""; at++;
      } else if (character === "\r" || character === "\n") {
        row.push(value); rows.push(row); row = []; value = "";
        at += character === "\r" && text[at + 1] === "\n" ? 2 : 1;
      } else {
        value += character; at++;
      }
    }
    if (value !== "" || row.length) { row.push(value); rows.push(row); }
    return { rows: rows };
  }
  // A cell's text as it was before toCsv: one protecting apostrophe taken away, line ends as a text box has them.
  function uncell(value) {
    return (/^'+[=+\-@\t\r]/.test(value) ? value.slice(1) : value).replace(/\r\n?/g, "\n");
  }

  // A CSV file matched against the contacts the tracker holds (`existing`). Returns {error} when the file as a
  // whole cannot be read, or {contacts: {id: contact} to lay over the existing ones, added, changed, same,
  // skipped: [one message per row left out]}. A row is the person of an existing contact with its ID, or else
  // with its name and date met; then the file's version is taken. A later row for a person an earlier row
  // already gave is left out, and so are new people past the tracker's limit.
  function fromCsv(text, existing, makeId) {
    existing = isRecord(existing) ? existing : {};
    makeId = makeId || newId;
    if (text.length > MAX_BYTES) { return { error: tooBig(text.length) }; }
    var parsed = parseCsv(text);
    if (parsed.error) { return { error: "it is not a CSV file this page can read: " + parsed.error + "." }; }
    var rows = parsed.rows, header = (rows[0] || []).map(function (name) { return uncell(name).trim().toLowerCase(); });
    var columns = {}, skipped = [], wrong = [];
    header.forEach(function (name, index) {
      var f = FIELDS.filter(function (x) { return x.label.toLowerCase() === name || x.name === name; })[0];
      var key = f ? f.name : name === ID_COLUMN.toLowerCase() ? "id" : null;
      if (key && own(columns, key)) { wrong.push("it has two " + quote(f ? f.label : ID_COLUMN) + " columns"); }
      else if (key) { columns[key] = index; }
      else if (name) { skipped.push("Column " + quote(rows[0][index]) + " is not a column of the tracker: it was left out."); }
    });
    FIELDS.filter(function (f) { return f.required && !own(columns, f.name); }).forEach(function (f) {
      wrong.push("it has no " + quote(f.label) + " column");
    });
    if (wrong.length) {
      return { error: wrong.join(" and ") + ". Its first row must name the columns, as the tracker's own CSV file does: " +
        FIELDS.map(function (f) { return f.label; }).concat([ID_COLUMN]).join(", ") + "." };
    }
    var byPerson = {}, count = Object.keys(existing).length, taken = {}, out = {}, full = [];
    var result = { contacts: out, added: 0, changed: 0, same: 0, skipped: skipped };
    Object.keys(existing).forEach(function (id) {
      if (isRecord(existing[id]) && typeof existing[id].name === "string") { byPerson[sameness(existing[id])] = id; }
    });
    rows.slice(1).forEach(function (row, index) {
      var number = index + 2, record = {};
      if (row.every(function (value) { return !value.trim(); })) { return; }
      Object.keys(columns).forEach(function (key) {
        var value = uncell(row[columns[key]] || ""), f = field(key);
        if (f && f.date || key === "id") { value = value.trim(); }
        if (f && f.choices) {
          var match = STATUSES.filter(function (s) { return [s.label.toLowerCase(), s.value].indexOf(value.trim().toLowerCase()) >= 0; })[0];
          value = match ? match.value : value.trim() || STATUSES[0].value;
        }
        record[key] = value;
      });
      var name = typeof record.name === "string" && record.name.trim() ? " (" + quote(record.name.trim()) + ")" : "";
      function skip(why) { skipped.push("Row " + number + name + ": " + why + "."); }
      if (row.length > header.length && row.slice(header.length).some(function (value) { return value.trim(); })) {
        return skip("it has more cells than the first row has columns");
      }
      var id = record.id || "";
      if (id && !ID.test(id)) { return skip("its ID " + quote(id) + " is not one the tracker writes; empty that cell to add the person as someone new"); }
      var checked = clean(record);
      if (checked.problems) { return skip(checked.problems.join("; ")); }
      var contact = checked.contact, person = sameness(contact);
      var target = id && isRecord(existing[id]) ? id : own(byPerson, person) ? byPerson[person] : null;
      var earlier = taken[target || id] || taken["\n" + person];
      if (earlier) { return skip("row " + earlier + " already gives this person (the same ID, or the same name and date met)"); }
      if (!target) {
        if (count >= MAX) { return full.push(number); }
        target = id && !own(out, id) ? id : makeId();
        count++;
        result.added++;
      } else if (JSON.stringify(clean(existing[target]).contact) === JSON.stringify(contact)) {
        result.same++;
      } else {
        result.changed++;
      }
      taken[target] = taken["\n" + person] = number;
      if (id) { taken[id] = number; }
      out[target] = contact;
    });
    if (full.length) {
      skipped.push((full.length === 1 ? "Row " : "Rows ") + full.slice(0, 5).join(", ") +
        (full.length > 5 ? " and " + (full.length - 5) + " more" : "") + ": the tracker holds at most " + MAX +
        " people; delete some to make room, then import the file again.");
    }
    return result;
  }
  function tooBig(size) {
    return "it is " + Math.ceil(size / 1048576 * 10) / 10 + " MB, and the tracker reads files of at most " + MAX_BYTES / 1048576 + " MB.";
  }

  // ---- Follow-ups and the plan ------------------------------------------------------------------------------

  // Whom to follow up with from today to six days on, and whoever was due earlier, unless nothing is planned
  // for them any more: the earliest first. Each: {id, contact, overdue}.
  function thisWeek(contacts, today) {
    var last = iso(ics.parseDate(today) + 6);
    return Object.keys(contacts).filter(function (id) {
      var contact = contacts[id];
      return isRecord(contact) && contact.due && contact.due <= last && contact.status !== "done";
    }).sort(function (a, b) {
      var x = contacts[a], y = contacts[b];
      return (x.due < y.due ? -1 : x.due > y.due ? 1 : 0) || byName(x.name, y.name) || (a < b ? -1 : 1);
    }).map(function (id) { return { id: id, contact: contacts[id], overdue: contacts[id].due < today }; });
  }

  // How many people were met, followed up and helped from one date to another (both included), by the
  // dates on each contact: the day met, the last follow-up and the last time the learner helped them.
  function tally(contacts, from, to) {
    var found = { met: 0, followed: 0, helped: 0 };
    Object.keys(contacts).forEach(function (id) {
      var contact = contacts[id];
      ["met", "followed", "helped"].forEach(function (key) {
        var day = isRecord(contact) ? contact[key] : "";
        if (typeof day === "string" && day && day >= from && day <= to) { found[key]++; }
      });
    });
    return found;
  }

  // Which month of a plan today is in: month n runs from the first day + (n - 1) months to the day before the
  // first day + n months, as the plan's calendar has it. {month, from, to}, or {before: first day} or
  // {after: last day} outside the plan.
  function planMonth(first, today, months) {
    var start = ics.parseDate(first), now = ics.parseDate(today);
    if (now < start) { return { before: first }; }
    for (var n = 1; n <= months; n++) {
      var to = ics.addMonths(start, n) - 1;
      if (now <= to) { return { month: n, from: iso(ics.addMonths(start, n - 1)), to: iso(to) }; }
    }
    return { after: iso(ics.addMonths(start, months) - 1) };
  }

  // A follow-up as a calendar file: an all-day entry on its date with a reminder at 9:00, whose UID stays the
  // contact's, so adding it again after the date changed moves the entry instead of adding a second one.
  function calendar(id, contact, now) {
    var day = ics.parseDate(contact.due), summary = "Follow up with " + contact.name.trim();
    var about = [];
    function add(label, value) { if (value.trim()) { about.push(label + ": " + value.trim()); } }
    add("Next step", contact.next);
    about.push("Met on " + longDate(contact.met) + (contact.where.trim() ? ": " + contact.where.trim() : ""));
    add("One thing to remember", contact.remember);
    add("What was offered or asked", contact.exchange);
    function date(number) { return iso(number).replace(/-/g, ""); }
    return ics.file(["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//Networking for People Entering Tech//Contact tracker//EN",
      "CALSCALE:GREGORIAN", "BEGIN:VEVENT", "UID:follow-up-" + id + "@networking-course-tracker", "DTSTAMP:" + ics.utc(now),
      "DTSTART;VALUE=DATE:" + date(day), "DTEND;VALUE=DATE:" + date(day + 1), "SUMMARY:" + ics.text(summary),
      "DESCRIPTION:" + ics.text(about.join("\n")), "TRANSP:TRANSPARENT",
      "BEGIN:VALARM", "ACTION:DISPLAY", "DESCRIPTION:" + ics.text(summary), "TRIGGER:PT9H", "END:VALARM",
      "END:VEVENT", "END:VCALENDAR"]);
  }

  return {
    MAX: MAX, MAX_BYTES: MAX_BYTES, ID: ID, FIRST: FIRST, LAST: LAST, FIELDS: FIELDS, STATUSES: STATUSES,
    field: field, status: status, problem: problem, clean: clean, newId: newId, order: order, isDate: isDate,
    longDate: longDate, dayDate: dayDate, iso: iso, toCsv: toCsv, parseCsv: parseCsv, fromCsv: fromCsv,
    tooBig: tooBig, thisWeek: thisWeek, tally: tally, planMonth: planMonth, calendar: calendar
  };
});
