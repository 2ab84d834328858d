const test = require("node:test");
const assert = require("node:assert/strict");
const progress = require("../../docs/assets/lib/progress.js");

const COURSE = {
  "in-person": {
    pick: { type: "single", options: ["a", "b", "c"], answer: ["b"] },
    many: { type: "multiple", options: ["a", "b", "c", "d"], answer: ["a", "c"] },
    truth: { type: "true-false", options: ["true", "false"], answer: ["false"] },
    plan: { type: "open", max: 50 },
  },
  online: { post: { type: "single", options: ["a", "b"], answer: ["a"] } },
};
const LIMITS = { goals: 20, "habit-day": 9 };

function file(sections, extra) {
  return JSON.stringify(Object.assign({ format: "networking-course-progress", version: 1, exported: "2025-01-01T00:00:00Z",
    progress: sections }, extra));
}
function refused(text, limits) {
  const result = progress.check(text, COURSE, limits);
  assert.ok(result.error, "refused: " + JSON.stringify(result));
  assert.equal(result.progress, undefined);
  return result.error;
}

test("a good file keeps what the course knows, and right or wrong comes from the key", () => {
  const result = progress.check(file({
    "quiz:in-person": {
      pick: { choice: ["a"], correct: true },             // the file lies: a is wrong
      many: { choice: ["c", "a"], correct: false },       // and here: a and c is right
      truth: { choice: ["false"] },                       // no verdict at all
      plan: { text: "Go to a meetup", revealed: true, correct: true, extra: 1 },
    },
    "quiz:online": { post: { choice: ["a"], correct: true } },
    plan: { goals: "Meet three testers" },
    learner: { seed: "abc123xyz" },
  }), COURSE, LIMITS);
  assert.equal(result.error, undefined);
  assert.deepEqual(result.progress, {
    "quiz:in-person": {
      pick: { choice: ["a"], correct: false },
      many: { choice: ["c", "a"], correct: true },
      truth: { choice: ["false"], correct: true },
      plan: { text: "Go to a meetup", revealed: true, correct: true },
    },
    "quiz:online": { post: { choice: ["a"], correct: true } },
    plan: { goals: "Meet three testers" },
    learner: { seed: "abc123xyz" },
  });
  assert.deepEqual(result.held, { answers: 5, lessons: 2, plan: true, contacts: 0, reviews: 0 });
  assert.deepEqual(result.skipped, []);
});

const FORM = "answers in a form this course does not write";

test("an open answer keeps the learner's own mark only beside a written answer they compared", () => {
  const result = progress.check(file({ "quiz:in-person": {
    plan: { text: "A draft", correct: true },
  } }), COURSE);
  assert.deepEqual(result.progress, { "quiz:in-person": { plan: { text: "A draft" } } });
  for (const record of [{ text: "  ", revealed: true, correct: true }, { revealed: true, correct: true }]) {
    assert.equal(refused(file({ "quiz:in-person": { plan: record } })),
      `nothing in it can be imported into this course: it holds only ${FORM} (“plan” in “in-person”).`);
  }
});

