// Print buttons on worksheets, and clock times on session plans. Without JavaScript both stay hidden:
// the browser's own print works, and the plans show minutes from the start.
(function () {
  function all(selector, root) { return [].slice.call((root || document).querySelectorAll(selector)); }

  // A print button prints the page, or with data-print="id" only that element (the CSS hides the rest).
  document.addEventListener("click", function (event) {
    var button = event.target.closest && event.target.closest("[data-print]");
    if (!button) { return; }
    var target = button.getAttribute("data-print") && document.getElementById(button.getAttribute("data-print"));
    if (target) {
      document.body.classList.add("print-one");
      target.classList.add("print-target");
    }
    window.print();
  });
  window.addEventListener("afterprint", function () {
    document.body.classList.remove("print-one");
    all(".print-target").forEach(function (node) { node.classList.remove("print-target"); });
  });

  // Session plans: "+32 min" becomes a clock time once a start time is typed. Remembered in this browser.
  function pad(number) { return (number < 10 ? "0" : "") + number; }
  function clock(start, minutes) {
    var total = ((start + minutes) % 1440 + 1440) % 1440;
    return pad(Math.floor(total / 60)) + ":" + pad(total % 60);
  }
  function saved() { return window.CourseStore ? window.CourseStore.get("instructor") : {}; }
  function save(key, value) {
    if (!window.CourseStore) { return; }
    var data = saved();
    data[key] = value;
    window.CourseStore.set("instructor", data);
  }
  function update(plan) {
    var start = plan.querySelector("[data-plan-start]");
    var pause = plan.querySelector("[data-plan-break]");
    var parts = /^(\d{1,2}):(\d{2})$/.exec(start.value);
    var breakMinutes = pause ? Math.max(0, parseInt(pause.value, 10) || 0) : 0;
    all(".plan-at", plan).forEach(function (cell) {
      var offset = parseInt(cell.getAttribute("data-offset"), 10);
      var minutes = offset + breakMinutes * parseInt(cell.getAttribute("data-break"), 10);
      cell.textContent = parts ? clock(parseInt(parts[1], 10) * 60 + parseInt(parts[2], 10), minutes) : "+" + minutes + " min";
      cell.title = "+" + minutes + " min";
    });
  }
  function setUp() {
    all("[data-print]").forEach(function (button) { button.closest(".print-control").hidden = false; });
    all("[data-plan]").forEach(function (plan) {
      var start = plan.querySelector("[data-plan-start]");
      var pause = plan.querySelector("[data-plan-break]");
      plan.querySelector(".plan-controls").hidden = false;
      if (saved().start) { start.value = saved().start; }
      if (pause && saved().pause) { pause.value = saved().pause; }
      start.addEventListener("input", function () { save("start", start.value); update(plan); });
      if (pause) { pause.addEventListener("input", function () { save("pause", pause.value); update(plan); }); }
      update(plan);
    });
  }
  if (window.document$) { window.document$.subscribe(setUp); } else { document.addEventListener("DOMContentLoaded", setUp); }
})();
