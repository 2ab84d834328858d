// The learner's progress as data: what it holds, a lesson's score, and the check a progress file passes
// before it may touch the store. Pure, so it runs in the page (window.CourseProgress) and in Node's tests.
// `course` is {lesson slug: {question id: {type, options: [keys], answer: [keys]} or {type: "open", max}}},
// as the progress() macro writes it into the progress page.
(function (root, factory) {
  var node = typeof module === "object" && module.exports;
  var api = factory(node ? require("./score.js") : root.CourseScore);
  if (node) { module.exports = api; } else { root.CourseProgress = api; }
})(this, function (score) {
  var FORMAT = "networking-course-progress", VERSION = 1;
  var MAX_BYTES = 1024 * 1024;  // a full course of answers and a plan is far below this
  var MAX_TEXT = 20000;         // any text, when the course names no smaller limit for it
  var SEED = /^[0-9a-z]{8,32}$/, FIELD = /^[a-z0-9][a-z0-9_-]{0,63}$/;

  function isRecord(value) { return !!value && typeof value === "object" && !Array.isArray(value); }
  function own(record, key) { return Object.prototype.hasOwnProperty.call(record, key); }
  function plural(count, word) { return count + " " + word + (count === 1 ? "" : "s"); }
  // A name from a file, short and quoted, for a message.
  function quote(name) { name = String(name); return "\u201c" + (name.length > 40 ? name.slice(0, 39) + "\u2026" : name) + "\u201d"; }

  // An attempt that counts: options chosen and checked, or an open answer shown and marked by the learner.
  function answered(record) {
    return isRecord(record) && typeof record.correct === "boolean" &&
      (Array.isArray(record.choice) && record.choice.length > 0 || record.revealed === true);
  }
  function tally(section, ids) {
    var count = { answered: 0, correct: 0, total: ids.length };
    ids.forEach(function (id) {
      var record = isRecord(section) && own(section, id) ? section[id] : null;
      if (answered(record)) { count.answered++; count.correct += record.correct ? 1 : 0; }
    });
    return count;
  }

  // {answers, lessons, plan}: the question records, the lessons they are in, and whether a plan is there.
  function describe(progress) {
    var held = { answers: 0, lessons: 0, plan: false };
    Object.keys(isRecord(progress) ? progress : {}).forEach(function (name) {
      var section = progress[name];
      if (!isRecord(section)) { return; }
      if (name.indexOf("quiz:") === 0) {
        var records = Object.keys(section).filter(function (id) { return isRecord(section[id]); }).length;
        held.answers += records;
        held.lessons += records ? 1 : 0;
      } else if (name === "plan") {
        held.plan = held.plan || Object.keys(section).length > 0;
      }
    });
    return held;
  }
  // "12 answers in 3 lessons and your plan"; "" when it holds nothing.
  function summary(held) {
    var parts = held.answers ? [plural(held.answers, "answer") + " in " + plural(held.lessons, "lesson")] : [];
    return parts.concat(held.plan ? ["your plan"] : []).join(" and ");
  }

  function Refusal(message) { this.message = message; }
  function refuse(message) { throw new Refusal(message); }

  // A progress file's text, checked against the course. Returns {error: why} or {progress, held, skipped}:
  // progress holds only what the course knows, each answer's `correct` worked out again from the key;
  // skipped says what was left out. planLimits is {field: max characters} when the page publishes it.
  function check(text, course, planLimits) {
    try { return checked(text, course, planLimits); } catch (error) {
      if (error instanceof Refusal) { return { error: error.message }; }
      throw error;
    }
  }

  function checked(text, course, planLimits) {
    var data, left = {}, out = {};
    if (text.length > MAX_BYTES) { refuse(tooBig(text.length)); }
    try { data = JSON.parse(text); } catch (error) { refuse("it is not a progress file exported from this course (it is not JSON)."); }
    if (!isRecord(data) || data.format !== FORMAT) { refuse("it is not a progress file exported from this course."); }
    if (data.version !== VERSION) {
      refuse(typeof data.version === "number" && data.version > VERSION
        ? "it was made by a newer version of this course (format version " + data.version + "); this page reads version " + VERSION + "."
        : "its format version is missing or unknown; this page reads version " + VERSION + ".");
    }
    if (!isRecord(data.progress)) { refuse("it holds no progress section."); }
    function skip(kind, name, slug) { (left[kind] = left[kind] || []).push(quote(name) + (slug ? " in " + quote(slug) : "")); }

    Object.keys(data.progress).forEach(function (name) {
      var section = data.progress[name], slug = name.slice(5);
      var known = name === "plan" || name === "learner" || name.indexOf("quiz:") === 0 && own(course, slug);
      if (!known) {
        return name.indexOf("quiz:") === 0 ? skip("lessons this course does not have", slug) : skip("parts this course does not know", name);
      }
      if (!isRecord(section)) { refuse("its part " + quote(name) + " is not a list of named entries."); }
      if (name === "plan") { return plan(section); }
      if (name === "learner") { return learner(section); }
      var kept = {};
      Object.keys(section).forEach(function (id) {
        var where = "the answer to question " + quote(id) + " of lesson " + quote(slug);
        var record = shape(section[id], where);
        if (!own(course[slug], id)) { return skip("questions this course does not have", id, slug); }
        var clean = fit(record, course[slug][id], where);
        if (clean === null) { skip("answers that no longer fit their question", id, slug); } else if (clean) { kept[id] = clean; }
      });
      if (Object.keys(kept).length) { out[name] = kept; }
    });

    function plan(section) {
      var kept = {}, limits = isRecord(planLimits) ? planLimits : null;
      Object.keys(section).forEach(function (field) {
        var value = section[field], max = limits ? (own(limits, field) ? Number(limits[field]) || MAX_TEXT : -1) : FIELD.test(field) ? MAX_TEXT : -1;
        if (typeof value !== "string") { refuse("the plan field " + quote(field) + " is not text."); }
        if (max < 0) { return skip("plan fields this course does not have", field); }
        if (value.length > max) {
          refuse("the plan field " + quote(field) + " holds " + value.length + " characters, and this course keeps at most " + max + " in it.");
        }
        kept[field] = value;
      });
      if (Object.keys(kept).length) { out.plan = kept; }
    }
    function learner(section) {
      Object.keys(section).forEach(function (field) {
        if (field !== "seed") { return skip("parts this course does not know", "learner." + field); }
        if (typeof section.seed !== "string" || !SEED.test(section.seed)) {
          refuse("its learner seed is not 8 to 32 lowercase letters and digits.");
        }
        out.learner = { seed: section.seed };
      });
    }

    var skipped = Object.keys(left).map(function (kind) {
      var names = left[kind].slice(0, 5).join(", ");
      return kind + " (" + names + (left[kind].length > 5 ? " and " + (left[kind].length - 5) + " more" : "") + ")";
    });
    var held = describe(out);
    if (!held.answers && !held.plan) {
      refuse(skipped.length ? "nothing in it belongs to this course: it holds only " + skipped.join("; ") + "."
        : "it holds no answers and no plan.");
    }
    return { progress: out, held: held, skipped: skipped };
  }

  // A record's form, whatever the course: what this course's quizzes write, or a refusal.
  function shape(record, where) {
    if (!isRecord(record)) { refuse(where + " is not an answer record."); }
    if (own(record, "choice")) {
      var choice = record.choice;
      if (!Array.isArray(choice) || !choice.length) { refuse(where + " names no option."); }
      if (choice.length > 64 || !choice.every(function (key) { return typeof key === "string" && key.length > 0 && key.length <= 64; })) {
        refuse(where + " names its options in a form this course does not write.");
      }
      if (choice.some(function (key, index) { return choice.indexOf(key) !== index; })) { refuse(where + " names an option twice."); }
    } else if (!own(record, "text")) {
      refuse(where + " holds neither chosen options nor a written answer.");
    }
    if (own(record, "text") && typeof record.text !== "string") { refuse(where + " has a written answer that is not text."); }
    ["correct", "revealed"].forEach(function (flag) {
      if (own(record, flag) && typeof record[flag] !== "boolean") { refuse(where + " has \u201c" + flag + "\u201d that is neither true nor false."); }
    });
    if (record.revealed === true && !(typeof record.text === "string" && record.text.trim())) {
      refuse(where + " shows the model answer without a written answer.");
    }
    return record;
  }

  // The record as this course keeps it for that question; null when it no longer fits the question,
  // false when it holds nothing worth keeping (an empty draft).
  function fit(record, question, where) {
    if (question.type === "open") {
      if (!own(record, "text") || own(record, "choice")) { return null; }
      var max = question.max || MAX_TEXT;
      if (record.text.length > max) {
        refuse(where + " holds " + record.text.length + " characters, and this course keeps at most " + max + ".");
      }
      if (record.revealed !== true) { return record.text ? { text: record.text } : false; }
      // Right or wrong is the learner's own mark here: kept only beside the answer they compared.
      var clean = { text: record.text, revealed: true };
      if (typeof record.correct === "boolean") { clean.correct = record.correct; }
      return clean;
    }
    var choice = record.choice;
    if (!choice || (question.type !== "multiple" && choice.length !== 1) ||
        !choice.every(function (key) { return question.options.indexOf(key) >= 0; })) { return null; }
    // Never the file's word for it: right or wrong comes from the answer key.
    return { choice: choice.slice(), correct: score.isCorrect(choice, question.answer) };
  }

  function tooBig(bytes) {
    return "it is " + Math.ceil(bytes / MAX_BYTES * 10) / 10 + " MB, and a progress file of this course is at most " + MAX_BYTES / 1048576 + " MB.";
  }

  // What the store holds after an import: the file's progress alone ("replace"), or the file's records
  // laid over what is there ("merge": the file's answer wins for a question both hold; the rest stays).
  function combine(existing, incoming, how) {
    var result = JSON.parse(JSON.stringify(how === "merge" && isRecord(existing) ? existing : {}));
    Object.keys(incoming).forEach(function (name) {
      var mine = isRecord(result[name]) && own(result, name) ? result[name] : {};
      result[name] = Object.assign({}, mine, incoming[name]);
    });
    return result;
  }

  return {
    FORMAT: FORMAT, VERSION: VERSION, MAX_BYTES: MAX_BYTES, isRecord: isRecord, answered: answered, tally: tally,
    describe: describe, summary: summary, check: check, tooBig: tooBig, combine: combine
  };
});
