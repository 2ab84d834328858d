// Quizzes you can take in the browser, and the ✓ of completed lessons in the navigation. Answers are
// kept by CourseStore in the section "quiz:<lesson>" as {question-id: {choice: [keys], correct: bool}}
// or, for open questions, {text: "...", revealed: true, correct: bool (marked by the learner)}; a checked choice
// also moves its question in the review schedule (lib/review.js).
// Without JavaScript the pages still work: each answer sits in a <details> the learner can open.
(function () {
  var store = window.CourseStore;

  function all(selector, root) { return [].slice.call((root || document).querySelectorAll(selector)); }
  function make(tag, className, text) {
    var node = document.createElement(tag);
    node.className = className || "";
    node.textContent = text || "";
    return node;
  }
  function button(text, className, onClick) {
    var node = make("button", "md-button " + className, text);
    node.type = "button";
    node.addEventListener("click", onClick);
    return node;
  }
  var answered = window.CourseProgress.answered;
  function plural(count, word) { return count + " " + word + (count === 1 ? "" : "s"); }

  // Question ids of every lesson's quiz, from the page head: {slug: [id, ...]}.
  function lessons() {
    try {
      var data = JSON.parse(document.querySelector('meta[name="course-quizzes"]').content);
      return store.isRecord(data) ? data : {};
    } catch (error) { return {}; }
  }
  function tally(slug, ids) { return window.CourseProgress.tally(store.get("quiz:" + slug), ids); }
  function complete(slug, ids) { return ids.length > 0 && tally(slug, ids).answered === ids.length; }

  function markNavigation() {
    var quizzes = lessons();
    all("a.md-nav__link").forEach(function (link) {
      var slug = (/\/lessons\/([^/]+)\/$/.exec(link.pathname) || [])[1];
      var mark = link.querySelector(".course-done");
      if (mark) { mark.remove(); }
      if (slug && complete(slug, quizzes[slug] || [])) {
        mark = make("span", "course-done");
        mark.appendChild(make("span", "", "✓")).setAttribute("aria-hidden", "true");
        mark.appendChild(make("span", "quiz-sr", " (completed)"));
        link.appendChild(mark);
      }
    });
    document.dispatchEvent(new Event("course:progress"));  // other marks of progress redraw too (review.js)
  }

  function value(input) { return input.value; }
  // Options, their feedback and the key in the given order, lettered a, b, c as shown.
  function arrange(node, keys) {
    keys.forEach(function (key, index) {
      all('[value="' + key + '"],[data-option="' + key + '"],[data-key="' + key + '"]', node).forEach(function (item) {
        item = item.closest("li,span");
        item.parentNode.appendChild(item).querySelector(".quiz-option-key").textContent = String.fromCharCode(97 + index) + ".";
      });
    });
  }

  // fresh: drawn unanswered, whatever was saved, until checked (the review page).
  function setUpQuestion(node, key, changed, seed, fresh) {
    var id = node.getAttribute("data-qid"), type = node.getAttribute("data-type");
    var open = type === "open";
    var answer = JSON.parse(node.getAttribute("data-answer"));
    // The learner's own order (lib/order.js); true-false stays True, False.
    if (seed && type !== "true-false") { arrange(node, window.CourseOrder.order(seed, key.slice(5), id, all("input", node).map(value))); }
    var inputs = all("input", node), text = node.querySelector("textarea");
    var details = node.querySelector(".quiz-answer");
    var result = make("div", "quiz-result");
    var control = button("", "md-button--primary", function () {
      if (done) { retry(); } else { check(); }
    });
    var values = inputs.map(value), done = false;
    result.setAttribute("role", "status");
    node.insertBefore(make("div", "quiz-controls"), details).appendChild(control);

    function saved() { var record = store.get(key)[id]; return !fresh && store.isRecord(record) ? record : {}; }
    function schedule(correct) {
      store.set("review", window.CourseReview.answer(store.get("review"), key.slice(5) + "/" + id, correct, new Date()));
    }
    function save(record, quietly) {
      var answers = store.get(key);
      if (Object.keys(record).length) { answers[id] = record; } else { delete answers[id]; }
      store.set(key, answers);
      if (!quietly) { changed(); }
    }
    function say(message) { result.className = "quiz-result"; result.textContent = message; }
    function copy(selector, into) {
      var found = details.querySelector(selector);
      if (found) { into.appendChild(found.cloneNode(true)); }
    }
    function mark(correct) {
      var record = saved();
      record.correct = correct;
      save(record);
      all("[aria-pressed]", result).forEach(function (choice, index) {
        choice.setAttribute("aria-pressed", String(index === (correct ? 0 : 1)));
      });
    }

    function check() {
      fresh = false;
      if (open) {
        if (!text.value.trim()) { return say("Write your answer first, then compare it with the model answer."); }
        save({ text: text.value, revealed: true });
      } else {
        var chosen = inputs.filter(function (input) { return input.checked; }).map(value);
        if (!chosen.length) { return say(answer.length > 1 ? "Choose one or more answers first." : "Choose an answer first."); }
        var correct = window.CourseScore.isCorrect(chosen, answer);
        schedule(correct);
        save({ choice: chosen, correct: correct });
      }
      show();
    }
    function retry() {
      save(open ? { text: text.value } : {});
      inputs.forEach(function (input) { input.checked = false; });
      show();
      (text || inputs[0]).focus();
    }
    function reset() {
      if (!open) { schedule(null); }
      save({});
      inputs.forEach(function (input) { input.checked = false; });
      if (text) { text.value = ""; }
      show();
    }

    // Draws the question from its saved record: a fresh question, or the result of the last attempt.
    function show() {
      var record = saved();
      var choice = Array.isArray(record.choice) ? record.choice : [];
      var chosen = values.filter(function (key) { return choice.indexOf(key) >= 0; });
      done = open ? !!record.revealed : answered(record) && chosen.length > 0;
      if (done && !open && record.correct !== window.CourseScore.isCorrect(chosen, answer)) {
        // Saved before the answer key changed: the verdict follows today's key, and so does the score.
        record = { choice: chosen, correct: !record.correct };
        save(record, true);  // quietly: the quiz counts its score once every question is drawn
      }
      control.textContent = !done ? (open ? "Show the model answer" : "Check") : record.correct ? "Answer again" : "Try again";
      details.hidden = open || !done;
      result.textContent = "";
      result.className = "quiz-result";
      inputs.forEach(function (input) {
        var label = input.closest("label");
        input.disabled = done;
        label.classList.remove("quiz-right", "quiz-wrong");
        if (done && chosen.indexOf(input.value) >= 0) {
          label.classList.add(answer.indexOf(input.value) >= 0 ? "quiz-right" : "quiz-wrong");
        }
      });
      if (text) { text.readOnly = done; }
      if (!done) { return; }
      var verdict = result.appendChild(make("p", "quiz-verdict"));
      if (open) {
        verdict.textContent = "Compare your answer with the model answer.";
        copy(".quiz-model-answer", result);
      } else {
        var hits = chosen.filter(function (key) { return answer.indexOf(key) >= 0; }).length;
        var misses = chosen.length - hits;
        result.className += record.correct ? " quiz-result--right" : " quiz-result--wrong";
        verdict.appendChild(make("strong", "", record.correct ? "Correct." : "Not quite."));
        if (!record.correct && answer.length > 1) {
          verdict.appendChild(document.createTextNode(" You chose " + hits + " of the " + answer.length +
            " right answers" + (misses ? " and " + plural(misses, "answer") + " that " + (misses > 1 ? "are" : "is") + " not right." : ".")));
        }
        var list = result.appendChild(make("ul", "quiz-feedback"));
        chosen.forEach(function (key) { copy('[data-option="' + key + '"]', list); });
      }
      copy(".quiz-explanation", result);
      if (open) {
        result.appendChild(make("p", "", "Did your answer cover the key points?"));
        var question = result.appendChild(make("p", "quiz-self"));
        [["Yes, it did", true], ["Not yet", false]].forEach(function (choice) {
          question.appendChild(button(choice[0], "quiz-mark", function () { mark(choice[1]); }))
            .setAttribute("aria-pressed", String(record.correct === choice[1]));
        });
      }
    }

    var record = saved();
    inputs.forEach(function (input) {
      input.checked = Array.isArray(record.choice) && record.choice.indexOf(input.value) >= 0;
    });
    if (text) {
      text.value = typeof record.text === "string" ? record.text : "";
      text.addEventListener("input", function () { var current = saved(); current.text = text.value; save(current); });
    }
    show();
    node.insertBefore(result, details);  // after drawing, so a restored result is not announced
    return { id: id, reset: reset, focus: function () { (text || inputs[0]).focus(); } };
  }

  // The seed of the learner's option order, made the first time a quiz needs it. The instructor edition
  // keeps the bank's order, as the answer key has it.
  function seed(edition) {
    var learner = store.get("learner"), order = window.CourseOrder, shuffled = edition !== "instructor";
    if (shuffled && !order.isSeed(learner.seed)) {
      learner.seed = order.newSeed();
      store.set("learner", learner);
    }
    return shuffled && learner.seed;
  }

  function setUpQuiz(quiz) {
    var key = "quiz:" + quiz.getAttribute("data-quiz"), learnerSeed = seed(quiz.getAttribute("data-edition"));
    var score = quiz.querySelector(".quiz-score");
    var questions = all(".quiz-question", quiz).map(function (node) { return setUpQuestion(node, key, update, learnerSeed); });
    var ids = questions.map(function (question) { return question.id; });
    var resetButton = button("Reset this quiz", "quiz-reset", function () {
      if (!window.confirm("Clear your answers to this quiz?")) { return; }
      questions.forEach(function (question) { question.reset(); });
      score.textContent = "Your answers to this quiz were cleared.";
      questions[0].focus();
    });
    quiz.classList.add("quiz--ready");
    quiz.appendChild(resetButton);
    function update() {
      var count = tally(key.slice(5), ids);
      var text = "Your score: " + count.correct + " of " + count.total + " correct" +
        (count.answered < count.total ? " (" + count.answered + " of " + count.total + " answered)." : ".");
      if (score.textContent !== text) { score.textContent = text; }
      markNavigation();
    }
    update();
    score.hidden = false;
  }

  function setUp() {
    all(".quiz[data-quiz]:not(.quiz--ready)").forEach(setUpQuiz);
    markNavigation();
  }
  // The progress page (progress-page.js) marks the navigation again after an import or a reset; the
  // review page sets up its questions as these are.
  window.CourseQuiz = { markNavigation: markNavigation, setUpQuestion: setUpQuestion, seed: seed, lessons: lessons };
  if (window.document$) { window.document$.subscribe(setUp); } else { setUp(); }
})();