test("forged and malformed records are left out, never counted, and a file of nothing else is refused", () => {
  const records = [
    { choice: [], correct: true }, { choice: "b", correct: true }, { choice: [1], correct: true }, { choice: [""] },
    { choice: ["b", "b"] }, { choice: ["b"], correct: "yes" }, { choice: ["b"], revealed: "no" }, { text: 5 },
    { correct: true }, "b", ["b"], null, { choice: Array(65).fill("a").map((key, i) => key + i) },
  ];
  for (const record of records) {
    assert.equal(refused(file({ "quiz:in-person": { pick: record } })),
      `nothing in it can be imported into this course: it holds only ${FORM} (“pick” in “in-person”).`, JSON.stringify(record));
    const mixed = progress.check(file({ "quiz:in-person": { pick: record, truth: { choice: ["false"] } } }), COURSE);
    assert.deepEqual(mixed.progress, { "quiz:in-person": { truth: { choice: ["false"], correct: true } } }, JSON.stringify(record));
    assert.deepEqual(mixed.held, { answers: 1, lessons: 1, plan: false, contacts: 0, reviews: 0 });
    assert.deepEqual(mixed.skipped, [`${FORM} (“pick” in “in-person”)`]);
  }
  const forged = {};
  for (const slug of Object.keys(COURSE)) {
    forged["quiz:" + slug] = {};
    for (const id of Object.keys(COURSE[slug])) forged["quiz:" + slug][id] = { choice: [], correct: true };
  }
  assert.equal(refused(file(forged)), `nothing in it can be imported into this course: it holds only ${FORM} ` +
    "(“pick” in “in-person”, “many” in “in-person”, “truth” in “in-person”, “plan” in “in-person”, “post” in “online”).");
  assert.equal(refused(file({ "quiz:in-person": [], plan: "goals" })), "nothing in it can be imported into this course: " +
    "it holds only parts in a form this course does not write (“quiz:in-person”, “plan”).");
});

test("a forged record in a lesson that is not there is skipped, never counted", () => {
  const result = progress.check(file({ "quiz:in-person": { pick: { choice: ["b"] } }, "quiz:gone": { x: { choice: [], correct: true } } }), COURSE);
  assert.deepEqual(Object.keys(result.progress), ["quiz:in-person"]);
  assert.deepEqual(result.skipped, ["lessons this course does not have (“gone”)"]);
});

test("unknown lessons, questions, parts and plan fields are reported and skipped", () => {
  const result = progress.check(file({
    "quiz:in-person": { pick: { choice: ["b"] }, retired: { choice: ["a"], correct: true },
                        many: { choice: ["z"] }, truth: { choice: ["true", "false"] }, plan: { choice: ["a"] } },
    "quiz:old-lesson": { q: { choice: ["a"], correct: true } },
    notes: { anna: "x" },
    plan: { goals: "Meet people", colour: "blue" },
    learner: { seed: "abcdefgh", theme: "dark" },
  }), COURSE, LIMITS);
  assert.deepEqual(result.progress, {
    "quiz:in-person": { pick: { choice: ["b"], correct: true } },
    plan: { goals: "Meet people" },
    learner: { seed: "abcdefgh" },
  });
  assert.deepEqual(result.skipped, [
    "questions this course does not have (“retired” in “in-person”)",
    "answers that no longer fit their question (“many” in “in-person”, “truth” in “in-person”, “plan” in “in-person”)",
    "lessons this course does not have (“old-lesson”)",
    "parts this course does not know (“notes”, “learner.theme”)",
    "plan fields this course does not have (“colour”)",
  ]);
});

test("a file with nothing the course knows is refused and says what it held", () => {
  assert.equal(refused(file({ "quiz:other-course": { a: { choice: ["a"], correct: true } }, "quiz:in-person": { retired: { text: "x" } } })),
    "nothing in it can be imported into this course: it holds only lessons this course does not have (“other-course”); " +
    "questions this course does not have (“retired” in “in-person”).");
  assert.equal(refused(file({})), "it holds no answers, no plan and no contacts.");
  assert.equal(refused(file({ learner: { seed: "abcdefgh" } })), "it holds no answers, no plan and no contacts.");
  assert.equal(refused(file({ "quiz:in-person": { plan: { text: "" } } })), "it holds no answers, no plan and no contacts.");
});

