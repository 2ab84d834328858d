const test = require("node:test");
const assert = require("node:assert/strict");
const { order, isSeed, newSeed } = require("../../docs/assets/lib/order.js");

const KEYS = ["a", "b", "c", "d"];
// Seeds as alike as seeds get (counting in base 36), so the hash has to do all the mixing.
const seeds = (count) => Array.from({ length: count }, (_, i) => i.toString(36).padStart(8, "0"));

// How often each key lands in each position over the given orders: {key: [count at 0, at 1, ...]}.
function positions(orders, keys) {
  const counts = Object.fromEntries(keys.map((key) => [key, keys.map(() => 0)]));
  for (const shown of orders) shown.forEach((key, place) => counts[key][place]++);
  return counts;
}

function assertUniform(orders, keys, tolerance) {
  const expected = orders.length / keys.length;
  for (const [key, counts] of Object.entries(positions(orders, keys))) {
    counts.forEach((count, place) => {
      assert.ok(Math.abs(count - expected) <= tolerance * expected,
        `${key} at position ${place}: ${count} times of ${orders.length}, expected about ${expected}`);
    });
  }
}

test("the same learner, lesson and question always give the same order", () => {
  const first = order("k3x9q2mz", "in-person", "what-to-pack", KEYS);
  assert.deepEqual(order("k3x9q2mz", "in-person", "what-to-pack", KEYS), first);
  assert.deepEqual(order("k3x9q2mz", "in-person", "what-to-pack", ["d", "b", "a", "c"]), first,
    "the bank's listing order does not change what the learner sees");
});

test("an order is a permutation of the keys and leaves the input alone", () => {
  for (let size = 1; size <= 8; size++) {
    const keys = Array.from({ length: size }, (_, i) => String.fromCharCode(97 + i));
    for (const seed of seeds(50)) {
      const input = keys.slice();
      const shown = order(seed, "lesson", "q", input);
      assert.deepEqual(input, keys);
      assert.equal(shown.length, size);
      assert.deepEqual(shown.slice().sort(), keys);
    }
  }
  assert.deepEqual(order("k3x9q2mz", "l", "q", ["yes", "no", "10", "9"]).sort(), ["10", "9", "no", "yes"]);
});

test("different seeds give different orders, and every order occurs", () => {
  assert.notDeepEqual(
    ["q1", "q2", "q3", "q4", "q5"].map((id) => order("aaaaaaaa", "in-person", id, KEYS)),
    ["q1", "q2", "q3", "q4", "q5"].map((id) => order("aaaaaaab", "in-person", id, KEYS)));
  const seen = new Set(seeds(2000).map((seed) => order(seed, "in-person", "q", KEYS).join("")));
  assert.equal(seen.size, 24, "all 24 orders of four options");
});

test("one learner's questions are not all in the same order", () => {
  const seen = new Set();
  for (let i = 0; i < 200; i++) seen.add(order("k3x9q2mz", "in-person", `question-${i}`, KEYS).join(""));
  assert.equal(seen.size, 24);
  assert.notDeepEqual(order("k3x9q2mz", "in-person", "q", KEYS), order("k3x9q2mz", "online", "q", KEYS),
    "the lesson counts too");
});

test("each key lands in each position about equally often", () => {
  for (const keys of [["a", "b"], ["a", "b", "c"], KEYS, ["a", "b", "c", "d", "e"]]) {
    assertUniform(seeds(6000).map((seed) => order(seed, "in-person", "q", keys)), keys, 0.12);
  }
  const random = Array.from({ length: 4000 }, () => order(newSeed(), "networking-online", "cold-message", KEYS));
  assertUniform(random, KEYS, 0.15);
  const ids = Array.from({ length: 4000 }, (_, i) => order("k3x9q2mz", "in-person", `q${i}`, KEYS));
  assertUniform(ids, KEYS, 0.15);
});

test("the bank's first option is not favoured for the first place", () => {
  for (const keys of [["a", "b"], ["a", "b", "c"], KEYS]) {
    const orders = seeds(6000).map((seed) => order(seed, "what-networking-is", "definition", keys));
    const first = orders.filter((shown) => shown[0] === keys[0]).length / orders.length;
    assert.ok(Math.abs(first - 1 / keys.length) < 0.03, `${keys[0]} first in ${first} of orders`);
    const unchanged = orders.filter((shown) => shown.join() === keys.join()).length / orders.length;
    let factorial = 1;
    for (let n = 2; n <= keys.length; n++) factorial *= n;
    assert.ok(Math.abs(unchanged - 1 / factorial) < 0.03, `the bank's order kept in ${unchanged} of orders`);
  }
});

test("a new seed is 21 characters of [0-9a-z], different every time", () => {
  const made = Array.from({ length: 1000 }, () => newSeed());
  for (const seed of made) {
    assert.match(seed, /^[0-9a-z]{21}$/);
    assert.ok(isSeed(seed));
  }
  assert.equal(new Set(made).size, made.length);
  const zeros = { getRandomValues: (array) => array };
  assert.equal(newSeed(zeros), "0".repeat(21), "short numbers are padded");
  const top = { getRandomValues: (array) => array.fill(0xffffffff) };
  assert.equal(newSeed(top), "1z141z3".repeat(3));
});

test("only a string of 8 to 32 characters of [0-9a-z] is a seed", () => {
  for (const good of ["00000000", "abcdefgh12345678", "z".repeat(32)]) assert.equal(isSeed(good), true, good);
  for (const bad of ["1234567", "z".repeat(33), "ABCDEFGH", "abcd efgh", "abcdefg-", "", 12345678, null, undefined,
    ["abcdefgh"], { seed: "abcdefgh" }, "abcdefgh\n"]) {
    assert.equal(isSeed(bad), false, JSON.stringify(bad));
  }
});

test("an order stays what it was: a learner's options do not move when the course is updated", () => {
  // Exact orders, so a change to the hash, the generator or what they are fed shows here.
  assert.deepEqual(order("k3x9q2mz", "in-person", "what-to-pack", ["a", "b", "c", "d"]), ["a", "b", "d", "c"]);
  assert.deepEqual(order("0000000a", "online", "first-message", ["a", "b", "c", "d", "e"]), ["a", "e", "c", "b", "d"]);
  assert.deepEqual(order("zz9y8x7w6v", "introverts", "recharge", ["true", "false"]), ["false", "true"]);
  // The keys are kept apart in what is hashed: "ab c d" and "a bc d" are different questions.
  assert.deepEqual(order("k3x9q2mz", "l", "q", ["ab", "c", "d"]), ["d", "ab", "c"]);
  assert.deepEqual(order("k3x9q2mz", "l", "q", ["a", "bc", "d"]), ["d", "a", "bc"]);
});
