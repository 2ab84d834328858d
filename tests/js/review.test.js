const test = require("node:test");
const assert = require("node:assert/strict");
const review = require("../../docs/assets/lib/review.js");

// The learner's calendar is what counts: this file runs in New Zealand's time zone.
process.env.TZ = "Pacific/Auckland";

const KNOWN = { "in-person": ["pick", "many", "truth"], online: ["post"] };
const at = (text) => new Date(text);  // a local time: "2025-03-01T10:00"

test("a day is the learner's own calendar day", () => {
  assert.equal(review.today(at("2025-03-01T23:59")), "2025-03-01");
  assert.equal(review.today(at("2025-03-02T00:00")), "2025-03-02");
  // 11:30 on 1 March in London is already 2 March in Auckland.
  assert.equal(review.today(new Date("2025-03-01T11:30:00Z")), "2025-03-02");
  assert.equal(review.today(at("2025-10-10T12:00")), "2025-10-10", "two-digit months and days are not padded");
  assert.equal(review.today(at("2025-09-09T12:00")), "2025-09-09");
});

test("days after a day cross months, years and clock changes", () => {
  assert.equal(review.after("2025-03-01", 1), "2025-03-02");
  assert.equal(review.after("2025-02-28", 1), "2025-03-01");
  assert.equal(review.after("2024-02-28", 1), "2024-02-29");
  assert.equal(review.after("2025-12-20", 21), "2026-01-10");
  // Auckland's clocks go back on 6 April 2025: still 7 days.
  assert.equal(review.after("2025-04-01", 7), "2025-04-08");
});

test("a real day is YYYY-MM-DD, from 2000 to 2099", () => {
  for (const day of ["2025-03-01", "2024-02-29", "2000-01-01", "2099-12-31"]) assert.ok(review.isDay(day), day);
  for (const day of ["2025-02-29", "2025-13-01", "2025-00-10", "2025-3-1", "1999-12-31", "2100-01-01",
    "2025-03-01T10:00", " 2025-03-01", 20250301, null, undefined, ["2025-03-01"]]) {
    assert.equal(review.isDay(day), false, String(day));
  }
});

test("a wrong answer goes to box 0, due the same day", () => {
  const before = { "in-person/pick": { box: 3, due: "2025-03-20", seen: "2025-03-13" } };
  const after = review.answer(before, "in-person/pick", false, at("2025-03-14T18:00"));
  assert.deepEqual(after, { "in-person/pick": { box: 0, due: "2025-03-14", seen: "2025-03-14" } });
  assert.deepEqual(before, { "in-person/pick": { box: 3, due: "2025-03-20", seen: "2025-03-13" } }, "a new object");
});

test("right answers on their day climb the boxes: back after 1, 3, 7, then every 21 days", () => {
  let schedule = review.answer({}, "online/post", false, at("2025-03-01T10:00"));
  const days = [];
  let day = "2025-03-01";
  for (let round = 0; round < 6; round++) {
    schedule = review.answer(schedule, "online/post", true, at(day + "T21:30"));
    const entry = schedule["online/post"];
    days.push([entry.box, entry.due]);
    assert.equal(entry.seen, day);
    day = entry.due;
  }
  assert.deepEqual(days, [[1, "2025-03-02"], [2, "2025-03-05"], [3, "2025-03-12"], [4, "2025-04-02"],
    [4, "2025-04-23"], [4, "2025-05-14"]]);
});

test("a first right answer goes to box 1; a late one climbs one box only", () => {
  assert.deepEqual(review.answer({}, "online/post", true, at("2025-03-01T08:00")),
    { "online/post": { box: 1, due: "2025-03-02", seen: "2025-03-01" } });
  const late = review.answer({ "online/post": { box: 2, due: "2025-03-04", seen: "2025-03-01" } }, "online/post", true,
    at("2025-06-01T08:00"));
  assert.deepEqual(late, { "online/post": { box: 3, due: "2025-06-08", seen: "2025-06-01" } });
});

test("a right answer before its day changes nothing; a wrong one still sends it back", () => {
  const schedule = { "online/post": { box: 2, due: "2025-03-05", seen: "2025-03-02" } };
  assert.deepEqual(review.answer(schedule, "online/post", true, at("2025-03-04T23:59")), schedule);
  assert.deepEqual(review.answer(schedule, "online/post", false, at("2025-03-04T23:59")),
    { "online/post": { box: 0, due: "2025-03-04", seen: "2025-03-04" } });
});

test("a broken entry is answered as if it were new; null drops the entry and keeps the others", () => {
  const schedule = { "online/post": { box: 9, due: "soon" }, "in-person/pick": { box: 0, due: "2025-03-01", seen: "2025-03-01" } };
  assert.deepEqual(review.answer(schedule, "online/post", true, at("2025-03-02T08:00"))["online/post"],
    { box: 1, due: "2025-03-03", seen: "2025-03-02" });
  assert.deepEqual(review.answer(schedule, "online/post", null, at("2025-03-02T08:00")),
    { "in-person/pick": { box: 0, due: "2025-03-01", seen: "2025-03-01" } });
  assert.deepEqual(review.answer(null, "online/post", null, at("2025-03-02T08:00")), {});
});