test("format, version and JSON are checked first", () => {
  assert.equal(refused("not json"), "it is not a progress file exported from this course (it is not JSON).");
  assert.equal(refused(""), "it is not a progress file exported from this course (it is not JSON).");
  assert.equal(refused("[1, 2]"), "it is not a progress file exported from this course.");
  assert.equal(refused(JSON.stringify({ format: "other", version: 1, progress: {} })), "it is not a progress file exported from this course.");
  assert.equal(refused(file({}, { version: 2 })), "it was made by a newer version of this course (format version 2); this page reads version 1.");
  assert.equal(refused(file({}, { version: "1" })), "its format version is missing or unknown; this page reads version 1.");
  assert.equal(refused(file({}, { version: undefined })), "its format version is missing or unknown; this page reads version 1.");
  assert.equal(refused(file({}, { progress: [] })), "it holds no progress section.");
});

test("sizes are bounded: the file, answers, plan fields and the seed", () => {
  assert.equal(progress.tooBig(50 * 1024 * 1024), "it is 50 MB, and a progress file of this course is at most 4 MB.");
  assert.equal(progress.tooBig(4 * 1024 * 1024 + 1), "it is 4.1 MB, and a progress file of this course is at most 4 MB.");
  assert.match(refused(" ".repeat(progress.MAX_BYTES + 1)), /at most 4 MB/);
  const kept = { pick: { choice: ["b"] } };
  let result = progress.check(file({ "quiz:in-person": { ...kept, plan: { text: "x".repeat(51) } } }), COURSE);
  assert.deepEqual(result.progress, { "quiz:in-person": { pick: { choice: ["b"], correct: true } } });
  assert.deepEqual(result.skipped, ["answers longer than this course keeps (“plan” in “in-person” (51 characters, at most 50))"]);
  assert.deepEqual(progress.check(file({ "quiz:in-person": { plan: { text: "x".repeat(50) } } }), COURSE).progress,
    { "quiz:in-person": { plan: { text: "x".repeat(50) } } });

  assert.equal(refused(file({ plan: { goals: "x".repeat(21) } }), LIMITS), "nothing in it can be imported into this course: " +
    "it holds only plan fields longer than this course keeps (“goals” (21 characters, at most 20)).");
  result = progress.check(file({ plan: { goals: "x".repeat(21), "habit-day": "monday" } }), COURSE, LIMITS);
  assert.deepEqual(result.progress, { plan: { "habit-day": "monday" } });
  assert.deepEqual(progress.check(file({ plan: { goals: "x".repeat(20) } }), COURSE, LIMITS).progress, { plan: { goals: "x".repeat(20) } });
  // Without the page's limits, any plan field has the general cap.
  assert.match(refused(file({ plan: { anything: "x".repeat(20001) } })), /“anything” \(20001 characters, at most 20000\)/);
  assert.match(refused(file({ plan: { goals: 7 } })), /plan fields that are not text \(“goals”\)/);
  for (const seed of ["short", "UPPERCASE123", "a".repeat(33), 12345678, "abc-defgh", "<script>"]) {
    result = progress.check(file({ plan: { goals: "x" }, learner: { seed } }), COURSE);
    assert.deepEqual(result.progress, { plan: { goals: "x" } }, String(seed));
    assert.deepEqual(result.skipped, ["parts in a form this course does not write (“learner.seed”)"]);
  }
});

test("long names from a file are cut short in messages", () => {
  const name = "n".repeat(500);
  const result = progress.check(file({ "quiz:in-person": { pick: { choice: ["b"] } }, [name]: {} }), COURSE);
  assert.equal(result.skipped[0], "parts this course does not know (“" + "n".repeat(39) + "…”)");
  const many = {};
  for (let i = 0; i < 8; i++) many["q" + i] = { choice: ["a"] };
  many.pick = { choice: ["b"] };
  assert.equal(progress.check(file({ "quiz:in-person": many }), COURSE).skipped[0],
    "questions this course does not have (“q0” in “in-person”, “q1” in “in-person”, “q2” in “in-person”, " +
    "“q3” in “in-person”, “q4” in “in-person” and 3 more)");
});

