// Learner progress, kept only in this browser under one localStorage key.
// Sections: "quiz:<lesson-slug>" -> {question-id: {...}}, "plan" -> {field: value}.
// When storage is blocked or full, progress lives in memory for the visit and nothing breaks.
(function () {
  var KEY = "networking-course:v1";
  var memory = {};
  function isRecord(value) { return !!value && typeof value === "object" && !Array.isArray(value); }
  function read() {
    try {
      var stored = JSON.parse(localStorage.getItem(KEY) || "{}");
      if (isRecord(stored)) { return stored; }
    } catch (error) { /* blocked storage or garbage: fall back to memory */ }
    return memory;
  }
  function write(data) {
    memory = data;
    try { localStorage.setItem(KEY, JSON.stringify(data)); return true; } catch (error) { return false; }
  }
  window.CourseStore = {
    KEY: KEY,
    isRecord: isRecord,
    get: function (section) { var value = read()[section]; return isRecord(value) ? value : {}; },
    set: function (section, value) { var data = read(); data[section] = value; return write(data); },
    all: read,
    replace: write,
    clear: function () { memory = {}; try { localStorage.removeItem(KEY); } catch (error) { /* nothing stored */ } }
  };
})();
