// The 6-month networking plan on the plan lesson's page: saves what the learner types in this browser
// (CourseStore section "plan": {field name: value}, only fields that differ from the template), and makes
// the filled plan as Markdown and as a calendar (.ics). Nothing is sent anywhere.
// The layout matches the blank files written at build time by macros/plan_output.py.
(function () {
  var SECTION = "plan";
  var DAYS = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"];
  var CODES = ["MO", "TU", "WE", "TH", "FR", "SA", "SU"];
  var TIME = /^([01]\d|2[0-3]):[0-5]\d$/;
  var NEAR = 0.9;
  var fallback = { get: function () { return {}; }, set: function () { return false; } };

  function store() { return window.CourseStore || fallback; }
  function ics() { return window.CourseIcs; }
  function all(selector, root) { return [].slice.call(root.querySelectorAll(selector)); }
  function capital(text) { return text.charAt(0).toUpperCase() + text.slice(1); }

  // ---- The form and the saved plan ----------------------------------------------------------------------

  function fields(form) { return all("[name]", form); }
  function initial(field) {
    if (field.tagName === "SELECT") {
      var chosen = all("option", field).filter(function (option) { return option.defaultSelected; })[0];
      return chosen ? chosen.value : field.options[0].value;
    }
    return field.defaultValue;
  }
  // What may come back from storage into a field: any text into a box (even past its limit, which only
  // an older, longer limit can have let in: it is kept, and its counter says so), a value of the field's
  // own form otherwise. A value the learner typed comes back even when no download can use it, so they
  // see why; anything else (tampered storage) gives way to the template.
  function restorable(field, value) {
    if (typeof value !== "string") { return false; }
    if (field.tagName === "TEXTAREA") { return true; }
    if (field.tagName === "SELECT") { return DAYS.indexOf(value) >= 0; }
    if (value === "") { return true; }
    if (field.type === "time") { return TIME.test(value); }
    if (field.type === "date") { return /^\d{4,6}-\d{2}-\d{2}$/.test(value); }
    return /^\d{1,9}$/.test(value);
  }
  function restore(form) {
    var saved = store().get(SECTION);
    fields(form).forEach(function (field) {
      var value = saved[field.name];
      field.value = restorable(field, value) ? value : initial(field);
    });
  }
  function save(form) {
    var changed = {};
    fields(form).forEach(function (field) {
      if (field.value !== initial(field)) { changed[field.name] = field.value; }
    });
    return store().set(SECTION, changed);
  }
  function values(form) {
    var found = {};
    fields(form).forEach(function (field) { found[field.name] = field.value; });
    return found;
  }
  function today() {
    var now = new Date();
    return ics().dayNumber(now.getFullYear(), now.getMonth() + 1, now.getDate());
  }

  // Why no download can use a field's value, or "" when one can. The ranges are the field's own
  // attributes, written from macros/plan.py, so the form and every download keep the same ones.
  function problem(field) {
    var value = field.value, ok = true;
    if (field.type === "time") { ok = TIME.test(value); }
    if (field.type === "number") { ok = /^\d+$/.test(value) && +value >= +field.min && +value <= +field.max; }
    if (field.type === "date") {
      ok = !value || (ics().parseDate(value) !== null && value >= field.min && value <= field.max);
    }
    return ok ? "" : field.getAttribute("data-nplan-message");
  }
  // The message under a field: what is wrong with it, or a warning that its date is already past.
  function check(field, w) {
    var message = document.getElementById(field.id + "-msg");
    if (!message) { return; }
    var wrong = problem(field);
    var past = !wrong && field.type === "date" && field.value && ics().parseDate(field.value) < today();
    message.textContent = wrong || (past ? w.past : "");
    message.className = "nplan-msg" + (wrong ? " nplan-msg--error" : "");
    if (wrong) { field.setAttribute("aria-invalid", "true"); } else { field.removeAttribute("aria-invalid"); }
  }

  // A box's counter, shown from 90% of its limit: the box itself stops the learner at the limit.
  function count(field) {
    var counter = document.getElementById(field.id + "-count"), max = field.maxLength, length = field.value.length;
    if (!counter || max <= 0) { return ""; }
    var said = length < NEAR * max ? "" : number(length) + " of " + number(max) + " characters";
    if (length > max) { said += ": " + number(length - max) + " over the limit; shorten it to write more"; }
    else if (length === max) { said += ": this box is full"; }
    counter.textContent = said;
    counter.className = "nplan-count" + (length >= max ? " nplan-count--full" : "");
    return said;
  }
  function number(value) { return value.toLocaleString("en"); }

  // ---- Markdown -----------------------------------------------------------------------------------------

  // Learner text stays their own Markdown, but can never become HTML in a Markdown viewer.
  function mdText(text, blank) {
    text = String(text || "").replace(/\r\n?/g, "\n").trim();
    return text ? text.replace(/</g, "&lt;") : blank;  // no tag, comment or autolink starts without "<"
  }
  function countsOf(plan, v, n) {
    var counts = {};
    plan.actions.forEach(function (action) {
      var value = v["month-" + n + "-" + action.id];
      counts[action.id] = value === undefined ? plan.months[n - 1].counts[action.id] : Number(value);
    });
    return counts;
  }
  function markdown(plan, w, v) {
    var out = ["# " + plan.title, plan.intro], blank = w.blank;
    function hinted(heading, hint) { out.push(heading); if (hint) { out.push("*" + hint + "*"); } }
    plan.questions.forEach(function (q) { hinted("## " + q.label, q.hint); out.push(mdText(v[q.id], blank)); });
    hinted("## " + plan.habit.label, plan.habit.hint);
    out.push(["- " + w.day + ": " + capital(v["habit-day"]), "- " + w.time + ": " + v["habit-time"],
              "- " + w.minutes + ": " + Number(v["habit-minutes"]), "- " + w.start + ": " + (v["habit-start"] || blank)].join("\n"));
    hinted("## " + w.months, w.months_hint);
    var header = "| " + w.action + " | " + plan.months.map(function (m, i) { return w.month + " " + (i + 1); }).join(" | ") + " |";
    var rule = "|---|" + plan.months.map(function () { return "---:|"; }).join("");
    var rows = plan.actions.map(function (action) {
      return "| " + action.label + " | " + plan.months.map(function (m, i) { return countsOf(plan, v, i + 1)[action.id]; }).join(" | ") + " |";
    });
    out.push([header, rule].concat(rows).join("\n"));
    plan.months.forEach(function (month, i) {
      hinted("### " + w.month + " " + (i + 1) + ": " + month.focus, month.tip);
      out.push("**" + w.todo + ":**", mdText(v["month-" + (i + 1) + "-actions"], blank),
               "**" + w.done + ":**", mdText(v["month-" + (i + 1) + "-review"], blank));
    });
    hinted("## " + plan.review.label, plan.review.hint);
    out.push(plan.review.questions.map(function (q) { return "- " + q; }).join("\n"));
    return out.join("\n\n") + "\n";
  }

  // ---- Calendar (RFC 5545) ----------------------------------------------------------------------------------

  function countsLine(plan, counts) {
    return plan.actions.map(function (action) { return action.label + ": " + counts[action.id]; }).join("; ");
  }
  function randomId() {
    var parts = new Uint32Array(2);
    window.crypto.getRandomValues(parts);
    return parts[0].toString(36) + parts[1].toString(36);
  }
  // Times are floating, like the blank plan's: the slot stays at the learner's own clock time wherever
  // they are. A week whose slot time the clocks skip here (a daylight-saving gap) gets an entry of its
  // own at the time the clocks show, so the other weeks keep the time the learner chose.
  // The plan's first day: the slot's weekday on or after the first week (today when none is given).
  function firstSlot(v) {
    var begin = v["habit-start"] ? ics().parseDate(v["habit-start"]) : today();
    return begin + (DAYS.indexOf(v["habit-day"]) - ics().weekday(begin) + 7) % 7;
  }
  function calendar(plan, w, v) {
    var Ics = ics(), now = new Date(), start = firstSlot(v);
    var time = v["habit-time"].split(":"), at = Number(time[0]) * 60 + Number(time[1]);
    var minutes = Number(v["habit-minutes"]), weeks = plan.habit.weeks;
    var id = randomId(), stamp = Ics.utc(now), lines = ["BEGIN:VCALENDAR", "VERSION:2.0",
      "PRODID:-//Networking for People Entering Tech//Networking plan//EN", "CALSCALE:GREGORIAN"];
    function event(uid, summary, description, when, length, more) {
      lines.push("BEGIN:VEVENT", "UID:" + uid + "-" + id + "@networking-plan", "DTSTAMP:" + stamp,
                 "DTSTART:" + Ics.dateTime(when.day, when.minutes), "DURATION:PT" + length + "M",
                 "SUMMARY:" + Ics.text(summary), "DESCRIPTION:" + Ics.text(description));
      lines.push.apply(lines, more);
      lines.push("BEGIN:VALARM", "ACTION:DISPLAY", "DESCRIPTION:" + Ics.text(summary), "TRIGGER:-PT15M", "END:VALARM",
                 "END:VEVENT");
    }
    var about = plan.questions.filter(function (q) { return String(v[q.id] || "").trim(); })
      .map(function (q) { return q.label + ": " + v[q.id].trim(); });
    var slot = [plan.habit.hint, ""].concat(about).concat(["", plan.title]).join("\n");
    event("slot", w.slot, slot, { day: start, minutes: at }, minutes,
          ["RRULE:FREQ=WEEKLY;COUNT=" + weeks + ";BYDAY=" + CODES[DAYS.indexOf(v["habit-day"])]]);
    Ics.gaps(start, at, weeks).forEach(function (week) {
      event("slot", w.slot, slot, week.to, minutes, ["RECURRENCE-ID:" + Ics.dateTime(week.day, at)]);
    });
    plan.months.forEach(function (month, i) {
      var n = i + 1, day = Ics.addMonths(start, n) - 1;
      var text = [plan.review.hint].concat(plan.review.questions.map(function (q) { return "- " + q; }), [""],
        w.month + " " + n + ": " + month.focus + ". " + countsLine(plan, countsOf(plan, v, n)));
      var todo = String(v["month-" + n + "-actions"] || "").trim();
      if (todo) { text.push(w.todo + ": " + todo); }
      if (n < plan.months.length) {
        text.push(w.next + ": " + plan.months[n].focus + ". " + countsLine(plan, countsOf(plan, v, n + 1)));
        var next = String(v["month-" + (n + 1) + "-actions"] || "").trim();
        if (next) { text.push(w.todo + ": " + next); }
      } else {
        text.push(w.last);
      }
      // On the slot's own weekday the review starts when the slot ends.
      var when = Ics.existing(day, at + (Ics.weekday(day) === Ics.weekday(start) ? minutes : 0));
      event("review-" + n, w.review_of + " " + n, text.join("\n"), when, plan.review.minutes, []);
    });
    lines.push("END:VCALENDAR");
    return Ics.file(lines);
  }

  // ---- Word ------------------------------------------------------------------------------------------------

  // The Word file is the template the build wrote (assets/plan-word.js, with the code that fills it in), loaded
  // only when the learner asks for it: no page carries it otherwise. A script, not a fetch, so that the offline
  // copy opened from disk can load it too.
  var wordScript = null;
  function withWord(then, failed) {
    if (window.CourseDocx && window.CoursePlanWord) { then(); return; }
    if (!wordScript) {
      var own = document.querySelector('script[src*="plan.bundle.js"]');
      wordScript = document.createElement("script");
      wordScript.src = new URL("plan-word.js", own ? own.src : document.baseURI).href;
      document.head.appendChild(wordScript);
    }
    var script = wordScript;
    script.addEventListener("load", function () { if (window.CoursePlanWord) { then(); } else { failed(); } }, { once: true });
    script.addEventListener("error", function () { if (wordScript === script) { script.remove(); wordScript = null; } failed(); }, { once: true });
  }
  // "2 March 2026": a date no reader can take for another one.
  function longDate(iso) { return window.CourseContacts ? window.CourseContacts.longDate(iso) : iso; }
  // The values the Word file shows: what was typed, a day and a date in words, numbers as numbers.
  function wordValues(plan, v) {
    var out = {};
    Object.keys(v).forEach(function (name) { out[name] = v[name]; });
    out["habit-day"] = capital(v["habit-day"]);
    out["habit-minutes"] = String(Number(v["habit-minutes"]));
    out["habit-start"] = v["habit-start"] ? longDate(v["habit-start"]) : "";
    plan.months.forEach(function (month, i) {
      var counts = countsOf(plan, v, i + 1);
      plan.actions.forEach(function (action) { out["month-" + (i + 1) + "-" + action.id] = String(counts[action.id]); });
    });
    return out;
  }

  // ---- The plan meets the contact tracker --------------------------------------------------------------------

  // For the month of the plan that today is in: how many people the contact tracker has as met, followed up
  // and helped in it (CourseContacts.tally), beside the numbers planned for that month.
  var TRACKED = [["met", "people", "People met"], ["followed", "follow-ups", "People followed up"], ["helped", "", "People helped"]];
  function tracked(box, plan, v) {
    var lib = window.CourseContacts, link = document.querySelector('a.md-nav__link[href*="toolkit/tracker"]');
    box.textContent = "";
    function line(text) { return box.appendChild(document.createElement("p")).appendChild(document.createTextNode(text)); }
    var start = v["habit-start"] && ics().parseDate(v["habit-start"]) !== null ? lib.iso(firstSlot(v)) : "";
    var when = start ? lib.planMonth(start, lib.iso(today()), plan.months.length) : null;
    if (!when) { line("Pick your first week above, and this shows how each month of your plan is going in your contact tracker."); }
    else if (when.before) { line("Your plan starts on " + lib.longDate(when.before) + ": from then on, this shows how each month is going in your contact tracker."); }
    else if (when.after) { line("The six months of your plan ended on " + lib.longDate(when.after) + ": time to plan the next six."); }
    else {
      var held = lib.tally(window.CourseStore ? window.CourseStore.get("contacts") : {}, when.from, when.to);
      var table = box.appendChild(document.createElement("table"));
      table.className = "nplan-tracker-counts";
      table.createCaption().textContent = "Month " + when.month + " of your plan (" + lib.longDate(when.from) + " to " +
        lib.longDate(when.to) + ") in your contact tracker";
      var head = table.createTHead().insertRow();
      ["", "So far", "Planned"].forEach(function (text) { head.appendChild(document.createElement("th")).textContent = text; });
      head.cells[0].textContent = "This month";
      [].forEach.call(head.cells, function (cell) { cell.scope = "col"; });
      var body = table.createTBody();
      TRACKED.forEach(function (row) {
        var planned = row[1] ? v["month-" + when.month + "-" + row[1]] : "", tr = body.insertRow();
        var th = tr.appendChild(document.createElement("th"));
        th.scope = "row";
        th.textContent = row[2];
        tr.insertCell().textContent = String(held[row[0]]);
        tr.insertCell().textContent = /^\d+$/.test(planned || "") ? String(Number(planned)) : "\u2013";
      });
    }
    if (link) {
      var go = box.appendChild(document.createElement("p")).appendChild(document.createElement("a"));
      go.href = link.href;
      go.textContent = "Open your contact tracker";
    }
  }

  // ---- The page ---------------------------------------------------------------------------------------------


  var SAVED = "What you type is saved in this browser as you go; nothing is sent anywhere.";
  var NOT_KEPT = "This browser is not keeping your plan: it is kept only for this visit. " +
    "Download it before you leave.";

  function setUp() {
    var root = document.querySelector(".nplan[data-nplan]");
    if (!root || root.getAttribute("data-ready")) { return; }
    root.setAttribute("data-ready", "true");
    var data = JSON.parse(root.getAttribute("data-nplan")), plan = data.plan, w = data.words;
    var form = root.querySelector("form"), status = root.querySelector(".nplan-status");
    var live = root.querySelector("[data-nplan-live]"), kept = true;
    function say(text) { status.textContent = [text, kept ? "" : NOT_KEPT].filter(Boolean).join(" "); }
    function refresh(field) {
      if (field.tagName === "TEXTAREA") { count(field); } else { check(field, w); }
      if (field.type === "date") { printDate(field); }
    }
    // On paper the first week is written out ("2 March 2026"), not in the browser's numeric form (03/02/2026).
    function printDate(field) {
      var printed = field.nextElementSibling;
      if (!printed || printed.className !== "nplan-print-date") {
        printed = document.createElement("span");
        printed.className = "nplan-print-date";
        printed.setAttribute("aria-hidden", "true");
        field.after(printed);
      }
      printed.textContent = !field.value ? "" : ics().parseDate(field.value) !== null ? longDate(field.value) : field.value;
    }
    // The status says "saved" only while the store really keeps what is typed.
    function persist() {
      timer = null;
      var ok = save(form) !== false;
      if (ok !== kept) { kept = ok; say(ok ? SAVED : ""); }  // said once, when it changes
    }
    // Every field must hold a value the downloads can use; the first that does not is named and focused.
    function ready() {
      var wrong = fields(form).filter(problem)[0];
      if (!wrong) { return true; }
      check(wrong, w);
      say(wrong.labels[0].textContent.trim() + ": " + problem(wrong));
      wrong.focus();
      return false;
    }

    restore(form);
    fields(form).forEach(refresh);
    var tracker = document.createElement("div");
    tracker.className = "nplan-tracker";
    form.querySelector(".nplan-scroll").after(tracker);
    function track() { if (window.CourseContacts) { tracked(tracker, plan, values(form)); } }
    track();
    form.addEventListener("input", track);
    form.addEventListener("reset", function () { setTimeout(track, 0); });
    var timer = null, pause = null;
    form.addEventListener("submit", function (event) { event.preventDefault(); });
    form.addEventListener("input", function (event) {
      refresh(event.target);
      clearTimeout(timer);
      timer = setTimeout(persist, 250);
      // A screen reader hears the counter once typing pauses, not at every key.
      clearTimeout(pause);
      pause = setTimeout(function () {
        var said = event.target.tagName === "TEXTAREA" ? count(event.target) : "";
        if (said !== live.textContent) { live.textContent = said; }
      }, 1000);
    });
    form.addEventListener("change", function (event) { refresh(event.target); clearTimeout(timer); persist(); });

    var actions = {
      word: function () {
        if (!ready()) { return; }
        if (fields(form).every(function (field) { return field.value === initial(field); })) {
          say("Your plan is still blank: write in it first. The blank Word file is below, under Blank plan to download.");
          return;
        }
        say("Making your Word file\u2026");
        withWord(function () {
          var bytes = window.CourseDocx.docx(window.CoursePlanWord, wordValues(plan, values(form)));
          window.CourseStore.download("my-networking-plan.docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document", bytes);
          say("Your plan was downloaded as a Word file.");
        }, function () {
          say("Your Word file could not be made: this page could not load what makes it. Reload the page and try again, " +
              "or download your plan as Markdown.");
        });
      },
      markdown: function () {
        if (!ready()) { return; }
        window.CourseStore.download("my-networking-plan.md", "text/markdown;charset=utf-8", markdown(plan, w, values(form)));
        say("Your plan was downloaded as Markdown.");
      },
      calendar: function () {
        if (!ready()) { return; }
        window.CourseStore.download("my-networking-plan.ics", "text/calendar;charset=utf-8", calendar(plan, w, values(form)));
        say("Your calendar file was downloaded: open it to add your weekly slot and monthly reviews.");
      },
      print: function () { window.print(); },
      reset: function () {
        if (!window.confirm("Start over? This clears everything you typed in your plan, in this browser.")) { return; }
        clearTimeout(timer);
        timer = null;
        form.reset();
        fields(form).forEach(refresh);
        kept = store().set(SECTION, {}) !== false;
        say(kept ? "Your plan was cleared." : "Your plan was cleared on this page.");
        form.querySelector("[name]").focus();
      }
    };
    all("[data-nplan-action]", root).forEach(function (button) {
      button.addEventListener("click", function () { clearTimeout(timer); persist(); actions[button.getAttribute("data-nplan-action")](); });
    });
    root.querySelector(".nplan-buttons").hidden = false;
    say(SAVED);
    // The plan open in another tab too: what that tab saves shows here, so that a save here does not undo it.
    // (Not while this tab waits to save what is being typed here.)
    resync = function () {
      if (timer === null && document.body.contains(form)) { restore(form); fields(form).forEach(refresh); }
    };
  }

  var resync = null;
  window.addEventListener("storage", function (event) {
    if (resync && (event.key === null || event.key === store().KEY)) { resync(); }
  });

  if (window.document$) { window.document$.subscribe(setUp); } else { setUp(); }
})();