test("names such as __proto__ never reach the store", () => {
  const text = '{"format": "networking-course-progress", "version": 1, "progress": {"__proto__": {"polluted": true}, ' +
    '"quiz:in-person": {"__proto__": {"choice": ["a"]}, "pick": {"choice": ["b"]}}, "plan": {"__proto__": "x", "goals": "y"}}}';
  const result = progress.check(text, COURSE, LIMITS);
  assert.deepEqual(JSON.parse(JSON.stringify(result.progress)), { "quiz:in-person": { pick: { choice: ["b"], correct: true } }, plan: { goals: "y" } });
  assert.equal({}.polluted, undefined);
  assert.equal(Object.getPrototypeOf(result.progress["quiz:in-person"]), Object.prototype);
});

test("describe and summary count answers, lessons and the plan", () => {
  assert.equal(progress.summary(progress.describe({})), "");
  assert.equal(progress.summary(progress.describe({ learner: { seed: "abcdefgh" }, plan: {} })), "");
  assert.equal(progress.summary(progress.describe({ plan: { goals: "x" } })), "your plan");
  assert.equal(progress.summary(progress.describe({ "quiz:a": { q: { choice: ["a"] } } })), "1 answer in 1 lesson");
  assert.equal(progress.summary(progress.describe({
    "quiz:a": { q: { choice: ["a"] }, r: { text: "x" } }, "quiz:b": { s: { choice: ["b"] } }, "quiz:c": {}, "quiz:d": "junk",
    plan: { goals: "x" },
  })), "3 answers in 2 lessons and your plan");
});

test("replace takes the file alone; merge lets the file win per question and keeps the rest", () => {
  const here = { "quiz:in-person": { pick: { choice: ["a"], correct: false }, many: { choice: ["a"], correct: false } },
                 "quiz:online": { post: { choice: ["a"], correct: true } }, plan: { goals: "old", "habit-day": "monday" },
                 learner: { seed: "oldseed1" } };
  const incoming = { "quiz:in-person": { pick: { choice: ["b"], correct: true } }, plan: { goals: "new" } };
  assert.deepEqual(progress.combine(here, incoming, "replace"), incoming);
  assert.deepEqual(progress.combine(here, incoming, "merge"), {
    "quiz:in-person": { pick: { choice: ["b"], correct: true }, many: { choice: ["a"], correct: false } },
    "quiz:online": { post: { choice: ["a"], correct: true } }, plan: { goals: "new", "habit-day": "monday" },
    learner: { seed: "oldseed1" },
  });
  assert.equal(here["quiz:in-person"].pick.correct, false, "the store's copy is not changed in place");
  assert.deepEqual(progress.combine({ plan: "junk" }, { plan: { goals: "x" } }, "merge"), { plan: { goals: "x" } });
});

test("a lesson's tally counts only real attempts", () => {
  const section = { a: { choice: ["a"], correct: true }, b: { choice: [], correct: true }, c: { text: "x", revealed: true },
                    d: { text: "x", revealed: true, correct: false }, e: { choice: ["b"], correct: false } };
  assert.deepEqual(progress.tally(section, ["a", "b", "c", "d", "e", "f"]), { answered: 3, correct: 1, total: 6 });
  assert.deepEqual(progress.tally(undefined, ["a"]), { answered: 0, correct: 0, total: 1 });
  assert.deepEqual(progress.tally({}, ["constructor"]), { answered: 0, correct: 0, total: 1 });
});

