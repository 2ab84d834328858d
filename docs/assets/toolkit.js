// The message templates page: the learner's details, kept in this browser (CourseStore section "toolkit":
// {"fields": {name: value}}), fill in every message as they type; each message can be copied, and its length
// is counted against its platform's limit. Nothing is sent anywhere. Without this script the page shows
// every template with its blanks in brackets.
(function () {
  var SECTION = "toolkit";
  var fallback = { get: function () { return {}; }, set: function () { return false; } };

  function store() { return window.CourseStore || fallback; }
  function all(selector, root) { return [].slice.call((root || document).querySelectorAll(selector)); }
  function isRecord(value) { return !!value && typeof value === "object" && !Array.isArray(value); }

  function saved() {
    var fields = store().get(SECTION).fields;
    return isRecord(fields) ? fields : {};
  }
  // The whole "toolkit" section is kept: only its "fields" change here. Details saved under names this page
  // does not show are kept too.
  function save(values) {
    var section = store().get(SECTION), fields = {}, name;
    var previous = isRecord(section.fields) ? section.fields : {};
    for (name in previous) { if (Object.prototype.hasOwnProperty.call(previous, name)) { fields[name] = previous[name]; } }
    for (name in values) {
      if (!Object.prototype.hasOwnProperty.call(values, name)) { continue; }
      if (values[name]) { fields[name] = values[name]; } else { delete fields[name]; }
    }
    var copy = {};
    for (name in section) { if (Object.prototype.hasOwnProperty.call(section, name)) { copy[name] = section[name]; } }
    copy.fields = fields;
    return store().set(SECTION, copy);
  }

  function template(message) {
    if (!message.templateData) { message.templateData = JSON.parse(message.getAttribute("data-template")); }
    return message.templateData;
  }
  function blankOf(data) { return function (name) { return data.blanks[name] || "{" + name + "}"; }; }

  // Redraws one message from the details; returns what it now holds.
  function draw(message, values, T) {
    var data = template(message), live = message.querySelector(".msg-live");
    live.textContent = "";
    T.parts(data.text).forEach(function (part) {
      if (part.text !== undefined) { live.appendChild(document.createTextNode(part.text)); return; }
      var span = document.createElement("span"), value = values[part.field] || "";
      span.className = value ? "msg-slot msg-slot--filled" : "msg-slot";
      span.setAttribute("data-field", part.field);
      span.textContent = value || blankOf(data)(part.field);
      live.appendChild(span);
    });
    var text = T.fill(data.text, values, blankOf(data)), length = T.count(text);
    var over = data.limit > 0 && length > data.limit;
    message.querySelector(".msg-count").textContent = T.countText(length, data.limit);
    message.classList.toggle("msg--over", over);
    var missing = T.parts(data.text).map(function (part) { return part.field; })
      .filter(function (name, i, names) { return name && !values[name] && names.indexOf(name) === i; });
    return { text: text, length: length, over: over, title: data.title, limit: data.limit,
             missing: missing.map(blankOf(data)) };
  }

  function copy(message, state) {
    var status = message.querySelector(".msg-status");
    function copied() {
      var notes = ["Copied."];
      if (state.missing.length) { notes.push("It still has blanks to fill in: " + state.missing.join(", ") + "."); }
      if (state.over) { notes.push("It is " + (state.length - state.limit) + " characters over the limit: shorten it before you send it."); }
      status.textContent = notes.join(" ");
    }
    // The clipboard may be blocked (permissions, an old browser, a page not served over https): select the
    // message instead, so one key press copies it.
    function select() {
      var range = document.createRange(), selection = window.getSelection();
      range.selectNodeContents(message.querySelector(".msg-live"));
      selection.removeAllRanges();
      selection.addRange(range);
      status.textContent = "This browser did not let the page copy. The message is selected: press Ctrl+C (or \u2318+C on a Mac) to copy it.";
    }
    status.textContent = "";
    if (navigator.clipboard && navigator.clipboard.writeText) {
      navigator.clipboard.writeText(state.text).then(copied, select);
    } else {
      select();
    }
  }

  function setUp() {
    var form = document.querySelector(".msg-form");
    var T = window.CourseTemplates;
    if (!form || !T || form.getAttribute("data-ready")) { return; }
    form.setAttribute("data-ready", "true");
    var limit = Number(form.getAttribute("data-field-limit")) || 200;
    var inputs = all("input[name]", form), messages = all(".msg[data-template]");
    var formStatus = form.querySelector(".msg-form-status"), announce = document.querySelector(".msg-announce");
    var states = {}, spoken = {}, timer = null, warned = false;

    function values() {
      var found = {};
      inputs.forEach(function (input) { found[input.name] = input.value.trim(); });
      return found;
    }
    function drawAll() {
      var current = values();
      messages.forEach(function (message) { states[message.getAttribute("data-msg")] = draw(message, current, T); });
    }
    // One polite message once typing pauses, for the messages with a limit whose length changed.
    function speak() {
      var news = [];
      messages.forEach(function (message) {
        var state = states[message.getAttribute("data-msg")];
        if (!state.limit || spoken[state.title] === state.length) { return; }
        spoken[state.title] = state.length;
        news.push(state.title + ": " + T.countText(state.length, state.limit) + ".");
      });
      if (news.length) { announce.textContent = news.join(" "); }
    }
    function keep(current) {
      if (!save(current) && !warned) {
        warned = true;
        formStatus.textContent = "This browser is not keeping your details (its storage is blocked or full). " +
          "They fill in the messages on this page until you leave it.";
      }
    }

    var kept = saved(), shortened = false;
    inputs.forEach(function (input) {
      var value = typeof kept[input.name] === "string" ? kept[input.name] : "";
      if (value.length > limit) { value = T.clip(value, limit); shortened = true; }
      input.value = value;
    });
    if (shortened) { formStatus.textContent = "A saved detail was longer than " + limit + " characters and has been shortened."; }
    drawAll();
    messages.forEach(function (message) { spoken[states[message.getAttribute("data-msg")].title] = states[message.getAttribute("data-msg")].length; });

    form.addEventListener("submit", function (event) { event.preventDefault(); });
    form.addEventListener("input", function (event) {
      var input = event.target;
      if (input.value.length > limit) {
        input.value = T.clip(input.value, limit);
        formStatus.textContent = "Each detail can be up to " + limit + " characters; the rest was cut.";
      }
      drawAll();
      keep(values());
      clearTimeout(timer);
      timer = setTimeout(speak, 900);
    });
    form.querySelector("[data-msg-clear]").addEventListener("click", function () {
      if (!window.confirm("Clear every detail you typed? The messages go back to their blanks.")) { return; }
      var cleared = {};
      inputs.forEach(function (input) { input.value = ""; cleared[input.name] = ""; });
      keep(cleared);
      drawAll();
      formStatus.textContent = "Your details were cleared.";
      inputs[0].focus();
    });
    messages.forEach(function (message) {
      message.querySelector("[data-msg-copy]").addEventListener("click", function () {
        copy(message, states[message.getAttribute("data-msg")]);
      });
      message.querySelector(".msg-tools").hidden = false;
    });
    form.hidden = false;
  }

  if (window.document$) { window.document$.subscribe(setUp); } else { setUp(); }
})();
