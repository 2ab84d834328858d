// Learner progress, kept only in this browser under one localStorage key. Sections: "quiz:<lesson-slug>"
// -> {question-id: {...}}, "plan" -> {field: value}, "learner" -> {seed}.
// Once a write fails (storage full or blocked), memory is the truth for the visit (instant navigation
// keeps it; sessionStorage, where it works, keeps it across full page loads) and a notice that stays
// says so once. set() still returns false.
(function () {
  var KEY = "networking-course:v1", UNREAD = KEY + ":unread";
  // unread: reading the stored copy failed, so a write would replace progress this visit never saw; the
  // visit then lives in memory only and leaves the stored copy as it is.
  var memory = null, notice = null, unread = false;
  function isRecord(value) { return !!value && typeof value === "object" && !Array.isArray(value); }
  function attempt(work) { try { work(); return true; } catch (error) { return false; } }
  function parse(text) {
    var data = {};
    attempt(function () { data = JSON.parse(text || "{}"); });
    return isRecord(data) ? data : {};
  }
  function read() {
    var text = memory;
    if (text === null && !attempt(function () { text = localStorage.getItem(KEY); })) {
      unread = true;
      attempt(function () { sessionStorage.setItem(UNREAD, "1"); });
    }
    return parse(text);
  }
  function write(data) {
    var text = JSON.stringify(data);
    if (!unread && attempt(function () { localStorage.setItem(KEY, text); })) {
      if (memory !== null) { memory = null; attempt(function () { sessionStorage.removeItem(KEY); }); warn(false); }
      return true;
    }
    memory = text;
    attempt(function () { sessionStorage.setItem(KEY, text); });
    warn(true);
    return false;
  }

  // One calm, lasting notice: a live region outside the part of the page that instant navigation swaps.
  function warn(on) {
    var place = document.querySelector(".md-container");
    if (!on && notice) { notice.remove(); notice = null; }
    if (!on || notice || !place) { return; }
    notice = document.createElement("section");
    notice.className = "course-notice";
    notice.setAttribute("aria-label", "Your progress is not being saved");
    var status = notice.appendChild(document.createElement("p"));
    status.setAttribute("role", "status");
    place.parentNode.insertBefore(notice, place);
    // Filled once the region is in the page, so that screen readers announce it.
    setTimeout(function () {
      var nav = document.querySelector('a.md-nav__link[href$="progress/"], a.md-nav__link[href$="progress.html"]');
      var link = document.createElement(nav ? "a" : "span");
      link.textContent = "export your progress";
      if (nav) { link.href = nav.href; }
      status.append("This browser is not saving your progress: your answers, your plan and your contacts last only for this visit. " +
        "To keep them, ", link, " before you leave, or take the course in another browser or a normal (not private) window.");
    }, 50);
  }

  // An earlier page of this visit could not save: carry on from what it kept in the tab.
  attempt(function () { memory = sessionStorage.getItem(KEY); unread = sessionStorage.getItem(UNREAD) !== null; });
  if (memory !== null) { warn(true); }

  window.CourseStore = {
    KEY: KEY,
    isRecord: isRecord,
    get: function (section) { var value = read()[section]; return isRecord(value) ? value : {}; },
    set: function (section, value) { var data = read(); data[section] = value; return write(data); },
    all: read,
    replace: write,
    clear: function () {
      var removed = attempt(function () { localStorage.removeItem(KEY); });
      return removed && memory === null || write({});
    },
    // Hands the browser a file to save: the exports of what is kept here (progress, plan, contacts).
    download: function (name, type, data) {
      var link = document.createElement("a");
      link.href = URL.createObjectURL(new Blob([data], { type: type }));
      link.download = name;
      document.body.appendChild(link);
      link.click();
      link.remove();
      setTimeout(function () { URL.revokeObjectURL(link.href); }, 1000);
    }
  };
})();
