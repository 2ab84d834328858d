// A wide table or example scrolls sideways inside the text. A region that scrolls must be reachable by keyboard
// (WCAG 2.1.1, axe's scrollable-region-focusable), so each one that overflows becomes a focusable, named region;
// it stops being one when a wider window shows it whole.
(function () {
  var BOXES = ".md-typeset__scrollwrap, .md-typeset .admonition";
  function mark() {
    [].forEach.call(document.querySelectorAll(BOXES), function (box) {
      var scrolls = box.scrollWidth > box.clientWidth + 1, ours = box.getAttribute("data-course-scroll");
      if (scrolls && !box.hasAttribute("tabindex")) {
        box.setAttribute("tabindex", "0");
        box.setAttribute("data-course-scroll", box.hasAttribute("role") ? "tabindex" : "tabindex role aria-label");
        if (!box.hasAttribute("role")) {
          box.setAttribute("role", "region");
          box.setAttribute("aria-label", box.querySelector("table") ? "Table, scrolls sideways" : "Example, scrolls sideways");
        }
      } else if (!scrolls && ours) {
        (ours + " data-course-scroll").split(" ").forEach(function (name) { box.removeAttribute(name); });
      }
    });
  }
  if (window.document$) { window.document$.subscribe(mark); } else { document.addEventListener("DOMContentLoaded", mark); }
  var wait;
  window.addEventListener("resize", function () { clearTimeout(wait); wait = setTimeout(mark, 200); });
})();
