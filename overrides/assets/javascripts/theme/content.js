// Material's inline scripts after the page content (partials/javascripts/content.html, 9.8.1), as a file,
// so that pages run under a Content-Security-Policy without 'unsafe-inline'. Instant navigation loads it
// again with each page's content, as it re-ran the inline scripts.
(function (script) {
  // With the feature content.tabs.link: select the tabs the learner last chose.
  var tabs = script.hasAttribute("data-md-tabs-link") && __md_get("__tabs");
  if (Array.isArray(tabs)) {
    sets: for (var set of document.querySelectorAll(".tabbed-set")) {
      var labels = set.querySelector(".tabbed-labels");
      for (var tab of tabs) {
        for (var label of labels.getElementsByTagName("label")) {
          if (label.innerText.trim() === tab) {
            document.getElementById(label.htmlFor).checked = true;
            continue sets;
          }
        }
      }
    }
  }
  // A link to a tab (#__tabbed_1_2) selects it.
  var target = document.getElementById(location.hash.slice(1));
  if (target && target.name) target.checked = target.name.startsWith("__tabbed_");
})(document.currentScript);
