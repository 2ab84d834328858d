// Material's inline scripts of the page head, as a file, so that pages run under a Content-Security-Policy
// without 'unsafe-inline'. Loaded by overrides/partials/javascripts/base.html, blocking, before the body.

// Material's storage helpers (partials/javascripts/base.html, 9.8.1), made safe: when storage is blocked
// (private mode, a browser setting) or holds garbage, reading gives null instead of an error that stops
// the page's own scripts.
(function (script) {
  var scope = new URL(script.getAttribute("data-md-scope"), location);
  window.__md_scope = scope;
  window.__md_hash = function (text) {
    return Array.from(text).reduce(function (hash, char) { return (hash << 5) - hash + char.charCodeAt(0); }, 0);
  };
  window.__md_get = function (key, storage, base) {
    try {
      return JSON.parse((storage || localStorage).getItem((base || window.__md_scope).pathname + "." + key));
    } catch (error) {
      return null;
    }
  };
  window.__md_set = function (key, value, storage, base) {
    try {
      (storage || localStorage).setItem((base || window.__md_scope).pathname + "." + key, JSON.stringify(value));
    } catch (error) {}
  };

  // Material's palette script (partials/javascripts/palette.html), which ran inline in the header: it puts
  // the learner's chosen colour scheme on <body>. A MutationObserver runs it as soon as the parser has made
  // the elements it reads; its callback runs before the browser next paints, so the page never flashes.
  if (!script.hasAttribute("data-md-palette")) return;
  var palette = window.__md_get("__palette");
  if (!palette || !palette.color) return;
  var automatic = palette.color.media === "(prefers-color-scheme)";
  var observer = new MutationObserver(function () {
    if (!document.body) return;
    if (automatic) {
      var media = matchMedia("(prefers-color-scheme: light)");
      var input = document.querySelector(media.matches
        ? "[data-md-color-media='(prefers-color-scheme: light)']"
        : "[data-md-color-media='(prefers-color-scheme: dark)']");
      if (!input) return;
      ["media", "scheme", "primary", "accent"].forEach(function (key) {
        palette.color[key] = input.getAttribute("data-md-color-" + key);
      });
    }
    observer.disconnect();
    Object.keys(palette.color).forEach(function (key) {
      document.body.setAttribute("data-md-color-" + key, palette.color[key]);
    });
  });
  observer.observe(document.documentElement, { childList: true, subtree: true });
  document.addEventListener("DOMContentLoaded", function () { observer.disconnect(); });
})(document.currentScript);
