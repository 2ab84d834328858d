// The learner's progress page: each lesson's completion and score, and export, import and reset.
// An import is checked by CourseProgress against the answer keys the page carries (data-course) and
// the plan's limits (meta course-plan-limits) before anything changes; then the page shows what the
// file holds and the learner chooses whether it replaces or merges with what is here, or neither.
(function () {
  var store = window.CourseStore, progress = window.CourseProgress;

  function all(selector, root) { return [].slice.call(root.querySelectorAll(selector)); }
  function make(tag, className, text) {
    var node = document.createElement(tag);
    node.className = className;
    node.textContent = text;
    return node;
  }
  function limits(name) {
    var meta = document.querySelector('meta[name="' + name + '"]');
    try { return meta ? JSON.parse(meta.content) : null; } catch (error) { return null; }
  }
  function holds(data) { return progress.summary(progress.describe(data)); }

  function setUpProgress(root) {
    var course = JSON.parse(root.getAttribute("data-course"));
    var message = root.querySelector(".progress-message"), file = root.querySelector("input[type=file]");
    var importButton = root.querySelector('[data-action="import"]'), question = null;
    function say(text) { message.textContent = text; }
    function show() {
      var rows = all("tr[data-quiz]", root), done = 0;
      rows.forEach(function (row) {
        var slug = row.getAttribute("data-quiz"), ids = Object.keys(course[slug] || {});
        var count = progress.tally(store.get("quiz:" + slug), ids), complete = ids.length > 0 && count.answered === ids.length;
        done += complete ? 1 : 0;
        row.querySelector(".progress-done").textContent = complete ? "Complete ✓" :
          count.answered ? count.answered + " of " + count.total + " questions" : "Not started";
        row.querySelector(".progress-score").textContent = count.answered ? count.correct + " of " + count.total + " correct" : "–";
      });
      root.querySelector(".progress-summary").textContent =
        "You have completed " + done + " of " + rows.length + " lesson" + (rows.length === 1 ? "" : "s") + ".";
      if (window.CourseQuiz) { window.CourseQuiz.markNavigation(); }
    }
    function close() {
      if (question) { question.remove(); question = null; }
    }

    // What the file holds, what it leaves out, and the choice: nothing changes until the learner picks.
    function ask(name, checked) {
      var here = holds(store.all());
      question = make("div", "progress-import", "");
      question.setAttribute("role", "group");
      question.setAttribute("aria-labelledby", "progress-import-title");
      question.setAttribute("aria-describedby", "progress-import-about");
      question.tabIndex = -1;
      question.appendChild(make("p", "progress-import-title", "Import " + name + "?")).id = "progress-import-title";
      var about = question.appendChild(make("div", "", ""));
      about.id = "progress-import-about";
      about.appendChild(make("p", "", "The file holds " + progress.summary(checked.held) + "."));
      if (checked.skipped.length) {
        about.appendChild(make("p", "", "Left out: " + checked.skipped.join("; ") + "."));
      }
      about.appendChild(make("p", "", here ? "This browser holds " + here + ". Replace it with the file, or merge " +
        "the two (where both hold an answer to the same question, or the same contact, the file's is kept)?" : "This browser holds no progress yet."));
      var choices = question.appendChild(make("p", "progress-import-choices", ""));
      (here ? [["Replace", "replace"], ["Merge", "merge"], ["Cancel", ""]] : [["Import", "replace"], ["Cancel", ""]])
        .forEach(function (choice) {
          var node = choices.appendChild(make("button", "md-button" + (choice[1] ? "" : " progress-cancel"), choice[0]));
          node.type = "button";
          node.addEventListener("click", function () { land(name, checked, choice[1]); });
        });
      message.parentNode.insertBefore(question, message);
      say("");
      question.focus();
    }
    function land(name, checked, how) {
      close();
      importButton.focus();
      if (!how) { return say("Nothing was imported from " + name + "; your progress is as it was."); }
      var kept = store.replace(progress.combine(store.all(), checked.progress, how));
      show();
      say("Imported from " + name + ". This browser now holds " + holds(store.all()) + "." +
        (kept ? "" : " It keeps them only until you leave: export your progress before you do."));
    }

    var actions = {
      export: function () {
        var data = store.all(), held = holds(data);
        if (!held) { return say("There is nothing to export yet: this browser holds no answers, no plan and no contacts for this course."); }
        var name = "networking-course-progress-" + new Date().toISOString().slice(0, 10) + ".json";
        store.download(name, "application/json", JSON.stringify({ format: progress.FORMAT, version: progress.VERSION,
          exported: new Date().toISOString(), progress: data }, null, 2));
        say("Your progress was saved to the file " + name + ". It holds " + held + ".");
      },
      import: function () { file.click(); },
      reset: function () {
        if (!window.confirm("Delete all your progress in this course, including your networking plan and your contacts? This cannot be undone.")) { return; }
        close();
        store.clear();
        show();
        say("Your progress was deleted.");
      }
    };
    all("button[data-action]", root).forEach(function (node) {
      node.addEventListener("click", actions[node.getAttribute("data-action")]);
    });
    file.addEventListener("change", function () {
      var chosen = file.files[0];
      file.value = "";
      if (!chosen) { return; }
      close();
      function refuse(why) { say("Nothing was imported from " + chosen.name + ", and your progress is as it was: " + why); }
      // Refused before reading: a huge file is never read into memory.
      if (chosen.size > progress.MAX_BYTES) { return refuse(progress.tooBig(chosen.size)); }
      say("");
      chosen.text().then(function (text) {
        var checked = progress.check(text, course, limits("course-plan-limits"), limits("course-toolkit-limits"));
        if (checked.error) { refuse(checked.error); } else { ask(chosen.name, checked); }
      }, function () { refuse("this browser could not read it."); });
    });
    root.querySelector(".progress-actions").hidden = false;
    root.classList.add("progress--ready");
    show();
  }

  function setUp() { all(".progress[data-course]:not(.progress--ready)", document).forEach(setUpProgress); }
  if (window.document$) { window.document$.subscribe(setUp); } else { setUp(); }
})();