test("the review schedule is kept for the course's choice questions, in the form the page writes", () => {
  const good = { box: 2, due: "2025-03-04", seen: "2025-03-01" };
  const result = progress.check(file({
    "quiz:in-person": { pick: { choice: ["b"] } },
    review: {
      "in-person/pick": { box: 0, due: "2025-03-01", seen: "2025-03-01" },
      "in-person/many": { ...good, note: "<img src=x>" },
      "online/post": { box: 4, due: "2025-03-22", seen: "2025-03-01" },
      "in-person/plan": good,                                         // a discussion question is never reviewed
      "in-person/retired": good, "gone/pick": good, "in-person": good, "in-person/pick/x": good, ["__proto__"]: good,
      "in-person/truth": { box: 5, due: "2025-03-04", seen: "2025-03-01" },
      "online/../in-person/pick": good,
    },
  }), COURSE);
  assert.deepEqual(result.progress, {
    "quiz:in-person": { pick: { choice: ["b"], correct: true } },
    review: {
      "in-person/pick": { box: 0, due: "2025-03-01", seen: "2025-03-01" },
      "in-person/many": good,
      "online/post": { box: 4, due: "2025-03-22", seen: "2025-03-01" },
    },
  });
  assert.deepEqual(result.skipped, [
    "review dates in a form this course does not write (“in-person/plan”, “in-person/truth”)",
    "review dates for questions this course does not have (“in-person/retired”, “gone/pick”, “in-person”, " +
    "“in-person/pick/x”, “__proto__” and 1 more)",
  ]);
});

test("forged review dates are left out and listed: out of range, not a day, hidden for years", () => {
  const entries = [
    { box: 7, due: "2025-03-01", seen: "2025-03-01" }, { box: "1", due: "2025-03-02", seen: "2025-03-01" },
    { box: 1, due: "tomorrow", seen: "2025-03-01" }, { box: 1, due: "2025-03-02" }, { box: 4, due: "2099-12-31", seen: "2025-03-01" },
    "box 1", null, [],
  ];
  for (const entry of entries) {
    const result = progress.check(file({ "quiz:online": { post: { choice: ["a"] } }, review: { "online/post": entry } }), COURSE);
    assert.deepEqual(result.progress, { "quiz:online": { post: { choice: ["a"], correct: true } } }, JSON.stringify(entry));
    assert.deepEqual(result.skipped, ["review dates in a form this course does not write (“online/post”)"]);
  }
  assert.equal(refused(file({ review: "soon" })), "nothing in it can be imported into this course: " +
    "it holds only parts in a form this course does not write (“review”).");
  // Review dates alone, with no answer, are nothing to import.
  assert.equal(refused(file({ review: { "online/post": { box: 1, due: "2025-03-02", seen: "2025-03-01" } } })),
    "it holds no answers, no plan and no contacts.");
});

test("merge lays the file's review dates over this browser's, question by question", () => {
  const here = { review: { "online/post": { box: 3, due: "2025-03-08", seen: "2025-03-01" }, "in-person/pick": { box: 1, due: "2025-03-02", seen: "2025-03-01" } } };
  const file = { review: { "online/post": { box: 0, due: "2025-03-05", seen: "2025-03-05" } } };
  assert.deepEqual(progress.combine(here, file, "merge"), { review: { "online/post": { box: 0, due: "2025-03-05", seen: "2025-03-05" },
    "in-person/pick": { box: 1, due: "2025-03-02", seen: "2025-03-01" } } });
  assert.deepEqual(progress.combine(here, file, "replace"), file);
});

const contacts = require("../../docs/assets/lib/contacts.js");
function contact(fields) {
  return Object.assign({ name: "Priya", met: "2025-03-04", where: "", remember: "", exchange: "", next: "", due: "",
    status: "follow-up", followed: "", helped: "" }, fields);
}

