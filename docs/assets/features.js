// Feature bundles after an instant navigation. The build puts a feature's stylesheet and script into the pages
// that hold it (macros/assets.py); an instant navigation swaps the content and the head's links, but runs no
// new script from the foot of the page. So when a page arrives holding a feature's root element, this loads
// the feature's script once, and keeps its stylesheet before the core one, where print.css stays last.
(function () {
  var core = document.currentScript && document.currentScript.src;
  if (!core || !window.document$) { return; }
  var coreStyle = new URL("course.bundle.css", core).href;

  function table() {
    try { return JSON.parse(document.querySelector('meta[name="course-bundles"]').content) || {}; } catch (error) { return {}; }
  }
  function load() {
    var features = table(), before = [].filter.call(document.querySelectorAll("link[rel=stylesheet]"),
      function (link) { return link.href === coreStyle; })[0];
    Object.keys(features).forEach(function (name) {
      var feature = features[name], marked = '[data-course-bundle="' + name + '"]';
      if (!document.querySelector(feature.root)) { return; }
      if (feature.css) {
        var link = document.querySelector("link" + marked);
        if (!link) {
          link = document.createElement("link");
          link.rel = "stylesheet";
          link.href = new URL(feature.css, core).href;
          link.setAttribute("data-course-bundle", name);
        }
        var placed = link.isConnected && (!before || link.compareDocumentPosition(before) & Node.DOCUMENT_POSITION_FOLLOWING);
        if (!placed) { document.head.insertBefore(link, before || null); }
      }
      if (feature.js && !document.querySelector("script" + marked)) {
        var script = document.createElement("script");
        script.src = new URL(feature.js, core).href;
        script.async = false;  // run in the order added, as the page's own tags do: a feature may build on another
        script.setAttribute("data-course-bundle", name);
        document.body.appendChild(script);
      }
    });
  }
  window.document$.subscribe(load);
})();
