const test = require("node:test");
const assert = require("node:assert/strict");
const score = require("../../docs/assets/lib/score.js");
const { isCorrect } = score;

test("a single answer is right only when it is the key", () => {
  assert.equal(isCorrect(["b"], ["b"]), true);
  assert.equal(isCorrect(["a"], ["b"]), false);
});

test("a multiple answer needs every key and nothing else", () => {
  assert.equal(isCorrect(["c", "a"], ["a", "c"]), true);
  assert.equal(isCorrect(["a"], ["a", "c"]), false, "some of the keys is not enough");
  assert.equal(isCorrect(["a", "b", "c"], ["a", "c"]), false, "an extra wrong choice");
  assert.equal(isCorrect(["a", "a"], ["a", "c"]), false, "the same key twice is one key");
  assert.equal(isCorrect([], ["a"]), false);
});

test("a lesson's tally counts only real attempts, by question id", () => {
  const { tally, answered } = require("../../docs/assets/lib/score.js");
  const section = { a: { choice: ["a"], correct: true }, b: { choice: [], correct: true }, c: { text: "x", revealed: true },
                    d: { text: "x", revealed: true, correct: false }, e: { choice: ["b"], correct: false } };
  assert.deepEqual(tally(section, ["a", "b", "c", "d", "e", "f"]), { answered: 3, correct: 1, total: 6 });
  assert.deepEqual(tally(undefined, ["a"]), { answered: 0, correct: 0, total: 1 });
  assert.deepEqual(tally({}, ["constructor"]), { answered: 0, correct: 0, total: 1 });
  assert.equal(answered({ choice: ["a"], correct: "yes" }), false);
  assert.equal(answered(["a"]), false);
});

test("as many keys as the answer is not enough: each one must be a key", () => {
  assert.equal(isCorrect(["a", "b"], ["a", "c"]), false);
  assert.equal(isCorrect(["b", "a"], ["a", "b"]), true);
});

test("a record is a plain object: not text, a number, a list or nothing", () => {
  assert.equal(score.isRecord({ choice: ["a"] }), true);
  for (const value of ["text", 7, true, ["a"], null, undefined, 0, ""]) { assert.equal(score.isRecord(value), false, String(value)); }
});
