// The contact tracker page (docs/toolkit/tracker.md): the people the learner met, kept in this browser in
// CourseStore section "contacts" (fields, limits and checks in lib/contacts.js). Add, edit, delete (asked
// first, then undone for a few seconds), who to follow up with this week, a follow-up into the learner's
// calendar (.ics), and the whole list out to CSV and back. Every text is set as text, never as HTML.
(function () {
  var SECTION = "contacts", UNDO_MS = 10000, SAID_MS = 8000, NEAR = 0.9;
  var HINTS = {
    where: "For example: Python meetup in March, talked by the coffee.",
    remember: "Something they said or care about, to mention when you write.",
    exchange: "Help they offered or asked for, or that you offered.",
    next: "For example: send the article we talked about.",
    due: "Who is due this week shows at the top of the page.",
    followed: "Your plan counts follow-ups by this date.",
    helped: "An introduction, a review, an answer: your plan counts it by this date."
  };
  var NOT_KEPT = "This browser is not keeping your contacts: they last only for this visit. " +
    "Download them as CSV, or export your progress, before you leave.";

  function lib() { return window.CourseContacts; }
  function store() { return window.CourseStore; }
  function all(selector, root) { return [].slice.call(root.querySelectorAll(selector)); }
  function make(tag, className, text) {
    var node = document.createElement(tag);
    if (className) { node.className = className; }
    if (text !== undefined) { node.textContent = text; }
    return node;
  }
  function button(text, hidden, primary) {
    var node = make("button", "md-button" + (primary ? " md-button--primary" : ""), text);
    node.type = "button";
    if (hidden) { node.appendChild(make("span", "tracker-sr", " " + hidden)); }
    return node;
  }
  function today() {
    var now = new Date();
    return lib().iso(window.CourseIcs.dayNumber(now.getFullYear(), now.getMonth() + 1, now.getDate()));
  }
  function slug(name) {
    return name.normalize("NFKD").toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/^-+|-+$/g, "").slice(0, 40) || "contact";
  }
  function people(count) { return count + (count === 1 ? " person" : " people"); }

  // What the store holds: the contacts the tracker can show, and anything else under the section, kept as it
  // is so that a write never drops it.
  function load() {
    var raw = store().get(SECTION), good = {}, broken = {};
    Object.keys(raw).forEach(function (id) {
      var checked = lib().clean(raw[id]);
      if (checked.contact && lib().ID.test(id)) { good[id] = checked.contact; } else { broken[id] = raw[id]; }
    });
    return { contacts: good, broken: broken };
  }

  function setUpTracker(root) {
    root.classList.add("tracker--ready");
    root.textContent = "";
    var kept = true, editing = null, undo = null, question = null, said = null;

    // ---- Follow up this week
    var week = root.appendChild(make("section", "tracker-week"));
    week.setAttribute("aria-labelledby", "tracker-week-title");
    var weekTitle = week.appendChild(make("h2", "", "Follow up this week"));
    weekTitle.id = "tracker-week-title";
    weekTitle.tabIndex = -1;  // where focus goes when the last person due is done
    var weekList = week.appendChild(make("ol", "tracker-week-list"));
    var weekEmpty = week.appendChild(make("p", "tracker-empty"));

    // ---- The form
    var formPart = root.appendChild(make("section", "tracker-add"));
    formPart.setAttribute("aria-labelledby", "tracker-form-title");
    var title = formPart.appendChild(make("h2", "", "Add a person"));
    title.id = "tracker-form-title";
    var form = formPart.appendChild(make("form", "tracker-form"));
    form.noValidate = true;
    form.setAttribute("aria-labelledby", "tracker-form-title");
    form.appendChild(make("p", "tracker-note", "Only the name and the day you met are required; everything else can wait."));
    var grid = form.appendChild(make("div", "tracker-grid"));
    var inputs = {};
    lib().FIELDS.forEach(function (f) {
      var id = "tracker-" + f.name, box = grid.appendChild(make("div", "tracker-field tracker-field--" + f.name));
      var label = box.appendChild(make("label", "", f.label + (f.required ? " (required)" : "")));
      label.htmlFor = id;
      var input = make(f.long ? "textarea" : f.choices ? "select" : "input");
      input.id = id;
      input.name = f.name;
      if (f.choices) {
        f.choices.forEach(function (choice) { input.appendChild(make("option", "", choice.label)).value = choice.value; });
      } else if (f.date) {
        input.type = "date";
        input.min = lib().FIRST;
        input.max = lib().LAST;
      } else {
        if (!f.long) { input.type = "text"; }
        input.maxLength = f.max;
        if (f.long) { input.rows = 3; }
      }
      if (f.required) { input.setAttribute("aria-required", "true"); }
      input.autocomplete = "off";
      var described = [];
      if (HINTS[f.name]) { box.appendChild(make("p", "tracker-hint", HINTS[f.name])).id = id + "-hint"; described.push(id + "-hint"); }
      box.appendChild(input);
      box.appendChild(make("p", "tracker-msg")).id = id + "-msg";
      described.push(id + "-msg");
      if (f.max) { box.appendChild(make("p", "tracker-count")).id = id + "-count"; described.push(id + "-count"); }
      input.setAttribute("aria-describedby", described.join(" "));
      inputs[f.name] = input;
    });
    var formButtons = form.appendChild(make("p", "tracker-buttons"));
    var submit = formButtons.appendChild(make("button", "md-button md-button--primary", "Add person"));
    submit.type = "submit";
    var cancel = formButtons.appendChild(button("Cancel"));
    cancel.hidden = true;

    // ---- Everyone, and CSV
    var list = root.appendChild(make("section", "tracker-people"));
    list.setAttribute("aria-labelledby", "tracker-people-title");
    var listTitle = list.appendChild(make("h2", "", "People you have met"));
    listTitle.id = "tracker-people-title";
    var files = list.appendChild(make("p", "tracker-buttons"));
    var csvOut = files.appendChild(button("Download as CSV"));
    var csvIn = files.appendChild(button("Import from CSV"));
    var file = files.appendChild(make("input", "tracker-file"));
    file.type = "file";
    file.accept = ".csv,text/csv";
    file.hidden = true;
    file.tabIndex = -1;
    var csvMessage = list.appendChild(make("div", "tracker-message"));
    csvMessage.setAttribute("role", "status");
    var cards = list.appendChild(make("ul", "tracker-list"));
    var listEmpty = list.appendChild(make("p", "tracker-empty"));
    // What an action did, and "Deleted Priya. Undo", at the foot of the screen for a few seconds (longer
    // under the pointer or focus): live regions that are in the page before anything is said in them.
    var toast = root.appendChild(make("div", "tracker-toast"));
    var status = toast.appendChild(make("p", "tracker-status"));
    status.setAttribute("role", "status");
    status.addEventListener("mouseleave", fade);
    var undoBox = toast.appendChild(make("div", "tracker-undo"));
    undoBox.setAttribute("role", "status");

    function say(text) {
      status.textContent = [text, kept ? "" : NOT_KEPT].filter(Boolean).join(" ");
      fade();
    }
    function fade() {
      clearTimeout(said);
      said = setTimeout(function () { if (!status.matches(":hover")) { status.textContent = ""; } }, SAID_MS);
    }
    function save(contacts, broken) {
      var ok = store().set(SECTION, Object.assign({}, broken, contacts)) !== false;
      kept = ok;
      return ok;
    }

    // ---- Drawing
    function draw() {
      var held = load(), contacts = held.contacts, day = today(), ids = lib().order(contacts);
      weekList.textContent = "";
      var due = lib().thisWeek(contacts, day);
      due.forEach(function (entry) {
        var item = weekList.appendChild(make("li", "tracker-due" + (entry.overdue ? " tracker-due--late" : "")));
        var when = item.appendChild(make("span", "tracker-when", entry.contact.due === day ? "Today" : lib().dayDate(entry.contact.due)));
        if (entry.overdue) { when.textContent = "Overdue since " + lib().dayDate(entry.contact.due); }
        item.appendChild(make("strong", "tracker-who", entry.contact.name));
        if (entry.contact.next) { item.appendChild(make("span", "tracker-next", entry.contact.next)); }
        var done = item.appendChild(button("Followed up today", entry.contact.name));
        done.addEventListener("click", function () { followedUp(entry.id); });
      });
      weekEmpty.textContent = due.length ? "" : "Nobody to follow up with this week. Give people a follow-up date and they show here.";
      weekList.hidden = !due.length;

      cards.textContent = "";
      ids.forEach(function (id) { cards.appendChild(card(id, contacts[id], day)); });
      listTitle.textContent = ids.length ? "People you have met (" + ids.length + ")" : "People you have met";
      listEmpty.textContent = ids.length ? "" : "Nobody yet. Add the first person you met with the form above.";
      var others = Object.keys(held.broken).length;
      if (others) {
        listEmpty.textContent = others + " more " + (others === 1 ? "entry" : "entries") + " in this browser could not be read as " +
          "contacts; they are kept as they are, and travel with your exported progress.";
      }
      if (window.CourseQuiz) { window.CourseQuiz.markNavigation(); }
    }
    function card(id, contact, day) {
      var item = make("li", "tracker-card");
      item.setAttribute("data-id", id);
      item.appendChild(make("h3", "tracker-name", contact.name));
      var facts = ["Met on " + lib().longDate(contact.met), lib().status(contact.status).label];
      if (contact.due) { facts.push("follow up " + (contact.due === day ? "today" : "on " + lib().longDate(contact.due))); }
      item.appendChild(make("p", "tracker-facts", facts.join(" · ")));
      var details = make("dl", "tracker-details");
      lib().FIELDS.filter(function (f) { return !f.required && !f.choices && f.name !== "due" && contact[f.name]; }).forEach(function (f) {
        details.appendChild(make("dt", "", f.label));
        details.appendChild(make("dd", "", f.date ? lib().longDate(contact[f.name]) : contact[f.name]));
      });
      if (details.childNodes.length) { item.appendChild(details); }
      var actions = item.appendChild(make("p", "tracker-buttons"));
      actions.appendChild(button("Edit", contact.name)).addEventListener("click", function () { edit(id); });
      actions.appendChild(button("Delete", contact.name)).addEventListener("click", function () { remove(id); });
      if (contact.due) {
        actions.appendChild(button("Add the follow-up to my calendar", "with " + contact.name))
          .addEventListener("click", function () { calendar(id); });
      }
      return item;
    }
    function cardButton(id, index) {
      var item = all(".tracker-card", cards).filter(function (node) { return node.getAttribute("data-id") === id; })[0];
      return item ? all("button", item)[index] : null;
    }

    // ---- The form: counters, checks, add and edit
    function count(input) {
      var counter = document.getElementById(input.id + "-count"), max = input.maxLength, length = input.value.length;
      if (!counter) { return; }
      counter.textContent = length < NEAR * max ? "" : length + " of " + max + " characters" + (length >= max ? ": this box is full" : "");
    }
    function problemOf(input) {
      if (input.type === "date" && input.validity.badInput) {
        return "\u201c" + lib().field(input.name).label + "\u201d is not a whole date: give the day, the month and the year";
      }
      return lib().problem(input.name, input.value.trim());
    }
    function mark(input, problem) {
      document.getElementById(input.id + "-msg").textContent = problem;
      if (problem) { input.setAttribute("aria-invalid", "true"); } else { input.removeAttribute("aria-invalid"); }
    }
    function clearForm() {
      form.reset();
      inputs.met.value = today();
      Object.keys(inputs).forEach(function (name) { mark(inputs[name], ""); if (inputs[name].maxLength > 0) { count(inputs[name]); } });
    }
    function setMode(id) {
      editing = id;
      title.textContent = id ? "Edit " + load().contacts[id].name : "Add a person";
      submit.textContent = id ? "Save changes" : "Add person";
      cancel.hidden = !id;
    }
    function edit(id) {
      var contact = load().contacts[id];
      if (!contact) { return draw(); }
      clearForm();
      setMode(id);
      Object.keys(inputs).forEach(function (name) { inputs[name].value = contact[name]; if (inputs[name].maxLength > 0) { count(inputs[name]); } });
      formPart.scrollIntoView({ block: "start" });
      inputs.name.focus();
    }
    function stopEditing(focus) {
      var id = editing;
      setMode(null);
      clearForm();
      var back = id && cardButton(id, 0);
      if (focus && back) { back.focus(); }
    }
    form.addEventListener("input", function (event) {
      var input = event.target;
      if (input.maxLength > 0) { count(input); }
      if (input.getAttribute("aria-invalid")) { mark(input, problemOf(input)); }
    });
    form.addEventListener("submit", function (event) {
      event.preventDefault();
      var wrong = [], record = {};
      Object.keys(inputs).forEach(function (name) {
        var input = inputs[name], problem = problemOf(input);
        mark(input, problem);
        if (problem) { wrong.push(input); }
        record[name] = input.value.trim();
      });
      if (wrong.length) {
        say("Check " + (wrong.length === 1 ? "this field" : "these " + wrong.length + " fields") + ": " +
          wrong.map(function (input) { return document.getElementById(input.id + "-msg").textContent; }).join("; ") + ".");
        return wrong[0].focus();
      }
      var held = load(), contacts = held.contacts, contact = lib().clean(record).contact, id = editing;
      var twin = Object.keys(contacts).filter(function (other) {
        return other !== id && contacts[other].name.toLowerCase() === contact.name.toLowerCase() && contacts[other].met === contact.met;
      })[0];
      if (twin) {
        mark(inputs.name, "You already have " + contact.name + ", met on " + lib().longDate(contact.met) +
          ": edit that entry, or tell the two apart by name");
        say("Check this field: " + document.getElementById("tracker-name-msg").textContent + ".");
        return inputs.name.focus();
      }
      if (!id && Object.keys(contacts).length >= lib().MAX) {
        return say("The tracker holds at most " + lib().MAX + " people: delete someone to add another.");
      }
      id = id || lib().newId();
      contacts[id] = contact;
      save(contacts, held.broken);
      var wasEditing = editing;
      stopEditing(false);
      draw();
      say((wasEditing ? "Saved the changes to " : "Added ") + contact.name + ".");
      if (wasEditing) { cardButton(id, 0).focus(); } else { inputs.name.focus(); }
    });
    cancel.addEventListener("click", function () { stopEditing(true); say("Nothing was changed."); });

    // ---- Follow-ups, calendar, delete and undo
    function followedUp(id) {
      var held = load(), contact = held.contacts[id];
      if (!contact) { return draw(); }
      contact.followed = today();
      contact.due = "";
      if (contact.status === "follow-up") { contact.status = "waiting"; }
      save(held.contacts, held.broken);
      draw();
      say("Marked " + contact.name + " as followed up today. Give a new follow-up date when you want to write again.");
      (weekList.querySelector("button") || weekTitle).focus();
    }
    function calendar(id) {
      var contact = load().contacts[id];
      if (!contact || !contact.due) { return draw(); }
      store().download("follow-up-" + slug(contact.name) + ".ics", "text/calendar;charset=utf-8", lib().calendar(id, contact, new Date()));
      say("The follow-up with " + contact.name + " on " + lib().longDate(contact.due) + " was downloaded: open the file to add it to your calendar.");
    }
    function remove(id) {
      var held = load(), contact = held.contacts[id];
      if (!contact || !window.confirm("Delete " + contact.name + " from your contacts?")) { return; }
      if (editing === id) { stopEditing(false); }
      delete held.contacts[id];
      save(held.contacts, held.broken);
      draw();
      offerUndo(id, contact);
    }
    function closeUndo() {
      if (!undo) { return; }
      clearTimeout(undo.timer);
      undoBox.textContent = "";
      undo = null;
    }
    // "Deleted Priya. Undo": for a few seconds, and for as long as the pointer or focus is on it.
    function offerUndo(id, contact) {
      closeUndo();
      var node = undoBox;
      node.appendChild(make("span", "", "Deleted " + contact.name + ". "));
      var again = node.appendChild(button("Undo", "deleting " + contact.name, true));
      var current = undo = { timer: null };
      function later() { clearTimeout(current.timer); current.timer = setTimeout(function () { if (undo === current) { closeUndo(); } }, UNDO_MS); }
      function hold() { clearTimeout(current.timer); }
      again.addEventListener("focus", hold);
      again.addEventListener("mouseenter", hold);
      again.addEventListener("blur", later);
      again.addEventListener("mouseleave", later);
      again.addEventListener("click", function () {
        var held = load();
        held.contacts[id] = contact;
        save(held.contacts, held.broken);
        closeUndo();
        draw();
        say(contact.name + " is back in your contacts.");
        cardButton(id, 0).focus();
      });
      say("");
      again.focus();
      if (document.activeElement !== again) { later(); }
    }

    // ---- CSV out and in
    csvOut.addEventListener("click", function () {
      var contacts = load().contacts, n = Object.keys(contacts).length;
      if (!n) { return say("There is nobody to download yet."); }
      var name = "my-contacts-" + today() + ".csv";
      store().download(name, "text/csv;charset=utf-8", lib().toCsv(contacts));
      say("Your " + people(n) + " were saved to the file " + name + ". It opens in any spreadsheet program.");
    });
    csvIn.addEventListener("click", function () { file.click(); });
    function closeQuestion() { if (question) { question.remove(); question = null; } }
    function tell(lines) {
      closeQuestion();
      csvMessage.textContent = "";
      lines.forEach(function (line) {
        if (Array.isArray(line)) {
          var items = csvMessage.appendChild(make("ul", "tracker-skipped"));
          line.forEach(function (text) { items.appendChild(make("li", "", text)); });
        } else { csvMessage.appendChild(make("p", "", line)); }
      });
    }
    file.addEventListener("change", function () {
      var chosen = file.files[0];
      file.value = "";
      if (!chosen) { return; }
      function refuse(why) { tell(["Nothing was imported from " + chosen.name + ", and your contacts are as they were: " + why]); }
      if (chosen.size > lib().MAX_BYTES) { return refuse(lib().tooBig(chosen.size)); }
      tell([]);
      chosen.text().then(function (text) {
        var read = lib().fromCsv(text, load().contacts);
        if (read.error) { return refuse(read.error); }
        var left = read.skipped.length ? ["Left out:", read.skipped] : [];
        if (!read.added && !read.changed) {
          return tell(["Nothing to import from " + chosen.name + ": " + (read.same ? "the " + people(read.same) +
            " in it " + (read.same === 1 ? "is" : "are") + " here already, just as in the file." : "it holds nobody the tracker can take.")].concat(left));
        }
        ask(chosen.name, read, left);
      }, function () { refuse("this browser could not read it."); });
    });
    // What the file holds, what it leaves out, and the choice: nothing changes until the learner picks.
    function ask(name, read, left) {
      var parts = [read.added ? people(read.added) + " new" : "", read.changed ? people(read.changed) + " you have, with changes (the file's version replaces yours)" : "",
        read.same ? people(read.same) + " just as here" : ""].filter(Boolean);
      tell(["The file " + name + " holds " + parts.join(", ") + "."].concat(left));
      question = make("div", "tracker-import");
      question.setAttribute("role", "group");
      question.setAttribute("aria-label", "Import " + name + "?");
      var choices = question.appendChild(make("p", "tracker-buttons"));
      var yes = choices.appendChild(button("Import", "from " + name, true)), no = choices.appendChild(button("Cancel"));
      csvMessage.parentNode.insertBefore(question, csvMessage.nextSibling);
      yes.focus();
      no.addEventListener("click", function () {
        tell(["Nothing was imported from " + name + "; your contacts are as they were."]);
        csvIn.focus();
      });
      yes.addEventListener("click", function () {
        var held = load();
        save(Object.assign(held.contacts, read.contacts), held.broken);
        draw();
        tell(["Imported from " + name + ": " + [read.added ? people(read.added) + " new" : "", read.changed ? people(read.changed) + " updated" : ""]
          .filter(Boolean).join(" and ") + ". The tracker holds " + people(Object.keys(load().contacts).length) + "." +
          (kept ? "" : " " + NOT_KEPT)].concat(left));
        csvIn.focus();
      });
    }

    clearForm();
    draw();
  }

  function setUp() {
    if (!lib() || !store()) { return; }
    all(".tracker[data-tracker]:not(.tracker--ready)", document).forEach(setUpTracker);
  }
  if (window.document$) { window.document$.subscribe(setUp); } else { setUp(); }
})();
