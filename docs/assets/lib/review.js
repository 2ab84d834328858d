// The review schedule: which questions come back, and when. Pure, so it runs in the page (window.CourseReview)
// and in Node's tests. The store's section "review" holds {"<lesson>/<question id>": {box, due, seen}}:
// box 0 holds a question last answered wrong (due at once); a right answer moves it up a box, and it is due
// again 1, 3, 7 or 21 days later (boxes 1 to 4). Days are the learner's calendar days, "YYYY-MM-DD", so a
// question answered in the evening is back the next morning. Only choice questions are scheduled.
(function (root, factory) {
  var api = factory();
  if (typeof module === "object" && module.exports) { module.exports = api; } else { root.CourseReview = api; }
})(this, function () {
  var DAYS = [0, 1, 3, 7, 21];  // how long after an answer a question in each box is due again
  var DAY = /^(20\d\d)-(\d\d)-(\d\d)$/;  // 2000-01-01 to 2099-12-31, as the plan's dates

  function isRecord(value) { return !!value && typeof value === "object" && !Array.isArray(value); }
  function own(record, key) { return isRecord(record) && Object.prototype.hasOwnProperty.call(record, key); }
  function pad(number) { return (number < 10 ? "0" : "") + number; }

  // A Date as the learner's calendar day; n days after a day (counted in UTC, so no clock change moves it).
  function today(date) { return date.getFullYear() + "-" + pad(date.getMonth() + 1) + "-" + pad(date.getDate()); }
  function utc(day) { var part = DAY.exec(day); return part && new Date(Date.UTC(+part[1], part[2] - 1, +part[3])); }
  function after(day, count) {
    var date = utc(day);
    date.setUTCDate(date.getUTCDate() + count);
    return date.toISOString().slice(0, 10);
  }
  function isDay(value) { var date = typeof value === "string" && utc(value); return !!date && date.toISOString().slice(0, 10) === value; }

  // The schedule after an answer (a new object): wrong goes back to box 0, due today; right goes up a box
  // when the question was due (or new to the schedule), due after that box's days. A right answer before
  // its day changes nothing: answering twice in a row does not skip the wait. correct null drops the entry.
  function answer(schedule, name, correct, now) {
    var next = Object.assign({}, isRecord(schedule) ? schedule : {}), entry = clean(own(next, name) ? next[name] : null);
    var day = today(now);
    if (correct === null) { delete next[name]; } else if (!correct) { next[name] = { box: 0, due: day, seen: day }; }
    else if (!entry || !(entry.due > day)) {
      var box = Math.min((entry ? entry.box : 0) + 1, DAYS.length - 1);
      next[name] = { box: box, due: after(day, DAYS[box]), seen: day };
    }
    return next;
  }

  // The questions due on `day`, as "<lesson>/<id>" in the order of `known` ({lesson: [question ids]}):
  // those last answered wrong, those whose day has come, and right answers the schedule has no day for
  // (kept from before it, or imported without it).
  function due(progress, day, known) {
    var schedule = own(progress, "review") && isRecord(progress.review) ? progress.review : {}, found = [];
    Object.keys(known).forEach(function (lesson) {
      var answers = own(progress, "quiz:" + lesson) ? progress["quiz:" + lesson] : {};
      known[lesson].forEach(function (id) {
        var name = lesson + "/" + id, record = own(answers, id) ? answers[id] : null, entry = own(schedule, name) ? schedule[name] : null;
        var answered = isRecord(record) && Array.isArray(record.choice) && typeof record.correct === "boolean";
        if (answered && !record.correct || (isRecord(entry) ? !(entry.due > day) : answered)) { found.push(name); }
      });
    });
    return found;
  }

  // The first day after `day` on which a question of `known` is due, or "" when none is scheduled.
  function nextDay(progress, day, known) {
    var schedule = own(progress, "review") && isRecord(progress.review) ? progress.review : {}, next = "";
    Object.keys(known).forEach(function (lesson) {
      known[lesson].forEach(function (id) {
        var entry = schedule[lesson + "/" + id];
        if (own(schedule, lesson + "/" + id) && isRecord(entry) && entry.due > day && (!next || entry.due < next)) { next = entry.due; }
      });
    });
    return next;
  }

  // An entry from a progress file in the form this page writes, or null: box 0 to 4, two real days,
  // and a due day no later than its box allows after the day it was answered.
  function clean(entry) {
    if (!isRecord(entry) || [0, 1, 2, 3, 4].indexOf(entry.box) < 0 || !isDay(entry.due) || !isDay(entry.seen) ||
        entry.due < entry.seen || entry.due > after(entry.seen, DAYS[entry.box])) { return null; }
    return { box: entry.box, due: entry.due, seen: entry.seen };
  }

  return { DAYS: DAYS, today: today, after: after, isDay: isDay, answer: answer, due: due, nextDay: nextDay, clean: clean };
});
