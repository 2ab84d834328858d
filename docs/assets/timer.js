// Facilitator timers (instructor edition, instructor/timers/). Keyboard: Space start or pause, N next round,
// R reset, F full screen, 1-9 choose one of the timers shown (the rounds, and the parts of the chosen lesson).
// When a round ends the face changes colour and says what to do, in the words of the main button (the
// stylesheet leaves the pulse out for people who ask for reduced motion). No sound.
(function () {
  var state = null;

  function format(ms) {
    var seconds = Math.max(0, Math.ceil(ms / 1000));
    var minutes = Math.floor(seconds / 60);
    return minutes + ":" + (seconds % 60 < 10 ? "0" : "") + (seconds % 60);
  }
  function part(name) { return state.root.querySelector(name); }
  // What the main button does when a round has ended: the next round, or the timer again from round 1.
  function after() {
    var more = state.round < state.preset.rounds;
    return { label: more ? "Start round " + (state.round + 1) : "Start again", round: more ? state.round + 1 : 1 };
  }
  function toggleLabel() {
    if (state.running) { return "Pause"; }
    if (state.done) { return after().label; }
    return state.remaining < state.preset.seconds * 1000 ? "Resume" : "Start";
  }

  function render() {
    var preset = state.preset;
    var remaining = state.running ? state.endAt - Date.now() : state.remaining;
    part(".timer-time").textContent = format(remaining);
    part(".timer-name").textContent = preset.name;
    part(".timer-round").textContent = "Round " + state.round + " of " + preset.rounds;
    part(".timer-round").hidden = preset.rounds < 2;
    part('[data-action="toggle"]').textContent = toggleLabel();
    part('[data-action="next"]').hidden = preset.rounds < 2;  // a one-round timer has no next round to offer
    state.root.classList.toggle("timer--running", state.running);
    state.root.classList.toggle("timer--ending", state.running && remaining <= 10000);
    state.root.classList.toggle("timer--done", state.done);
  }
  function tick() {
    if (state && state.running && state.endAt - Date.now() <= 0) { finish(); }
    if (state) { render(); }
  }
  function finish() {
    state.running = false;
    state.remaining = 0;
    state.done = true;
    var last = state.round >= state.preset.rounds;
    part(".timer-cue").textContent = state.preset.cue + (state.preset.rounds > 1
      ? (last ? ". That was the last round." : ". Next: round " + (state.round + 1) + " of " + state.preset.rounds + ".") : ".");
  }
  function start() {
    if (state.done) { reset(after().round); }
    state.running = true;
    state.endAt = Date.now() + state.remaining;
    part(".timer-cue").textContent = "";
  }
  function pause() {
    state.remaining = Math.max(0, state.endAt - Date.now());
    state.running = false;
  }
  function reset(round) {
    state.running = false;
    state.done = false;
    state.round = round || 1;
    state.remaining = state.preset.seconds * 1000;
    part(".timer-cue").textContent = "";
  }
  function toggle() { if (state.running) { pause(); } else { start(); } render(); }
  function next() {
    if (state.preset.rounds < 2) { return; }
    reset(state.round >= state.preset.rounds ? 1 : state.round + 1);
    start();
    render();
  }
  // The buttons of the lesson chosen in the list; the number keys count only the buttons shown.
  function showLesson(slug) {
    var select = state.root.querySelector("[data-timer-lesson]");
    if (select && slug) { select.value = slug; }
    [].forEach.call(state.root.querySelectorAll(".timer-parts"), function (group) {
      group.hidden = group.getAttribute("data-lesson") !== (select && select.value);
    });
  }
  function shown() {
    return [].filter.call(state.root.querySelectorAll(".timer-preset"), function (button) { return !button.closest("[hidden]"); });
  }
  function choose(button) {
    state.preset = JSON.parse(button.getAttribute("data-preset"));
    if (state.preset.lesson) { showLesson(state.preset.lesson); }
    [].forEach.call(state.root.querySelectorAll(".timer-preset"), function (other) {
      other.setAttribute("aria-pressed", String(other === button));
    });
    reset(1);
    render();
  }
  function fullScreen() {
    var root = state.root;
    if (document.fullscreenElement) { document.exitFullscreen().catch(function () {}); return; }
    if (root.classList.contains("timer--full")) { root.classList.remove("timer--full"); return; }
    root.classList.add("timer--full");
    if (root.requestFullscreen) { root.requestFullscreen().catch(function () { /* the class alone fills the window */ }); }
  }
  function fromHash() {
    var button = location.hash && state.root.querySelector(".timer-preset" + location.hash.replace(/[^#\w-]/g, ""));
    choose(button || state.root.querySelector(".timer-preset"));
  }

  document.addEventListener("fullscreenchange", function () {
    if (state && !document.fullscreenElement) { state.root.classList.remove("timer--full"); }
  });
  window.addEventListener("hashchange", function () { if (state) { fromHash(); } });
  document.addEventListener("keydown", function (event) {
    if (!state || event.altKey || event.ctrlKey || event.metaKey || event.target.closest("input, textarea, select")) { return; }
    var key = event.key.toLowerCase();
    var presets = shown();
    if (key === " " || key === "k") { toggle(); }
    else if (key === "n" || key === "arrowright") { next(); }
    else if (key === "r") { reset(1); render(); }
    else if (key === "f") { fullScreen(); }
    else if (key === "escape" && state.root.classList.contains("timer--full")) { state.root.classList.remove("timer--full"); }
    else if (/^[1-9]$/.test(key) && presets[Number(key) - 1]) { choose(presets[Number(key) - 1]); }
    else { return; }
    // Space would also press the focused button or scroll the page, and Material's own shortcuts
    // (listening on window) would go to the next page on N and open the search on F.
    event.preventDefault();
    event.stopPropagation();
  });

  function setUp() {
    if (state) { clearInterval(state.interval); state = null; }
    var root = document.querySelector("[data-timer]");
    if (!root) { return; }
    state = { root: root, round: 1, running: false, done: false, interval: setInterval(tick, 200) };
    root.querySelector(".timer-controls").hidden = false;
    var select = root.querySelector("[data-timer-lesson]");
    if (select) { select.addEventListener("change", function () { showLesson(); }); }
    root.addEventListener("click", function (event) {
      var button = event.target.closest("button");
      if (!button) { return; }
      if (button.classList.contains("timer-preset")) { choose(button); }
      else if (button.dataset.action === "toggle") { toggle(); }
      else if (button.dataset.action === "next") { next(); }
      else if (button.dataset.action === "reset") { reset(1); render(); }
      else if (button.dataset.action === "fullscreen") { fullScreen(); }
      button.blur();  // keep the keys for the timer, not for the last button pressed
    });
    fromHash();
  }
  if (window.document$) { window.document$.subscribe(setUp); } else { document.addEventListener("DOMContentLoaded", setUp); }
})();
