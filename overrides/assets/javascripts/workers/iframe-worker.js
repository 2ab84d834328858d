// Web Workers for pages opened from disk (file://), where browsers start none: Material's search worker then
// runs in a hidden frame. mkdocs.offline.yml loads this file (extra.polyfills) into the offline copy.
// After iframe-worker 1.0.4 by Martin Donath (MIT licence, https://github.com/squidfunk/iframe-worker), the shim
// Material's offline plugin would load from a CDN; unlike it, this one runs under the pages'
// Content-Security-Policy: the frame loads its set-up from this same file, not from an inline script.
// It sits beside Material's worker because the worker finds its folder from the frame's first script.
(function (script) {
  "use strict";
  var worker = script.getAttribute("data-worker");

  if (worker !== null) {
    // In the frame, before the worker's script: the globals a worker has.
    window.postMessage = function (message, origin) {
      parent.postMessage(message, origin || "*");
    };
    window.importScripts = function () {
      return Array.prototype.reduce.call(arguments, function (done, url) {
        return done.then(function () {
          return new Promise(function (resolve) {
            var next = document.createElement("script");
            next.src = url;
            next.onload = resolve;
            document.body.appendChild(next);
          });
        });
      }, Promise.resolve());
    };
    window.addEventListener("error", function (event) {
      parent.dispatchEvent(new ErrorEvent("error", { filename: worker, error: event.error }));
    });
    return;
  }

  var shim = script.src;

  function attribute(text) {
    return String(text).replace(/&/g, "&amp;").replace(/"/g, "&quot;");
  }

  class IFrameWorker extends EventTarget {
    constructor(url) {
      super();
      this.url = url;
      this.m = (event) => {
        if (event.source !== this.w) return;
        this.dispatchEvent(new MessageEvent("message", { data: event.data }));
        if (this.onmessage) this.onmessage(event);
      };
      this.e = (message, filename, lineno, colno, error) => {
        if (filename !== `${this.url}`) return;
        var event = new ErrorEvent("error", { message, filename, lineno, colno, error });
        this.dispatchEvent(event);
        if (this.onerror) this.onerror(event);
      };
      var frame = document.createElement("iframe");
      frame.hidden = true;
      document.body.appendChild(this.iframe = frame);
      this.w.document.open();
      this.w.document.write(`<html><body><script src="${attribute(shim)}" data-worker="${attribute(url)}"></script>` +
        `<script src="${attribute(url)}?${Date.now()}"></script></body></html>`);
      this.w.document.close();
      window.onmessage = this.m;
      window.onerror = this.e;
      this.r = new Promise((resolve, reject) => {
        this.w.onload = resolve;
        this.w.onerror = reject;
      });
    }

    terminate() {
      this.iframe.remove();
      window.onmessage = window.onerror = null;
    }

    postMessage(data) {
      this.r.catch().then(() => {
        this.w.dispatchEvent(new MessageEvent("message", structuredClone({ data })));
      });
    }

    get w() {
      return this.iframe.contentWindow;
    }
  }

  window.IFrameWorker = IFrameWorker;
  if (location.protocol === "file:") window.Worker = IFrameWorker;
})(document.currentScript);
