const test = require("node:test");
const assert = require("node:assert/strict");
const { parts, fill, count, clip, countText } = require("../../docs/assets/lib/templates.js");

test("a template splits into words and placeholders, in order", () => {
  assert.deepEqual(parts("Hi {their_name}, from {your_name}"),
    [{ text: "Hi " }, { field: "their_name" }, { text: ", from " }, { field: "your_name" }]);
  assert.deepEqual(parts("{a}{b}"), [{ field: "a" }, { field: "b" }]);
  assert.deepEqual(parts("Dear {name}, thanks"), [{ text: "Dear " }, { field: "name" }, { text: ", thanks" }]);
  assert.deepEqual(parts("No blanks {Not_One} {x-y}"), [{ text: "No blanks {Not_One} {x-y}" }]);
});

test("filling replaces each placeholder with its value, or its blank", () => {
  const text = "Hi {their_name}, it was great meeting you at {where_met}. {your_name}";
  assert.equal(fill(text, { their_name: "Priya", where_met: "the meetup", your_name: "Sam" }),
    "Hi Priya, it was great meeting you at the meetup. Sam");
  assert.equal(fill(text, { their_name: "Priya" }, (name) => "[" + name + "]"),
    "Hi Priya, it was great meeting you at [where_met]. [your_name]");
  assert.equal(fill(text, { their_name: "", where_met: 7 }), "Hi {their_name}, it was great meeting you at {where_met}. {your_name}",
    "an empty or non-text value leaves the blank");
  assert.equal(fill("Hi {name}.", null), "Hi {name}.", "no values at all leaves every blank");
  assert.equal(fill("Hi {name}.", undefined, (name) => "[" + name + "]"), "Hi [name].");
});

test("a value is text: it is never filled in again, and names on the prototype are not values", () => {
  assert.equal(fill("{a} and {b}", { a: "{b}", b: "B" }), "{b} and B");
  assert.equal(fill("{constructor}", {}), "{constructor}");
  assert.equal(fill("{constructor}", { constructor: "x" }), "x", "an own value of that name is used");
});

test("characters are counted as a text box counts them", () => {
  assert.equal(count("Hello"), 5);
  assert.equal(count("caf\u00e9"), 4, "a composed letter is one");
  assert.equal(count("cafe\u0301"), 5, "a letter and a combining accent are two");
  assert.equal(count("\ud83d\udc4b"), 2, "an emoji is two");
  assert.equal(count("a\r\nb"), 3, "a line break is one, however it is written");
  assert.equal(count("a\rb\nc"), 5);
  assert.equal(count(""), 0);
});

test("clipping keeps the limit without breaking an emoji", () => {
  assert.equal(clip("abcdef", 4), "abcd");
  assert.equal(clip("abc", 4), "abc");
  assert.equal(clip("abc\ud83d\udc4b", 4), "abc", "the emoji would be cut in half: it goes whole");
  assert.equal(clip("ab\ud83d\udc4b", 4), "ab\ud83d\udc4b");
  assert.equal(clip("\ud83d\udc4babc", 3), "\ud83d\udc4ba", "an emoji before the cut stays");
  assert.equal(clip("ab\ud83d", 3), "ab\ud83d", "text within its limit is returned as it is");
  assert.equal(clip("abc\ud83d", 4), "abc\ud83d");
});

test("the count says how far over the limit a message is", () => {
  assert.equal(countText(169, 300), "169 of 300 characters");
  assert.equal(countText(300, 300), "300 of 300 characters");
  assert.equal(countText(312, 300), "312 of 300 characters: 12 over the limit");
  assert.equal(countText(355, 0), "355 characters");
  assert.equal(countText(1, 0), "1 character");
});
