// Scoring a choice question: pure, so it runs in the page (window.CourseScore) and in Node's tests.
(function (root, factory) {
  var api = factory();
  if (typeof module === "object" && module.exports) { module.exports = api; } else { root.CourseScore = api; }
})(this, function () {
  // Right only when the chosen keys are exactly the answer's keys: no key missing, none extra.
  function isCorrect(chosen, answer) {
    var picked = chosen.filter(function (key, index) { return chosen.indexOf(key) === index; });
    return picked.length === answer.length && picked.every(function (key) { return answer.indexOf(key) >= 0; });
  }
  return { isCorrect: isCorrect };
});