test("the contact tracker's people travel in the file, each checked as the tracker checks it", () => {
  const good = contact({ where: "Meetup", due: "2025-03-10", status: "waiting" });
  const result = progress.check(file({ contacts: {
    priya001: good,
    sparse01: { name: "Bo", met: "2025-03-01", extra: "dropped" },
    longname: contact({ name: "x".repeat(101) }),
    baddate1: contact({ name: "Cy", due: "2025-02-30" }),
    "Bad Id!": contact({ name: "Di" }),
    notarec1: "Ed",
  } }), COURSE);
  assert.deepEqual(result.progress, { contacts: { priya001: good, sparse01: contact({ name: "Bo", met: "2025-03-01" }) } });
  assert.deepEqual(result.held, { answers: 0, lessons: 0, plan: false, contacts: 2, reviews: 0 });
  assert.deepEqual(result.skipped, [
    "contacts that do not fit the tracker (“" + "x".repeat(39) + "…” (“Name” is 101 characters long; at most 100 fit), " +
      "“Cy” (“Follow up on” “2025-02-30” is not a date written as YYYY-MM-DD, from 1900-01-01 to 2099-12-31), " +
      "“notarec1” (it is not a contact))",
    "contacts with an ID the tracker does not write (“Bad Id!”)",
  ]);
  assert.equal(progress.summary(result.held), "2 contacts");
  assert.equal(refused(file({ contacts: { "x": contact({}) } })), "nothing in it can be imported into this course: " +
    "it holds only contacts with an ID the tracker does not write (“x”).");
  assert.equal(refused(file({ contacts: {} })), "it holds no answers, no plan and no contacts.");
});

test("no more contacts than the tracker holds come in from a file", () => {
  const many = {};
  for (let n = 0; n < contacts.MAX + 3; n++) { many["c" + String(n).padStart(7, "0")] = contact({ name: "P" + n }); }
  const result = progress.check(file({ contacts: many }), COURSE);
  assert.equal(Object.keys(result.progress.contacts).length, contacts.MAX);
  assert.deepEqual(result.skipped, ["contacts past the tracker's limit of 500 (“P500”, “P501”, “P502”)"]);
});

test("what a file holds, said in one line", () => {
  const held = (answers, lessons, plan, n, reviews = 0) =>
    progress.summary({ answers: answers, lessons: lessons, plan: plan, contacts: n, reviews: reviews });
  assert.equal(held(12, 3, true, 4), "12 answers in 3 lessons, your plan and 4 contacts");
  assert.equal(held(12, 3, true, 4, 9), "12 answers in 3 lessons, your plan, 4 contacts and 9 review dates");
  assert.equal(held(0, 0, false, 0, 1), "1 review date");
  assert.equal(held(1, 1, true, 0), "1 answer in 1 lesson and your plan");
  assert.equal(held(0, 0, true, 1), "your plan and 1 contact");
  assert.equal(held(2, 1, false, 0), "2 answers in 1 lesson");
  assert.equal(held(0, 0, false, 0), "");
  assert.deepEqual(progress.describe({ contacts: { a: {}, b: "x" }, plan: {} }), { answers: 0, lessons: 0, plan: false, contacts: 1, reviews: 0 });
  assert.deepEqual(progress.describe({ review: { "a/q": { box: 1, due: "2026-12-02" }, "a/r": 3 } }),
                   { answers: 0, lessons: 0, plan: false, contacts: 0, reviews: 1 });
});

test("a merge keeps the browser's contacts and lets the file's version of the same contact win", () => {
  const merged = progress.combine({ contacts: { a: contact({ name: "Old" }), b: contact({ name: "Here" }) } },
    { contacts: { a: contact({ name: "New" }), c: contact({ name: "File" }) } }, "merge");
  assert.deepEqual(Object.keys(merged.contacts).map((id) => [id, merged.contacts[id].name]), [["a", "New"], ["b", "Here"], ["c", "File"]]);
});

test("the templates page's details travel in the file, each within its limit", () => {
  const limits = { fields: { their_name: 200, where_met: 10 } };
  const result = progress.check(file({
    "quiz:online": { post: { choice: ["a"] } },
    toolkit: { fields: { their_name: "Priya", where_met: "a very long meetup name", unknown: "x", job: 7 }, extra: 1 },
  }), COURSE, null, limits);
  assert.deepEqual(result.progress.toolkit, { fields: { their_name: "Priya" } });
  assert.deepEqual(result.skipped, [
    "parts this course does not know (“toolkit.extra”)",
    "template details longer than this course keeps (“where_met” (23 characters, at most 10))",
    "template details this course does not have (“unknown”, “job”)",
  ]);
  const plain = progress.check(file({ "quiz:online": { post: { choice: ["a"] } }, toolkit: { fields: { their_name: "x".repeat(201) } } }), COURSE);
  assert.equal(plain.progress.toolkit, undefined, "without the page's limits a detail holds 200 characters");
});

