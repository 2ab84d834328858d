// Scoring: a choice question, and a lesson's answers. Pure, so it runs in the page (window.CourseScore) and in
// Node's tests. Every page's quizzes need it; the progress page's import checks (lib/progress.js) build on it.
(function (root, factory) {
  var api = factory();
  if (typeof module === "object" && module.exports) { module.exports = api; } else { root.CourseScore = api; }
})(this, function () {
  // Right only when the chosen keys are exactly the answer's keys: no key missing, none extra.
  function isCorrect(chosen, answer) {
    var picked = chosen.filter(function (key, index) { return chosen.indexOf(key) === index; });
    return picked.length === answer.length && picked.every(function (key) { return answer.indexOf(key) >= 0; });
  }
  function isRecord(value) { return !!value && typeof value === "object" && !Array.isArray(value); }
  // An attempt that counts: options chosen and checked, or an open answer shown and marked by the learner.
  function answered(record) {
    return isRecord(record) && typeof record.correct === "boolean" &&
      (Array.isArray(record.choice) && record.choice.length > 0 || record.revealed === true);
  }
  // {answered, correct, total} of a lesson's saved answers (section) for its question ids.
  function tally(section, ids) {
    var count = { answered: 0, correct: 0, total: ids.length };
    ids.forEach(function (id) {
      var record = isRecord(section) && Object.prototype.hasOwnProperty.call(section, id) ? section[id] : null;
      if (answered(record)) { count.answered++; count.correct += record.correct ? 1 : 0; }
    });
    return count;
  }
  return { isCorrect: isCorrect, isRecord: isRecord, answered: answered, tally: tally };
});
