// The order in which a learner sees a question's options: pure, so it runs in the page
// (window.CourseOrder) and in Node's tests. Each learner has a seed of their own; the order follows
// from (seed, lesson, question id, option keys) alone, so it is the same on every visit and device
// that carries the seed, and nobody else's.
(function (root, factory) {
  var api = factory();
  if (typeof module === "object" && module.exports) { module.exports = api; } else { root.CourseOrder = api; }
})(this, function () {
  var SEED = /^[0-9a-z]{8,32}$/;

  // xmur3's string hash: a well-mixed 32-bit number from any text.
  function hash(text) {
    var h = 1779033703 ^ text.length;
    for (var i = 0; i < text.length; i++) {
      h = Math.imul(h ^ text.charCodeAt(i), 3432918353);
      h = (h << 13) | (h >>> 19);
    }
    h = Math.imul(h ^ (h >>> 16), 2246822507);
    h = Math.imul(h ^ (h >>> 13), 3266489909);
    return (h ^ (h >>> 16)) >>> 0;
  }

  // mulberry32: numbers in [0, 1) from a 32-bit state.
  function generator(state) {
    return function () {
      state = (state + 0x6d2b79f5) | 0;
      var t = Math.imul(state ^ (state >>> 15), 1 | state);
      t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
      return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    };
  }

  // The keys in this learner's order (a new array). The keys are sorted first, so the order does not
  // depend on how the bank lists them; Fisher–Yates makes every order equally likely.
  function order(seed, lesson, question, keys) {
    var shown = keys.slice().sort();
    var next = generator(hash([seed, lesson, question, shown.join(" ")].join("\n")));
    for (var i = shown.length - 1; i > 0; i--) {
      var j = Math.floor(next() * (i + 1)), kept = shown[i];
      shown[i] = shown[j];
      shown[j] = kept;
    }
    return shown;
  }

  function isSeed(value) { return typeof value === "string" && SEED.test(value); }

  // A new learner's seed: 21 characters of [0-9a-z] from 96 random bits (source: a Web Crypto object).
  function newSeed(source) {
    var words = (source || crypto).getRandomValues(new Uint32Array(3));
    return [].map.call(words, function (word) { return ("000000" + word.toString(36)).slice(-7); }).join("");
  }

  return { order: order, isSeed: isSeed, newSeed: newSeed };
});