// ---- Each rule of the check on its own: the exact result, so a rule that goes missing shows ----------

test("without the page's limits a plan field needs a name of the usual form", () => {
  const result = progress.check(file({ plan: { goals: "x", "Bad Field": "y", "goal!": "z", "-x": "w" } }), COURSE);
  assert.deepEqual(result.progress, { plan: { goals: "x" } });
  assert.deepEqual(result.skipped, ["plan fields this course does not have (“Bad Field”, “goal!”, “-x”)"]);
});

test("a name of 40 characters is quoted whole; one of 41 is cut", () => {
  const result = progress.check(file({ "quiz:online": { post: { choice: ["a"] } }, ["p".repeat(40)]: {}, ["q".repeat(41)]: {} }), COURSE);
  assert.deepEqual(result.skipped, ["parts this course does not know (“" + "p".repeat(40) + "”, “" + "q".repeat(39) + "…”)"]);
});

test("describe counts only records, in sections that are records", () => {
  assert.deepEqual(progress.describe({ plan: "abc", "quiz:a": [{ choice: ["a"] }], contacts: ["x"] }),
    { answers: 0, lessons: 0, plan: false, contacts: 0, reviews: 0 });
  assert.deepEqual(progress.describe({ "quiz:a": { q: { choice: ["a"] }, r: "junk", s: null } }),
    { answers: 1, lessons: 1, plan: false, contacts: 0, reviews: 0 });
});

test("an error that is not a refusal is not passed off as one", () => {
  assert.throws(() => progress.check(file({ "quiz:online": { post: { choice: ["a"] } } }), null), TypeError);
});

test("a file of exactly 4 MB is read; the version must be a number above this page's to be newer", () => {
  const base = file({ plan: { goals: "x" } }, { pad: "" });
  const exact = base.replace('"pad":""', '"pad":"' + " ".repeat(progress.MAX_BYTES - base.length) + '"');
  assert.equal(exact.length, progress.MAX_BYTES);
  assert.deepEqual(progress.check(exact, COURSE).progress, { plan: { goals: "x" } });
  for (const version of [0, -1, "2", null, true]) {
    assert.equal(refused(file({}, { version })), "its format version is missing or unknown; this page reads version 1.", String(version));
  }
});

test("sections that end up empty are left out of what is kept", () => {
  const result = progress.check(file({
    "quiz:in-person": { plan: { text: "" } },      // an empty draft: nothing worth keeping
    "quiz:online": { post: { choice: ["a"] } },
    plan: { "Bad Field": "x" },
    contacts: { "Bad Id!": {} },
  }), COURSE);
  assert.deepEqual(result.progress, { "quiz:online": { post: { choice: ["a"], correct: true } } });
  assert.deepEqual(result.held, { answers: 1, lessons: 1, plan: false, contacts: 0, reviews: 0 });
});

