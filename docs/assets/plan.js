// The 6-month networking plan on the plan lesson's page: saves what the learner types in this browser
// (CourseStore section "plan": {field name: value}, only fields that differ from the template), and makes
// the filled plan as Markdown and as a calendar (.ics). Nothing is sent anywhere.
// The layout matches the blank files written at build time by macros/plan_output.py.
(function () {
  var SECTION = "plan";
  var DAYS = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"];
  var CODES = ["MO", "TU", "WE", "TH", "FR", "SA", "SU"];
  var fallback = { get: function () { return {}; }, set: function () { return false; } };

  function store() { return window.CourseStore || fallback; }
  function all(selector, root) { return [].slice.call(root.querySelectorAll(selector)); }
  function capital(text) { return text.charAt(0).toUpperCase() + text.slice(1); }
  function pad(number) { return (number < 10 ? "0" : "") + number; }

  // ---- The form and the saved plan ----------------------------------------------------------------------

  function fields(form) { return all("[name]", form); }
  function initial(field) {
    if (field.tagName === "SELECT") {
      var chosen = all("option", field).filter(function (option) { return option.defaultSelected; })[0];
      return chosen ? chosen.value : field.options[0].value;
    }
    return field.defaultValue;
  }
  function acceptable(field, value) {
    if (typeof value !== "string" || value.length > 20000) { return false; }
    if (field.tagName === "SELECT") { return DAYS.indexOf(value) >= 0; }
    if (field.type === "time") { return /^([01]\d|2[0-3]):[0-5]\d$/.test(value); }
    if (field.type === "date") { return /^\d{4}-\d{2}-\d{2}$/.test(value) && !isNaN(new Date(value + "T00:00").getTime()); }
    if (field.type === "number") { return /^\d{1,3}$/.test(value); }
    return true;
  }
  function restore(form) {
    var saved = store().get(SECTION);
    fields(form).forEach(function (field) {
      var value = saved[field.name];
      field.value = acceptable(field, value) ? value : initial(field);
    });
  }
  function save(form) {
    var changed = {};
    fields(form).forEach(function (field) {
      if (field.value !== initial(field)) { changed[field.name] = field.value; }
    });
    return store().set(SECTION, changed);
  }
  // The learner's values, each checked, falling back to the template where a value is unusable.
  function values(form) {
    var found = {};
    fields(form).forEach(function (field) {
      found[field.name] = acceptable(field, field.value) ? field.value : initial(field);
    });
    return found;
  }

  // ---- Markdown -------------------------------------------------------------------------------------------

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

  // TEXT values: escape backslash, semicolon, comma and newline; drop other control characters.
  function icsText(text) {
    return String(text).replace(/\\/g, "\\\\").replace(/;/g, "\\;").replace(/,/g, "\\,")
      .replace(/\r\n|\r|\n/g, "\\n").replace(/[\u0000-\u0008\u000b-\u001f\u007f]/g, "");
  }
  function bytes(character) {
    var code = character.codePointAt(0);
    return code < 0x80 ? 1 : code < 0x800 ? 2 : code < 0x10000 ? 3 : 4;
  }
  // Lines longer than 75 octets continue on the next line after CRLF and a space, never inside a character.
  function fold(line) {
    var out = "", size = 0;
    Array.from(line).forEach(function (character) {
      var length = bytes(character);
      if (size + length > 75) { out += "\r\n "; size = 1; }
      out += character;
      size += length;
    });
    return out;
  }
  function stamp(date) {
    return date.getFullYear() + pad(date.getMonth() + 1) + pad(date.getDate()) + "T" + pad(date.getHours()) + pad(date.getMinutes()) + "00";
  }
  function utcStamp(date) { return date.toISOString().replace(/[-:]/g, "").replace(/\.\d+Z$/, "Z"); }
  function addMonths(date, months) {
    var last = new Date(date.getFullYear(), date.getMonth() + months + 1, 0).getDate();
    return new Date(date.getFullYear(), date.getMonth() + months, Math.min(date.getDate(), last));
  }
  function firstSlot(from, day) {
    var wanted = (DAYS.indexOf(day) + 1) % 7;  // Date counts from Sunday
    return new Date(from.getFullYear(), from.getMonth(), from.getDate() + (wanted - from.getDay() + 7) % 7);
  }
  function countsLine(plan, counts) {
    return plan.actions.map(function (action) { return action.label + ": " + counts[action.id]; }).join("; ");
  }
  function randomId() {
    var parts = new Uint32Array(2);
    window.crypto.getRandomValues(parts);
    return parts[0].toString(36) + parts[1].toString(36);
  }
  function calendar(plan, w, v) {
    var today = new Date(), begin = v["habit-start"] ? new Date(v["habit-start"] + "T00:00") : today;
    var start = firstSlot(begin, v["habit-day"]), time = v["habit-time"].split(":");
    var minutes = Math.min(240, Math.max(5, Number(v["habit-minutes"]) || plan.habit.minutes));
    var id = randomId(), now = utcStamp(today), lines = ["BEGIN:VCALENDAR", "VERSION:2.0",
      "PRODID:-//Networking for People Entering Tech//Networking plan//EN", "CALSCALE:GREGORIAN"];
    function at(date, extra) {
      return new Date(date.getFullYear(), date.getMonth(), date.getDate(), Number(time[0]), Number(time[1]) + (extra || 0));
    }
    function event(uid, summary, description, begins, length, rule) {
      lines.push("BEGIN:VEVENT", "UID:" + uid + "-" + id + "@networking-plan", "DTSTAMP:" + now, "DTSTART:" + stamp(begins),
                 "DURATION:PT" + length + "M", "SUMMARY:" + icsText(summary), "DESCRIPTION:" + icsText(description));
      if (rule) { lines.push("RRULE:" + rule); }
      lines.push("BEGIN:VALARM", "ACTION:DISPLAY", "DESCRIPTION:" + icsText(summary), "TRIGGER:-PT15M", "END:VALARM", "END:VEVENT");
    }
    var about = plan.questions.filter(function (q) { return String(v[q.id] || "").trim(); })
      .map(function (q) { return q.label + ": " + v[q.id].trim(); });
    event("slot", w.slot, [plan.habit.hint, ""].concat(about).concat(["", plan.title]).join("\n"), at(start), minutes,
          "FREQ=WEEKLY;COUNT=" + plan.habit.weeks + ";BYDAY=" + CODES[DAYS.indexOf(v["habit-day"])]);
    plan.months.forEach(function (month, i) {
      var n = i + 1, day = addMonths(start, n);
      day.setDate(day.getDate() - 1);
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
      event("review-" + n, w.review_of + " " + n, text.join("\n"), at(day, day.getDay() === start.getDay() ? minutes : 0),
            plan.review.minutes);
    });
    lines.push("END:VCALENDAR");
    return lines.map(fold).join("\r\n") + "\r\n";
  }

  // ---- The page ---------------------------------------------------------------------------------------------

  function download(name, type, text) {
    var url = URL.createObjectURL(new Blob([text], { type: type }));
    var link = document.createElement("a");
    link.href = url;
    link.download = name;
    document.body.appendChild(link);
    link.click();
    link.remove();
    setTimeout(function () { URL.revokeObjectURL(url); }, 1000);
  }

  function setUp() {
    var root = document.querySelector(".nplan[data-nplan]");
    if (!root || root.getAttribute("data-ready")) { return; }
    root.setAttribute("data-ready", "true");
    var data = JSON.parse(root.getAttribute("data-nplan")), plan = data.plan, w = data.words;
    var form = root.querySelector("form"), status = root.querySelector(".nplan-status");
    function say(text) { status.textContent = text; }

    restore(form);
    var timer = null;
    form.addEventListener("submit", function (event) { event.preventDefault(); });
    form.addEventListener("input", function () {
      clearTimeout(timer);
      timer = setTimeout(function () {
        if (!save(form)) { say("This browser is not keeping your plan; download it before you leave the page."); }
      }, 250);
    });
    form.addEventListener("change", function () { clearTimeout(timer); save(form); });

    var actions = {
      markdown: function () {
        download("my-networking-plan.md", "text/markdown;charset=utf-8", markdown(plan, w, values(form)));
        say("Your plan was downloaded as Markdown.");
      },
      calendar: function () {
        download("my-networking-plan.ics", "text/calendar;charset=utf-8", calendar(plan, w, values(form)));
        say("Your calendar file was downloaded: open it to add your weekly slot and monthly reviews.");
      },
      print: function () { window.print(); },
      reset: function () {
        if (!window.confirm("Start over? This clears everything you typed in your plan, in this browser.")) { return; }
        clearTimeout(timer);
        form.reset();
        store().set(SECTION, {});
        say("Your plan was cleared.");
        form.querySelector("[name]").focus();
      }
    };
    all("[data-nplan-action]", root).forEach(function (button) {
      button.addEventListener("click", function () { save(form); actions[button.getAttribute("data-nplan-action")](); });
    });
    root.querySelector(".nplan-buttons").hidden = false;
    say("What you type is saved in this browser as you go; nothing is sent anywhere.");
  }

  if (window.document$) { window.document$.subscribe(setUp); } else { setUp(); }
})();
