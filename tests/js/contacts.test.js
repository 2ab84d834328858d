const test = require("node:test");
const assert = require("node:assert/strict");
const contacts = require("../../docs/assets/lib/contacts.js");

const BOM = "\ufeff";
const HEADER = '"Name","Met on","Where and how","One thing to remember","What was offered or asked","Next step",' +
  '"Follow up on","Status","Last followed up","Last helped them","ID"';

function person(fields) {
  return Object.assign({ name: "Priya", met: "2025-03-04", where: "", remember: "", exchange: "", next: "", due: "",
    status: "follow-up", followed: "", helped: "" }, fields);
}
// Ids for new people, in order, so that results can be compared exactly.
function ids() { let n = 0; return () => "new" + String(++n).padStart(5, "0"); }
// A CSV file as a spreadsheet program would save it from rows of cells (quoted only where needed).
function sheet(rows) {
  return rows.map((row) => row.map((v) => (/[",\n]/.test(v) ? '"' + v.replace(/"/g, '""') + '"' : v)).join(",")).join("\n");
}
const COLUMNS = ["Name", "Met on", "Where and how", "One thing to remember", "What was offered or asked", "Next step",
  "Follow up on", "Status", "Last followed up", "Last helped them", "ID"];

test("a contact keeps every field, empty ones filled in, and drops keys it does not know", () => {
  assert.deepEqual(contacts.clean({ name: "Priya", met: "2025-03-04", extra: "<b>" }), { contact: person({}) });
  const full = person({ where: "PyData meetup", remember: "Runs a book club", exchange: "Offered to review my CV",
    next: "Send the article", due: "2025-03-10", status: "waiting", followed: "2025-03-05", helped: "2025-03-06" });
  assert.deepEqual(contacts.clean(full), { contact: full });
});

test("each field's limit holds exactly, and every field that does not fit is named", () => {
  for (const f of contacts.FIELDS.filter((x) => x.max)) {
    const fits = "x".repeat(f.max), over = "x".repeat(f.max + 1);
    assert.equal(contacts.problem(f.name, fits), "", f.name);
    assert.equal(contacts.problem(f.name, over), `“${f.label}” is ${f.max + 1} characters long; at most ${f.max} fit`);
  }
  assert.deepEqual(contacts.FIELDS.map((f) => [f.name, f.max || null]), [["name", 100], ["met", null], ["where", 200],
    ["remember", 500], ["exchange", 500], ["next", 200], ["due", null], ["status", null], ["followed", null], ["helped", null]]);
  assert.equal(contacts.MAX, 500);
  assert.equal(contacts.problem("name", "  "), "“Name” is empty");
  assert.equal(contacts.problem("met", ""), "“Met on” is empty");
  assert.equal(contacts.problem("due", ""), "", "an optional date may be empty");
  assert.equal(contacts.problem("name", 7), "“Name” is not text");
  assert.equal(contacts.problem("status", "maybe"), "“Status” “maybe” is none of To follow up, Waiting for a reply, In touch, Nothing planned");
  for (const bad of ["2025-02-30", "25-03-01", "2025-3-1", "2100-01-01", "1899-12-31", "03/04/2025", " 2025-03-04"]) {
    assert.equal(contacts.problem("due", bad), `“Follow up on” “${bad}” is not a date written as YYYY-MM-DD, from 1900-01-01 to 2099-12-31`);
  }
  assert.equal(contacts.problem("due", "2024-02-29"), "");
  assert.deepEqual(contacts.clean({ name: "", met: "soon", due: 5, where: "x".repeat(201) }).problems, [
    "“Name” is empty", "“Met on” “soon” is not a date written as YYYY-MM-DD, from 1900-01-01 to 2099-12-31",
    "“Where and how” is 201 characters long; at most 200 fit", "“Follow up on” is not text"]);
  assert.deepEqual(contacts.clean(["Priya"]), { problems: ["it is not a contact"] });
  assert.deepEqual(contacts.clean(null), { problems: ["it is not a contact"] });
});

test("the CSV is UTF-8 with a byte-order mark, every cell quoted, lines ended by CRLF, the most recently met first", () => {
  const text = contacts.toCsv({
    aaaaaaaa: person({ name: "Ann", met: "2025-01-02", status: "in-touch" }),
    bbbbbbbb: person({ name: "Bo", met: "2025-02-01", due: "2025-02-08", status: "done" }),
  });
  assert.equal(text, BOM + HEADER + "\r\n" +
    '"Bo","2025-02-01","","","","","2025-02-08","Nothing planned","","","bbbbbbbb"\r\n' +
    '"Ann","2025-01-02","","","","","","In touch","","","aaaaaaaa"\r\n');
  assert.equal(contacts.toCsv({}), BOM + HEADER + "\r\n");
});

test("every cell that starts with = + - @ tab or carriage return gets an apostrophe, and reads back as it was", () => {
  const hostile = ["=HYPERLINK(\"http://x\",\"y\")", "+1 555 0100", "-2+3", "@SUM(A1)", "\t=1+1", "\r=1+1", "'=already", "''+two"];
  for (const value of hostile) {
    const text = contacts.toCsv({ aaaaaaaa: person({ name: value, remember: value }) });
    const cells = text.split("\r\n")[1];
    const quoted = '"\'' + value.replace(/"/g, '""') + '"';
    assert.ok(cells.startsWith(quoted + ',"2025-03-04"'), JSON.stringify(cells));
    const back = contacts.fromCsv(text, {});
    const expected = value.replace(/\r/g, "\n");  // a text box keeps line ends as \n
    assert.deepEqual(back.contacts.aaaaaaaa, person({ name: expected, remember: expected }), JSON.stringify(value));
  }
  // Only the start of a cell matters; a harmless start is left alone.
  const text = contacts.toCsv({ aaaaaaaa: person({ name: "a=b", remember: " =x", next: "'quoted'" }) });
  assert.ok(text.includes('"a=b"') && text.includes('" =x"') && text.includes("\"'quoted'\""), text);
});

test("the CSV goes round: commas, quotes, new lines, accents, scripts and emoji come back exactly, with their ids", () => {
  const held = {
    k1aaaaaa: person({ name: "Zoë \"Z\" O'Neil, PhD", where: "Café, line 1\nline 2\n\nline 4", remember: "文字化けしない 🧑‍💻🎉",
      exchange: "She asked: \"can you review, please?\"", next: "<script>alert(1)</script>", due: "2025-03-11",
      status: "waiting", followed: "2025-03-05", helped: "2025-03-07" }),
    k2bbbbbb: person({ name: "Ōtsuka 大塚", met: "2024-12-31", remember: "“curly” ‘quotes’ — dash", status: "done" }),
  };
  const text = contacts.toCsv(held);
  const back = contacts.fromCsv(text, {}, ids());
  assert.deepEqual(back.contacts, held);
  assert.deepEqual([back.added, back.changed, back.same, back.skipped], [2, 0, 0, []]);
  // Into a tracker that holds them already: nothing changes.
  const again = contacts.fromCsv(text, held, ids());
  assert.deepEqual([again.added, again.changed, again.same, again.skipped], [0, 0, 2, []]);
});

test("a CSV saved by a spreadsheet program reads too: quotes only where needed, semicolons, other line ends", () => {
  const rows = [COLUMNS, ["Ann, Jr.", "2025-03-01", "Meetup", "Line 1\nline 2", "", "", "2025-03-09", "waiting", "", "", ""]];
  const expected = { new00001: person({ name: "Ann, Jr.", met: "2025-03-01", where: "Meetup", remember: "Line 1\nline 2",
    due: "2025-03-09", status: "waiting" }) };
  for (const text of [sheet(rows), sheet(rows).replace(/\n(?!line)/g, "\r\n"), sheet(rows).replace(/\n(?!line)/g, "\r"),
    rows.map((row) => row.map((v) => (/[";\n]/.test(v) ? '"' + v + '"' : v)).join(";")).join("\r\n")]) {
    const read = contacts.fromCsv(text, {}, ids());
    assert.deepEqual(read.skipped, [], JSON.stringify(text));
    assert.deepEqual(read.contacts, expected, JSON.stringify(text));
  }
  // Columns in another order, without the ID column, labels in any case, a status given by its label.
  const few = contacts.fromCsv("met on,NAME,status\n2025-03-01,Bo,In Touch\n", {}, ids());
  assert.deepEqual(few.contacts, { new00001: person({ name: "Bo", met: "2025-03-01", status: "in-touch" }) });
});

test("a file that is not the tracker's CSV is refused as a whole, saying why", () => {
  assert.equal(contacts.fromCsv('Name,Met on\n"Ann,2025-01-01\n', {}).error,
    "it is not a CSV file this page can read: a quoted cell in row 2 is never closed.");
  assert.equal(contacts.fromCsv("First name,Date\nAnn,2025-01-01\n", {}).error,
    "it has no “Name” column and it has no “Met on” column. Its first row must name the columns, as the tracker's own " +
    "CSV file does: Name, Met on, Where and how, One thing to remember, What was offered or asked, Next step, " +
    "Follow up on, Status, Last followed up, Last helped them, ID.");
  assert.match(contacts.fromCsv("Name,Name,Met on\n", {}).error, /^it has two “Name” columns\./);
  assert.match(contacts.fromCsv("", {}).error, /^it has no “Name” column/);
  assert.equal(contacts.fromCsv("x".repeat(contacts.MAX_BYTES + 1), {}).error,
    "it is 4.1 MB, and the tracker reads files of at most 4 MB.");
});

test("each row left out is named with its number and why; the rest come in", () => {
  const text = sheet([
    [...COLUMNS, "Phone"],
    ["Ann", "2025-03-01", "", "", "", "", "", "", "", "", "", "555"],                        // 2: kept
    ["", "2025-03-01", "", "", "", "", "", "", "", "", "", ""],                             // 3: no name
    ["Bo", "2025-02-30", "", "", "", "", "", "Someday", "", "", "", ""],                     // 4: two problems
    ["ann ", "2025-03-01", "again", "", "", "", "", "", "", "", "", ""],                     // 5: same as row 2
    ["Cy", "2025-03-01", "", "", "", "", "", "", "", "", "Not-An-Id!", ""],                  // 6: bad id
    ["", "", "", "", "", "", "", "", "", "", "", ""],                                        // 7: blank, passed over
    ["Di", "2025-03-01", "x".repeat(201), "", "", "", "", "", "", "", "", ""],               // 8: too long
    ["Ed", "2025-03-01", "", "", "", "", "", "", "", "", "eeeeeeee", "", "extra"],            // 9: a cell too many
    ["Fay", "2025-03-01", "", "", "", "", "", "", "", "", "ffffffff", ""],                   // 10: kept with its id
    ["Gus", "2025-03-02", "", "", "", "", "", "", "", "", "ffffffff", ""],                   // 11: the same id again
  ]);
  const read = contacts.fromCsv(text, {}, ids());
  assert.deepEqual(read.skipped, [
    "Column “Phone” is not a column of the tracker: it was left out.",
    "Row 3: “Name” is empty.",
    "Row 4 (“Bo”): “Met on” “2025-02-30” is not a date written as YYYY-MM-DD, from 1900-01-01 to 2099-12-31; " +
      "“Status” “Someday” is none of To follow up, Waiting for a reply, In touch, Nothing planned.",
    "Row 5 (“ann”): row 2 already gives this person (the same ID, or the same name and date met).",
    "Row 6 (“Cy”): its ID “Not-An-Id!” is not one the tracker writes; empty that cell to add the person as someone new.",
    "Row 8 (“Di”): “Where and how” is 201 characters long; at most 200 fit.",
    "Row 9 (“Ed”): it has more cells than the first row has columns.",
    "Row 11 (“Gus”): row 10 already gives this person (the same ID, or the same name and date met).",
  ]);
  assert.deepEqual(read.contacts, { new00001: person({ name: "Ann", met: "2025-03-01" }),
    ffffffff: person({ name: "Fay", met: "2025-03-01" }) });
});

test("a row for someone the tracker holds updates them, found by ID or else by name and date met", () => {
  const existing = {
    aaaaaaaa: person({ name: "Ann", met: "2025-03-01" }),
    bbbbbbbb: person({ name: "Bo Li", met: "2025-03-02", next: "Coffee" }),
    cccccccc: person({ name: "Cy", met: "2025-03-03" }),
  };
  const text = sheet([COLUMNS,
    ["Ann Smith", "2025-03-01", "", "", "", "", "", "", "", "", "aaaaaaaa"],   // renamed in the spreadsheet: by ID
    ["  bo   li", "2025-03-02", "", "", "", "", "", "", "", "", "zzzzzzzz"],   // another ID: the same person by name and day
    ["Cy", "2025-03-03", "", "", "", "", "", "", "", "", ""],                  // no ID, unchanged
    ["Cy", "2025-04-01", "", "", "", "", "", "", "", "", ""],                  // another day: someone new
  ]);
  const read = contacts.fromCsv(text, existing, ids());
  assert.deepEqual(read.contacts, {
    aaaaaaaa: person({ name: "Ann Smith", met: "2025-03-01" }),
    bbbbbbbb: person({ name: "  bo   li", met: "2025-03-02" }),
    cccccccc: person({ name: "Cy", met: "2025-03-03" }),
    new00001: person({ name: "Cy", met: "2025-04-01" }),
  });
  assert.deepEqual([read.added, read.changed, read.same, read.skipped], [1, 2, 1, []]);
});

test("new people past the tracker's limit are left out in one message; people it holds still update", () => {
  const existing = {};
  for (let n = 0; n < contacts.MAX - 2; n++) { existing["p" + String(n).padStart(7, "0")] = person({ name: "P" + n }); }
  const rows = [COLUMNS, ["P0", "2025-03-04", "changed", "", "", "", "", "", "", "", ""]];
  for (let n = 0; n < 10; n++) { rows.push(["New " + n, "2025-03-05", "", "", "", "", "", "", "", "", ""]); }
  const read = contacts.fromCsv(sheet(rows), existing, ids());
  assert.deepEqual([read.added, read.changed], [2, 1]);
  assert.deepEqual(read.skipped, ["Rows 5, 6, 7, 8, 9 and 3 more: the tracker holds at most 500 people; delete some to " +
    "make room, then import the file again."]);
  assert.equal(read.contacts.p0000000.where, "changed");
});

test("follow up this week: overdue first, then today to six days on, by date then name; nothing planned is left out", () => {
  const today = "2025-03-05";  // a Wednesday
  const held = {
    a1111111: person({ name: "Tue next week", due: "2025-03-11" }),
    a2222222: person({ name: "Bea", due: "2025-03-05" }),
    a3333333: person({ name: "al", due: "2025-03-05" }),
    a4444444: person({ name: "Late", due: "2025-02-20", status: "waiting" }),
    a5555555: person({ name: "Too far", due: "2025-03-12" }),
    a6666666: person({ name: "Done", due: "2025-03-06", status: "done" }),
    a7777777: person({ name: "No date" }),
    a8888888: person({ name: "In touch", due: "2025-03-07", status: "in-touch" }),
  };
  const week = contacts.thisWeek(held, today);
  assert.deepEqual(week.map((e) => [e.contact.name, e.overdue]),
    [["Late", true], ["al", false], ["Bea", false], ["In touch", false], ["Tue next week", false]]);
  assert.equal(week[0].id, "a4444444");
  assert.deepEqual(contacts.thisWeek(held, "2025-03-12").map((e) => e.contact.name),
    ["Late", "al", "Bea", "In touch", "Tue next week", "Too far"]);
  assert.deepEqual(contacts.thisWeek({}, today), []);
  // Across a year's end and a leap day.
  assert.deepEqual(contacts.thisWeek({ a: person({ due: "2025-01-03" }) }, "2024-12-28").length, 1);
  assert.deepEqual(contacts.thisWeek({ a: person({ due: "2024-03-06" }) }, "2024-02-28").length, 0);
  assert.deepEqual(contacts.thisWeek({ a: person({ due: "2024-03-05" }) }, "2024-02-28").length, 1);
});

test("the plan's month of a day, and what the tracker counts in it", () => {
  assert.deepEqual(contacts.planMonth("2025-01-31", "2025-01-31", 6), { month: 1, from: "2025-01-31", to: "2025-02-27" });
  assert.deepEqual(contacts.planMonth("2025-01-31", "2025-02-28", 6), { month: 2, from: "2025-02-28", to: "2025-03-30" });
  assert.deepEqual(contacts.planMonth("2025-03-04", "2025-08-03", 6), { month: 5, from: "2025-07-04", to: "2025-08-03" });
  assert.deepEqual(contacts.planMonth("2025-03-04", "2025-03-03", 6), { before: "2025-03-04" });
  assert.deepEqual(contacts.planMonth("2025-03-04", "2025-09-04", 6), { after: "2025-09-03" });
  const held = {
    a: person({ met: "2025-03-03", followed: "2025-03-04", helped: "2025-04-03" }),
    b: person({ met: "2025-03-04", followed: "2025-04-04" }),
    c: person({ met: "2025-04-03", helped: "2025-03-20" }),
    d: person({ met: "2025-02-01", followed: "2025-03-10", helped: "2025-03-10" }),
  };
  assert.deepEqual(contacts.tally(held, "2025-03-04", "2025-04-03"), { met: 2, followed: 2, helped: 3 });
  assert.deepEqual(contacts.tally({}, "2025-03-04", "2025-04-03"), { met: 0, followed: 0, helped: 0 });
});

test("a follow-up as a calendar entry: an all-day event, its text escaped and folded", () => {
  const text = contacts.calendar("k1aaaaaa", person({ name: "Zoë; \"Z\", O'Neil", where: "Meetup, Berlin", due: "2025-12-31",
    next: "Send the link\nEND:VEVENT", remember: "🧑‍💻".repeat(30) }), new Date(Date.UTC(2025, 2, 4, 12, 0, 0)));
  const lines = text.split("\r\n");
  assert.equal(lines.pop(), "", "ends with CRLF");
  for (const line of lines) { assert.ok(Buffer.byteLength(line, "utf8") <= 75, line); }
  const unfolded = text.replace(/\r\n /g, "").split("\r\n");
  assert.deepEqual(unfolded.slice(0, 8), ["BEGIN:VCALENDAR", "VERSION:2.0",
    "PRODID:-//Networking for People Entering Tech//Contact tracker//EN", "CALSCALE:GREGORIAN", "BEGIN:VEVENT",
    "UID:follow-up-k1aaaaaa@networking-course-tracker", "DTSTAMP:20250304T120000Z", "DTSTART;VALUE=DATE:20251231"]);
  assert.ok(unfolded.includes("DTEND;VALUE=DATE:20260101"));
  assert.ok(unfolded.includes("SUMMARY:Follow up with Zoë\\; \"Z\"\\, O'Neil"));
  assert.ok(unfolded.includes("DESCRIPTION:Next step: Send the link\\nEND:VEVENT\\nMet on 4 March 2025: Meetup\\, Berlin\\n" +
    "One thing to remember: " + "🧑‍💻".repeat(30)));
  assert.equal(unfolded.filter((line) => line === "END:VEVENT").length, 1, "no event smuggled in");
});

test("dates read as people write them", () => {
  assert.equal(contacts.longDate("2025-03-07"), "7 March 2025");
  assert.equal(contacts.dayDate("2025-03-07"), "Friday 7 March");
  assert.match(contacts.newId(), contacts.ID);
  assert.notEqual(contacts.newId(), contacts.newId());
});

// ---- Each rule on its own, with the exact result -------------------------------------------------------

test("the fields, their limits and kinds are exactly these", () => {
  assert.deepEqual(contacts.FIELDS.map((f) => [f.name, f.max || 0, !!f.date, !!f.long, !!f.required, !!f.choices]), [
    ["name", 100, false, false, true, false], ["met", 0, true, false, true, false], ["where", 200, false, false, false, false],
    ["remember", 500, false, true, false, false], ["exchange", 500, false, true, false, false],
    ["next", 200, false, false, false, false], ["due", 0, true, false, false, false], ["status", 0, false, false, false, true],
    ["followed", 0, true, false, false, false], ["helped", 0, true, false, false, false]]);
  assert.deepEqual(contacts.clean(person({ followed: "soon", helped: "2025-02-30" })).problems, [
    "“Last followed up” “soon” is not a date written as YYYY-MM-DD, from 1900-01-01 to 2099-12-31",
    "“Last helped them” “2025-02-30” is not a date written as YYYY-MM-DD, from 1900-01-01 to 2099-12-31"]);
});

test("an ID is 8 to 32 lowercase letters and digits, nothing before or after", () => {
  for (const good of ["abcdefgh", "a1".repeat(16)]) assert.ok(contacts.ID.test(good), good);
  for (const bad of ["!abcdefgh", "abcdefgh!", "abcdefg", "a".repeat(33), "ABCDEFGH"]) assert.ok(!contacts.ID.test(bad), bad);
});

test("every month and weekday has its name; the first and last days allowed are dates", () => {
  const months = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
    "November", "December"];
  months.forEach((name, i) => assert.equal(contacts.longDate(`2025-${String(i + 1).padStart(2, "0")}-01`), `1 ${name} 2025`));
  const days = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"];
  days.forEach((name, i) => assert.equal(contacts.dayDate(`2025-03-${String(3 + i).padStart(2, "0")}`), `${name} ${3 + i} March`));
  assert.ok(contacts.isDate("1900-01-01") && contacts.isDate("2099-12-31"));
  assert.ok(!contacts.isDate("1899-12-31") && !contacts.isDate("2100-01-01"));
  assert.equal(contacts.iso(require("../../docs/assets/lib/ics.js").dayNumber(999, 1, 1)), "0999-01-01", "a four-digit year");
  assert.equal(contacts.newId(() => 0).slice(-4), "0000", "the random part is always four characters");
});

test("the list order: most recently met, then by name whatever its case, then by ID", () => {
  const held = {
    b2: person({ name: "ann", met: "2025-03-01" }), a1: person({ name: "Ann", met: "2025-03-01" }),
    c3: person({ name: "Bo", met: "2025-03-01" }), d4: person({ name: "Cy", met: "2025-03-02" }),
    e5: person({ name: "Ann", met: "2025-03-01" }), f6: person({ name: "Al", met: "2025-02-01" }),
  };
  assert.deepEqual(contacts.order(held), ["d4", "a1", "e5", "b2", "c3", "f6"]);
  const due = {
    z9: person({ name: "Ann", due: "2025-03-05" }), y8: person({ name: "Ann", due: "2025-03-05" }),
    x7: person({ name: "ann", due: "2025-03-05" }), w6: person({ name: "Bo", due: "2025-03-04" }),
  };
  assert.deepEqual(contacts.thisWeek(due, "2025-03-04").map((c) => c.id), ["w6", "y8", "z9", "x7"]);
});

test("CSV cells: a status word in another column stays as written; byte-order marks only at the start are dropped", () => {
  const csv = contacts.toCsv({ abcdefgh: person({ next: "waiting" }) });
  assert.ok(csv.includes('"waiting","","To follow up"'), csv);
  assert.deepEqual(contacts.parseCsv("\ufeffa,b\ufeffc").rows, [["a", "b\ufeffc"]]);
  assert.deepEqual(contacts.parseCsv("a,b\ufeffc").rows, [["a", "b\ufeffc"]]);
});

test("CSV rows: every line end, a last line without one, and the delimiter a header really uses", () => {
  assert.deepEqual(contacts.parseCsv("a\r\nb\rc\nd").rows, [["a"], ["b"], ["c"], ["d"]]);
  assert.deepEqual(contacts.parseCsv("a\r\n\r\nb\n").rows, [["a"], [""], ["b"]]);
  assert.deepEqual(contacts.parseCsv("a").rows, [["a"]]);
  assert.deepEqual(contacts.parseCsv("a\n").rows, [["a"]]);
  assert.deepEqual(contacts.parseCsv('"x;y;z",b\n1,2').rows, [["x;y;z", "b"], ["1", "2"]], "quoted text does not count");
  assert.deepEqual(contacts.parseCsv("a;b,c\n1;2,3").rows, [["a;b", "c"], ["1;2", "3"]], "a tie goes to the comma");
});

test("reading a CSV: headers by label or name, spaces around them, empty ones, and cells trimmed where they must be", () => {
  const text = " Name ,met,,Where and how,Status,Follow up on,ID\n" +
    "Ann,  2025-03-01 ,,x'=1 here,  Waiting  , 2025-03-09 ,\n" +
    "Bo,2025-03-02,,,,,\n" +
    "   ,  ,,,,,\n" +
    "Cy,2025-03-03,,,,,,  \n" +
    "Di,2025-03-03,,,,,,,x\n" +
    "Ed,2025-03-04,,,,, abcdefgh1 \n" +
    "Ed again,2025-03-05,,,,,abcdefgh1\n";
  const result = contacts.fromCsv(text, { n: null, m: { met: "2025-01-01" } }, ids());
  assert.deepEqual(result.skipped, [
    "Row 6 (“Di”): it has more cells than the first row has columns.",
    "Row 8 (“Ed again”): row 7 already gives this person (the same ID, or the same name and date met)."]);
  assert.deepEqual(result.contacts, {
    new00001: person({ name: "Ann", met: "2025-03-01", where: "x'=1 here", status: "waiting", due: "2025-03-09" }),
    new00002: person({ name: "Bo", met: "2025-03-02" }),
    new00003: person({ name: "Cy", met: "2025-03-03" }),
    abcdefgh1: person({ name: "Ed", met: "2025-03-04" }),
  });
});

test("the same person is the same name, case and spacing aside, met the same day", () => {
  const existing = { abcdefgh: person({ name: "Ann  Lee", met: "2025-03-01" }), bcdefghi: person({ name: "Straße", met: "2025-03-01" }) };
  const result = contacts.fromCsv("Name,Met on\nann lee,2025-03-01\nAnnLee,2025-03-01\nStrasse,2025-03-01\n", existing, ids());
  assert.deepEqual(Object.keys(result.contacts), ["abcdefgh", "new00001", "new00002"]);
  assert.deepEqual([result.added, result.changed], [2, 1]);
});

test("people past the limit: one row, exactly five and more than five", () => {
  const full = {};
  for (let n = 0; n < contacts.MAX - 1; n++) full["c" + String(n).padStart(7, "0")] = person({ name: "P" + n });
  const rows = (count) => "Name,Met on\n" + Array.from({ length: count }, (_, i) => `New ${i},2025-03-01`).join("\n");
  const message = (text) => contacts.fromCsv(text, full, ids()).skipped[0];
  assert.equal(message(rows(2)), "Row 3: the tracker holds at most 500 people; delete some to make room, then import the file again.");
  assert.equal(message(rows(6)), "Rows 3, 4, 5, 6, 7: the tracker holds at most 500 people; delete some to make room, then import the file again.");
  assert.equal(message(rows(7)), "Rows 3, 4, 5, 6, 7 and 1 more: the tracker holds at most 500 people; delete some to make room, then import the file again.");
});

test("the tracker counts only real dates, and the plan's last month is a month", () => {
  const held = { a: person({ met: "2025-03-05", followed: "", helped: "" }), b: "junk", c: person({ met: "" }) };
  assert.deepEqual(contacts.tally(held, "2025-03-01", "2025-03-31"), { met: 1, followed: 0, helped: 0 });
  // A list holding a date compares as that date's text: it is still not a date.
  assert.deepEqual(contacts.tally({ a: person({ met: ["2025-03-05"], helped: 20250305 }) }, "2025-03-01", "2025-03-31"),
    { met: 0, followed: 0, helped: 0 });
  assert.deepEqual(contacts.planMonth("2025-03-04", "2025-09-03", 6), { month: 6, from: "2025-08-04", to: "2025-09-03" });
});

test("a follow-up's calendar entry, exactly", () => {
  const text = contacts.calendar("abcdefgh", person({ name: "  Ann  ", where: "  Meetup  ", next: "  Call  ", remember: "   ",
    exchange: " A book ", due: "2025-03-10" }), new Date(Date.UTC(2025, 2, 4, 12, 0, 0)));
  assert.equal(text.replace(/\r\n /g, ""), ["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//Networking for People Entering Tech//Contact tracker//EN",
    "CALSCALE:GREGORIAN", "BEGIN:VEVENT", "UID:follow-up-abcdefgh@networking-course-tracker", "DTSTAMP:20250304T120000Z",
    "DTSTART;VALUE=DATE:20250310", "DTEND;VALUE=DATE:20250311", "SUMMARY:Follow up with Ann",
    "DESCRIPTION:Next step: Call\\nMet on 4 March 2025: Meetup\\nWhat was offered or asked: A book", "TRANSP:TRANSPARENT",
    "BEGIN:VALARM", "ACTION:DISPLAY", "DESCRIPTION:Follow up with Ann", "TRIGGER:PT9H", "END:VALARM", "END:VEVENT",
    "END:VCALENDAR", ""].join("\r\n"));
  assert.ok(contacts.calendar("abcdefgh", person({ where: "   ", due: "2025-03-10" }), new Date(0))
    .includes("DESCRIPTION:Met on 4 March 2025\r\n"), "no place, no colon");
});

test("an ID in a file counts once, even on a row that found its person by name", () => {
  const existing = { abcdefgh: person({ name: "Ann", met: "2025-03-01" }) };
  const result = contacts.fromCsv("Name,Met on,ID\nAnn,2025-03-01,zzzzzzzz1\nZed,2025-03-09,zzzzzzzz1\n", existing, ids());
  assert.deepEqual(Object.keys(result.contacts), ["abcdefgh"]);
  assert.deepEqual(result.skipped, ["Row 3 (“Zed”): row 2 already gives this person (the same ID, or the same name and date met)."]);
});

test("ties in the list go by ID, whatever order the tracker holds them in", () => {
  const same = { m3: person({ name: "Ann" }), k1: person({ name: "Ann" }), z9: person({ name: "Ann" }), l2: person({ name: "Ann" }) };
  assert.deepEqual(contacts.order(same), ["k1", "l2", "m3", "z9"]);
  const due = { m3: person({ due: "2025-03-05" }), k1: person({ due: "2025-03-05" }), z9: person({ due: "2025-03-05" }), l2: person({ due: "2025-03-05" }) };
  assert.deepEqual(contacts.thisWeek(due, "2025-03-04").map((c) => c.id), ["k1", "l2", "m3", "z9"]);
});

test("names in messages are quoted whole up to 40 characters; blank lines are rows; a blank status is the first", () => {
  const text = "Name,Met on,Status\n" + "n".repeat(40) + ",x\n" + "m".repeat(41) + ",y\n   ,z\n\nBo,2025-03-01,   \n";
  const result = contacts.fromCsv(text, {}, ids());
  assert.deepEqual(result.skipped, [
    "Row 2 (“" + "n".repeat(40) + "”): “Met on” “x” is not a date written as YYYY-MM-DD, from 1900-01-01 to 2099-12-31.",
    "Row 3 (“" + "m".repeat(39) + "…”): “Met on” “y” is not a date written as YYYY-MM-DD, from 1900-01-01 to 2099-12-31.",
    "Row 4: “Name” is empty; “Met on” “z” is not a date written as YYYY-MM-DD, from 1900-01-01 to 2099-12-31."]);
  assert.deepEqual(result.contacts, { new00001: person({ name: "Bo", met: "2025-03-01" }) });
  assert.deepEqual(contacts.parseCsv("a\n\nb").rows, [["a"], [""], ["b"]]);
});

test("a CSV file of exactly 4 MB is read", () => {
  const start = "Name,Met on\nAnn,2025-03-01\n";
  const result = contacts.fromCsv(start + " ".repeat(contacts.MAX_BYTES - start.length), {}, ids());
  assert.deepEqual(Object.keys(result.contacts), ["new00001"]);
});