test("due: wrong answers at once, scheduled ones from their day, in the course's order", () => {
  const progress = {
    "quiz:in-person": {
      pick: { choice: ["a"], correct: false },
      many: { choice: ["a", "c"], correct: true },
      truth: { choice: ["false"], correct: true },
    },
    "quiz:online": { post: { choice: ["a"], correct: true } },
    review: {
      "online/post": { box: 1, due: "2025-03-02", seen: "2025-03-01" },
      "in-person/pick": { box: 0, due: "2025-03-01", seen: "2025-03-01" },
      "in-person/many": { box: 2, due: "2025-03-04", seen: "2025-03-01" },
      "in-person/truth": { box: 3, due: "2025-03-08", seen: "2025-03-01" },
    },
  };
  assert.deepEqual(review.due(progress, "2025-03-01", KNOWN), ["in-person/pick"]);
  assert.deepEqual(review.due(progress, "2025-03-02", KNOWN), ["in-person/pick", "online/post"]);
  assert.deepEqual(review.due(progress, "2025-03-03", KNOWN), ["in-person/pick", "online/post"]);
  assert.deepEqual(review.due(progress, "2025-03-04", KNOWN), ["in-person/pick", "in-person/many", "online/post"]);
  assert.deepEqual(review.due(progress, "2025-03-08", KNOWN), ["in-person/pick", "in-person/many", "in-person/truth", "online/post"]);
  assert.equal(review.nextDay(progress, "2025-03-01", KNOWN), "2025-03-02");
  assert.equal(review.nextDay(progress, "2025-03-04", KNOWN), "2025-03-08");
  assert.equal(review.nextDay(progress, "2025-03-08", KNOWN), "");
});

test("due: a wrong answer is due whatever the schedule says; a right one with no day is due once", () => {
  const progress = {
    "quiz:in-person": { pick: { choice: ["a"], correct: false }, many: { choice: ["a", "c"], correct: true } },
    review: { "in-person/pick": { box: 4, due: "2025-09-01", seen: "2025-08-11" } },
  };
  assert.deepEqual(review.due(progress, "2025-03-01", KNOWN), ["in-person/pick", "in-person/many"]);
});

test("due: not for questions never answered, open answers, or what the course no longer has", () => {
  const progress = {
    "quiz:in-person": {
      pick: { text: "my own words", revealed: true, correct: false },  // an open answer marked "Not yet"
      many: {},                                                       // cleared to try again, never checked
      gone: { choice: ["a"], correct: false },
    },
    "quiz:retired": { post: { choice: ["a"], correct: false } },
    review: { "retired/post": { box: 0, due: "2025-03-01", seen: "2025-03-01" } },
  };
  assert.deepEqual(review.due(progress, "2025-03-01", KNOWN), []);
  assert.deepEqual(review.due({}, "2025-03-01", KNOWN), []);
  assert.equal(review.nextDay({}, "2025-03-01", KNOWN), "");
});

test("due: an entry alone keeps a question due (tried again but not yet answered)", () => {
  const progress = { "quiz:online": { post: {} }, review: { "online/post": { box: 0, due: "2025-03-01", seen: "2025-03-01" } } };
  assert.deepEqual(review.due(progress, "2025-03-01", KNOWN), ["online/post"]);
});

test("clean keeps an entry in the form the page writes, and nothing else", () => {
  assert.deepEqual(review.clean({ box: 2, due: "2025-03-04", seen: "2025-03-01", extra: "<b>" }),
    { box: 2, due: "2025-03-04", seen: "2025-03-01" });
  assert.deepEqual(review.clean({ box: 0, due: "2025-03-01", seen: "2025-03-01" }), { box: 0, due: "2025-03-01", seen: "2025-03-01" });
  assert.deepEqual(review.clean({ box: 4, due: "2025-03-22", seen: "2025-03-01" }), { box: 4, due: "2025-03-22", seen: "2025-03-01" });
  for (const entry of [
    { box: 5, due: "2025-03-04", seen: "2025-03-01" }, { box: -1, due: "2025-03-01", seen: "2025-03-01" },
    { box: 1.5, due: "2025-03-02", seen: "2025-03-01" }, { box: "1", due: "2025-03-02", seen: "2025-03-01" },
    { box: 1, due: "2025-03-02" }, { box: 1, seen: "2025-03-01" }, { due: "2025-03-02", seen: "2025-03-01" },
    { box: 1, due: "2025-02-30", seen: "2025-02-28" }, { box: 1, due: "2025-03-02T00:00:00Z", seen: "2025-03-01" },
    { box: 4, due: "2099-12-31", seen: "2025-03-01" },  // hidden for years: more than its box allows
    { box: 0, due: "2025-03-02", seen: "2025-03-01" },  // a wrong answer is due the day it was given
    { box: 2, due: "2025-02-27", seen: "2025-03-01" },  // due before it was answered
    null, "box 1", [1, "2025-03-02", "2025-03-01"],
  ]) {
    assert.equal(review.clean(entry), null, JSON.stringify(entry));
  }
});

test("a schedule that is not a record starts afresh; a record without its mark is not an answer", () => {
  const now = at("2025-03-01T10:00");
  for (const broken of ["ab", 7, ["x"], null]) {
    assert.deepEqual(review.answer(broken, "in-person/pick", false, now),
      { "in-person/pick": { box: 0, due: "2025-03-01", seen: "2025-03-01" } }, JSON.stringify(broken));
  }
  assert.deepEqual(review.due({ "quiz:in-person": { pick: { choice: ["a"] } } }, "2025-03-01", KNOWN), [],
    "options chosen but never checked are not due");
});
