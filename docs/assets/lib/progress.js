// The learner's progress as data: what it holds, a lesson's score, and the check a progress file passes
// before it may touch the store. Pure, so it runs in the page (window.CourseProgress) and in Node's tests.
// `course` is {lesson slug: {question id: {type, options: [keys], answer: [keys]} or {type: "open", max}}},
// as the progress() macro writes it into the progress page. The contact tracker's section is checked by
// CourseContacts (lib/contacts.js).
(function (root, factory) {
  var node = typeof module === "object" && module.exports;
  var api = factory(node ? require("./score.js") : root.CourseScore, node ? require("./review.js") : root.CourseReview,
    node ? require("./contacts.js") : root.CourseContacts);
  if (node) { module.exports = api; } else { root.CourseProgress = api; }
})(this, function (score, schedule, contacts) {
  var FORMAT = "networking-course-progress", VERSION = 1;
  var MAX_BYTES = 4 * 1024 * 1024;  // answers, a plan and a full contact tracker, in any script, are below this
  var MAX_TEXT = 20000;         // any text, when the course names no smaller limit for it
  var TOOLKIT_TEXT = 200;       // a detail on the templates page (toolkit/templates.yml), unless the page says otherwise
  var SEED = /^[0-9a-z]{8,32}$/, FIELD = /^[a-z0-9][a-z0-9_-]{0,63}$/;

  // Shared with the quizzes (lib/score.js), looked up when called: the module loads before anything needs them.
  function isRecord(value) { return score.isRecord(value); }
  function tally(section, ids) { return score.tally(section, ids); }
  function own(record, key) { return Object.prototype.hasOwnProperty.call(record, key); }
  function plural(count, word) { return count + " " + word + (count === 1 ? "" : "s"); }
  // A name from a file, short and quoted, for a message.
  function quote(name) { name = String(name); return "\u201c" + (name.length > 40 ? name.slice(0, 39) + "\u2026" : name) + "\u201d"; }

  // {answers, lessons, plan, contacts, reviews}: the question records, the lessons they are in, whether a plan
  // is there, the people in the contact tracker and the questions with a review date.
  function describe(progress) {
    var held = { answers: 0, lessons: 0, plan: false, contacts: 0, reviews: 0 };
    Object.keys(isRecord(progress) ? progress : {}).forEach(function (name) {
      var section = progress[name];
      if (!isRecord(section)) { return; }
      if (name.indexOf("quiz:") === 0) {
        var records = Object.keys(section).filter(function (id) { return isRecord(section[id]); }).length;
        held.answers += records;
        held.lessons += records ? 1 : 0;
      } else if (name === "plan") {
        held.plan = held.plan || Object.keys(section).length > 0;
      } else if (name === "contacts" || name === "review") {
        held[name === "review" ? "reviews" : name] = Object.keys(section).filter(function (id) { return isRecord(section[id]); }).length;
      }
    });
    return held;
  }
  // "12 answers in 3 lessons, your plan, 4 contacts and 9 review dates"; "" when it holds nothing.
  function summary(held) {
    var parts = held.answers ? [plural(held.answers, "answer") + " in " + plural(held.lessons, "lesson")] : [];
    parts = parts.concat(held.plan ? ["your plan"] : [], held.contacts ? [plural(held.contacts, "contact")] : [],
                         held.reviews ? [plural(held.reviews, "review date")] : []);
    return parts.length > 1 ? parts.slice(0, -1).join(", ") + " and " + parts[parts.length - 1] : parts.join("");
  }

  function Refusal(message) { this.message = message; }
  function refuse(message) { throw new Refusal(message); }

  // A progress file's text, checked against the course. Returns {error: why} when the file as a whole
  // cannot be read, or {progress, held, skipped}: progress holds only what the course knows, in the form
  // its pages write, each answer's `correct` worked out again from the key; skipped says, by reason, what
  // was left out (one bad entry costs only itself). planLimits is {field: max characters} when known.
  function check(text, course, planLimits, toolkitLimits) {
    try { return checked(text, course, planLimits, toolkitLimits); } catch (error) {
      if (error instanceof Refusal) { return { error: error.message }; }
      throw error;
    }
  }

  function checked(text, course, planLimits, toolkitLimits) {
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
    function skip(kind, name, slug, detail) {
      (left[kind] = left[kind] || []).push(quote(name) + (slug ? " in " + quote(slug) : "") + (detail ? " " + detail : ""));
    }
    function longer(length, max) { return "(" + length + " characters, at most " + max + ")"; }

    Object.keys(data.progress).forEach(function (name) {
      var section = data.progress[name], slug = name.slice(5), lesson = name.indexOf("quiz:") === 0;
      if (lesson ? !own(course, slug) : ["plan", "learner", "review", "contacts", "toolkit"].indexOf(name) < 0) {
        return lesson ? skip("lessons this course does not have", slug) : skip("parts this course does not know", name);
      }
      if (!isRecord(section)) { return skip("parts in a form this course does not write", name); }
      if (name === "plan") { return plan(section); }
      if (name === "learner") { return learner(section); }
      if (name === "review") { return review(section); }
      if (name === "contacts") { return tracker(section); }
      if (name === "toolkit") { return toolkit(section); }
      var kept = {};
      Object.keys(section).forEach(function (id) {
        var record = section[id], question = own(course[slug], id) ? course[slug][id] : null;
        if (!question) { return skip("questions this course does not have", id, slug); }
        if (!shaped(record)) { return skip("answers in a form this course does not write", id, slug); }
        var max = question.max || MAX_TEXT, clean = fit(record, question);
        if (typeof record.text === "string" && record.text.length > max) {
          skip("answers longer than this course keeps", id, slug, longer(record.text.length, max));
        } else if (clean === null) { skip("answers that no longer fit their question", id, slug); }
        else if (clean) { kept[id] = clean; }
      });
      if (Object.keys(kept).length) { out[name] = kept; }
    });

    function plan(section) {
      var kept = {}, limits = isRecord(planLimits) ? planLimits : null;
      Object.keys(section).forEach(function (field) {
        var value = section[field], max = limits ? (own(limits, field) ? Number(limits[field]) || MAX_TEXT : -1) : FIELD.test(field) ? MAX_TEXT : -1;
        if (max < 0) { skip("plan fields this course does not have", field); }
        else if (typeof value !== "string") { skip("plan fields that are not text", field); }
        else if (value.length > max) { skip("plan fields longer than this course keeps", field, "", longer(value.length, max)); }
        else { kept[field] = value; }
      });
      if (Object.keys(kept).length) { out.plan = kept; }
    }
    function learner(section) {
      Object.keys(section).forEach(function (field) {
        if (field !== "seed") { skip("parts this course does not know", "learner." + field); }
        else if (typeof section.seed !== "string" || !SEED.test(section.seed)) { skip("parts in a form this course does not write", "learner.seed"); }
        else { out.learner = { seed: section.seed }; }
      });
    }

    // The review schedule: "<lesson>/<question id>" of a choice question -> {box, due, seen} (lib/review.js).
    function review(section) {
      var kept = {};
      Object.keys(section).forEach(function (name) {
        var part = name.split("/"), lesson = part.length === 2 && own(course, part[0]) ? course[part[0]] : {};
        var question = own(lesson, part[1]) ? lesson[part[1]] : null, entry = schedule.clean(section[name]);
        if (!question) { skip("review dates for questions this course does not have", name); }
        else if (question.type === "open" || !entry) { skip("review dates in a form this course does not write", name); }
        else { kept[name] = entry; }
      });
      if (Object.keys(kept).length) { out.review = kept; }
    }
    // The details a learner fills in once on the templates page: {fields: {name: text}}, each within its limit
    // (meta course-toolkit-limits; without it, names of the usual form and TOOLKIT_TEXT characters).
    function toolkit(section) {
      var kept = {}, fields = isRecord(section.fields) ? section.fields : null;
      var limits = isRecord(toolkitLimits) && isRecord(toolkitLimits.fields) ? toolkitLimits.fields : null;
      Object.keys(section).forEach(function (key) { if (key !== "fields") { skip("parts this course does not know", "toolkit." + key); } });
      if (!fields) { return skip("parts in a form this course does not write", "toolkit"); }
      Object.keys(fields).forEach(function (field) {
        var value = fields[field], max = limits ? (own(limits, field) ? Number(limits[field]) || TOOLKIT_TEXT : -1) : FIELD.test(field) ? TOOLKIT_TEXT : -1;
        if (max < 0) { skip("template details this course does not have", field); }
        else if (typeof value !== "string") { skip("template details that are not text", field); }
        else if (value.length > max) { skip("template details longer than this course keeps", field, "", longer(value.length, max)); }
        else { kept[field] = value; }
      });
      if (Object.keys(kept).length) { out.toolkit = { fields: kept }; }
    }
    // Each contact as the tracker keeps it; one that does not fit is named (by its name where it has one).
    function tracker(section) {
      var kept = {}, count = 0;
      Object.keys(section).forEach(function (id) {
        var record = section[id], checked = contacts.clean(record);
        var name = isRecord(record) && typeof record.name === "string" && record.name.trim() ? record.name.trim() : id;
        if (!contacts.ID.test(id)) { skip("contacts with an ID the tracker does not write", id); }
        else if (checked.problems) { skip("contacts that do not fit the tracker", name, "", "(" + checked.problems.join("; ") + ")"); }
        else if (count >= contacts.MAX) { skip("contacts past the tracker's limit of " + contacts.MAX, name); }
        else { kept[id] = checked.contact; count++; }
      });
      if (count) { out.contacts = kept; }
    }

    var skipped = Object.keys(left).map(function (kind) {
      var names = left[kind].slice(0, 5).join(", ");
      return kind + " (" + names + (left[kind].length > 5 ? " and " + (left[kind].length - 5) + " more" : "") + ")";
    });
    var held = describe(out);
    if (!held.answers && !held.plan && !held.contacts) {
      refuse(skipped.length ? "nothing in it can be imported into this course: it holds only " + skipped.join("; ") + "."
        : "it holds no answers, no plan and no contacts.");
    }
    return { progress: out, held: held, skipped: skipped };
  }

  // Whether a record has the form this course's quizzes write: options chosen (at least one, each named
  // once) or a written answer; flags true or false; the model answer shown only beside a written answer.
  function shaped(record) {
    if (!isRecord(record)) { return false; }
    var choice = record.choice, text = record.text;
    if (own(record, "choice") && !(Array.isArray(choice) && choice.length > 0 && choice.length <= 64 &&
        choice.every(function (key, index) { return typeof key === "string" && key && key.length <= 64 && choice.indexOf(key) === index; }))) {
      return false;
    }
    return (own(record, "choice") || own(record, "text")) && (!own(record, "text") || typeof text === "string") &&
      ["correct", "revealed"].every(function (flag) { return !own(record, flag) || typeof record[flag] === "boolean"; }) &&
      (record.revealed !== true || typeof text === "string" && text.trim() !== "");
  }

  // The record as this course keeps it for that question; null when it no longer fits the question,
  // false when it holds nothing worth keeping (an empty draft).
  function fit(record, question) {
    if (question.type === "open") {
      if (!own(record, "text") || own(record, "choice")) { return null; }
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
    return { choice: choice, correct: score.isCorrect(choice, question.answer) };
  }

  function tooBig(bytes) {
    return "it is " + Math.ceil(bytes / 1048576 * 10) / 10 + " MB, and a progress file of this course is at most " + MAX_BYTES / 1048576 + " MB.";
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
    FORMAT: FORMAT, VERSION: VERSION, MAX_BYTES: MAX_BYTES, isRecord: isRecord, tally: tally,
    describe: describe, summary: summary, check: check, tooBig: tooBig, combine: combine
  };
});