test("the templates page's details: the section's form, text only, and a detail exactly at its limit", () => {
  const limits = { fields: { their_name: 5 } };
  const quiz = { "quiz:online": { post: { choice: ["a"] } } };
  let result = progress.check(file({ ...quiz, toolkit: { details: {} } }), COURSE, null, limits);
  assert.deepEqual(result.progress, { "quiz:online": { post: { choice: ["a"], correct: true } } });
  assert.deepEqual(result.skipped, ["parts this course does not know (“toolkit.details”)",
    "parts in a form this course does not write (“toolkit”)"]);
  result = progress.check(file({ ...quiz, toolkit: { fields: { their_name: 5 } } }), COURSE, null, limits);
  assert.deepEqual(result.skipped, ["template details that are not text (“their_name”)"]);
  result = progress.check(file({ ...quiz, toolkit: { fields: { their_name: "Priya" } } }), COURSE, null, limits);
  assert.deepEqual(result.progress.toolkit, { fields: { their_name: "Priya" } });
  result = progress.check(file({ ...quiz, toolkit: { fields: { "Their Name": "P" } } }), COURSE);
  assert.deepEqual(result.skipped, ["template details this course does not have (“Their Name”)"]);
});

test("a contact that does not fit is named by its trimmed name, or by its ID, with every problem", () => {
  const result = progress.check(file({ "quiz:online": { post: { choice: ["a"] } }, contacts: {
    spaced01: contact({ name: "  Ann  ", met: "someday" }),
    blank001: contact({ name: "   " }),
    number01: contact({ name: 5 }),
    nothing1: null,
    twoprobs: contact({ name: "Bo", met: "x", status: "lost" }),
  } }), COURSE);
  assert.deepEqual(result.skipped, ["contacts that do not fit the tracker (" +
    "“Ann” (“Met on” “someday” is not a date written as YYYY-MM-DD, from 1900-01-01 to 2099-12-31), " +
    "“blank001” (“Name” is empty), “number01” (“Name” is not text), “nothing1” (it is not a contact), " +
    "“Bo” (“Met on” “x” is not a date written as YYYY-MM-DD, from 1900-01-01 to 2099-12-31; " +
    "“Status” “lost” is none of To follow up, Waiting for a reply, In touch, Nothing planned))"]);
});

test("choices are at most 64 keys of at most 64 characters, each a string", () => {
  const keys = Array.from({ length: 65 }, (_, i) => "k" + i);
  const course = { big: { all: { type: "multiple", options: keys, answer: keys.slice(0, 64) } } };
  const long = "x".repeat(64);
  course.big.long = { type: "single", options: [long, "y".repeat(65)], answer: [long] };
  let result = progress.check(file({ "quiz:big": { all: { choice: keys.slice(0, 64) }, long: { choice: [long] } } }), course);
  assert.deepEqual(result.progress, { "quiz:big": { all: { choice: keys.slice(0, 64), correct: true }, long: { choice: [long], correct: true } } });
  result = progress.check(file({ "quiz:big": { all: { choice: keys }, long: { choice: ["y".repeat(65)] } }, plan: { goals: "x" } }), course);
  assert.deepEqual(result.skipped, ["answers in a form this course does not write (“all” in “big”, “long” in “big”)"]);
  result = progress.check(file({ "quiz:online": { post: { choice: [["a"]] } }, plan: { goals: "x" } }), COURSE);
  assert.deepEqual(result.skipped, ["answers in a form this course does not write (“post” in “online”)"]);
});

test("a record shown as compared needs its text; an open question takes no choice; every key chosen must be an option", () => {
  const result = progress.check(file({
    "quiz:in-person": {
      pick: { choice: ["a"], revealed: true },
      plan: { text: "Mine", choice: ["a"] },
      many: { choice: ["a", "z"] },
      truth: { choice: ["false"] },
    },
  }), COURSE);
  assert.deepEqual(result.progress, { "quiz:in-person": { truth: { choice: ["false"], correct: true } } });
  assert.deepEqual(result.skipped, ["answers in a form this course does not write (“pick” in “in-person”)",
    "answers that no longer fit their question (“plan” in “in-person”, “many” in “in-person”)"]);
  assert.deepEqual(progress.check(file({ "quiz:in-person": { plan: { text: "Mine", revealed: true } } }), COURSE).progress,
    { "quiz:in-person": { plan: { text: "Mine", revealed: true } } }, "no mark: none is made up");
});
