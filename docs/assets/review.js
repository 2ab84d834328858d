// The review page (docs/review.md, the review() macro): the questions due for this learner today, set up by
// quiz.js as in their lessons (the learner's option order, feedback, the answer saved for the lesson and moved
// in the review schedule), but shown unanswered. On every page, the number due goes beside "Review" in the
// navigation ("Review (3 due)"); quiz.js announces each change of progress with the event "course:progress".
(function () {
  var store = window.CourseStore, schedule = window.CourseReview;

  function all(selector, root) { return [].slice.call((root || document).querySelectorAll(selector)); }
  function today() { return schedule.today(new Date()); }
  function plural(count, word) { return count + " " + word + (count === 1 ? "" : "s"); }
  // "Tuesday 4 March", from "2025-03-04".
  function named(day) {
    var date = new Date(day + "T12:00:00Z"), zone = { timeZone: "UTC" };
    return date.toLocaleDateString("en-GB", Object.assign({ weekday: "long" }, zone)) + " " +
      date.toLocaleDateString("en-GB", Object.assign({ day: "numeric", month: "long" }, zone));
  }

  // The navigation's link to the review page: the home page's address (the logo's link) and "review/".
  function isReviewLink(link) {
    var home = document.querySelector("a.md-logo");
    return !!home && [new URL("review/", home.href).href, new URL("review.html", home.href).href].indexOf(link.href) >= 0;
  }
  function markNavigation() {
    var count = schedule.due(store.all(), today(), window.CourseQuiz.lessons()).length;
    all("a.md-nav__link").filter(isReviewLink).forEach(function (link) {
      var mark = link.querySelector(".review-due");
      if (mark) { mark.remove(); }
      if (count) {
        mark = link.appendChild(document.createElement("span"));
        mark.className = "review-due";
        mark.textContent = "(" + count + " due)";
      }
    });
  }

  function setUpReview(root) {
    var quiz = window.CourseQuiz, items = all(".review-item", root), known = {};
    items.forEach(function (item) {
      var name = item.getAttribute("data-review").split("/");
      (known[name[0]] = known[name[0]] || []).push(name[1]);
    });
    var due = schedule.due(store.all(), today(), known);
    var shown = items.filter(function (item) { return due.indexOf(item.getAttribute("data-review")) >= 0; });
    var seed = shown.length ? quiz.seed(root.getAttribute("data-edition")) : "";
    var summary = root.querySelector(".review-summary");

    // How many are still due; when none is, the day the next one is.
    function update() {
      var progress = store.all(), day = today(), left = schedule.due(progress, day, known).length;
      var next = schedule.nextDay(progress, day, known);
      summary.textContent = (left ? plural(left, "question") + (left === 1 ? " is" : " are") + " due for review." :
        shown.length ? "You have answered every question that was due." : "Nothing is due for review today.") +
        (left ? "" : next ? " The next is due " + (next === schedule.after(day, 1) ? "tomorrow." : "on " + named(next) + ".") :
          shown.length ? "" : " A question comes here once you answer it in its lesson.");
    }
    function changed() {
      quiz.markNavigation();
      update();
    }
    shown.forEach(function (item, index) {
      item.hidden = false;
      item.querySelector(".quiz-number").textContent = "Question " + (index + 1) + " of " + shown.length;
      var lesson = item.getAttribute("data-review").split("/")[0];
      quiz.setUpQuestion(item.querySelector(".quiz-question"), "quiz:" + lesson, changed, seed, true);
    });
    root.classList.add("quiz--ready");
    summary.hidden = false;
    update();
  }

  function setUp() {
    all(".review:not(.quiz--ready)").forEach(setUpReview);
    markNavigation();  // whichever script runs first
  }
  document.addEventListener("course:progress", markNavigation);
  if (window.document$) { window.document$.subscribe(setUp); } else { setUp(); }
})();
