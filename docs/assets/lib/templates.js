// Message templates: filling in placeholders and counting characters. Pure, so it runs in the page
// (window.CourseTemplates) and in Node's tests. macros/messages.py checks and counts the same way.
(function (root, factory) {
  var api = factory();
  if (typeof module === "object" && module.exports) { module.exports = api; } else { root.CourseTemplates = api; }
})(this, function () {
  var PLACEHOLDER = /\{([a-z][a-z0-9_]*)\}/g;

  // The text as a list of {text: "words"} and {field: "name"} parts, in order.
  function parts(text) {
    var found = [], last = 0, match;
    PLACEHOLDER.lastIndex = 0;
    while ((match = PLACEHOLDER.exec(text)) !== null) {
      if (match.index > last) { found.push({ text: text.slice(last, match.index) }); }
      found.push({ field: match[1] });
      last = PLACEHOLDER.lastIndex;
    }
    if (last < text.length) { found.push({ text: text.slice(last) }); }
    return found;
  }

  // Each placeholder replaced by its value; blank(name) (or the placeholder itself) where there is none.
  // A value is only ever text (so nothing that objects inherit, such as "constructor"), and nothing in it is
  // read as a placeholder again.
  function fill(text, values, blank) {
    return parts(text).map(function (part) {
      if (part.text !== undefined) { return part.text; }
      var value = values ? values[part.field] : "";
      return typeof value === "string" && value !== "" ? value : (blank ? blank(part.field) : "{" + part.field + "}");
    }).join("");
  }

  // Characters as a text box counts them, which is what LinkedIn's note box shows: UTF-16 code units
  // (an emoji counts two), a line break one.
  function count(text) { return String(text).replace(/\r\n?/g, "\n").length; }

  // At most limit characters, never cutting an emoji or other surrogate pair in half.
  function clip(value, limit) {
    if (value.length <= limit) { return value; }
    var cut = value.slice(0, limit);
    return /[\ud800-\udbff]$/.test(cut) ? cut.slice(0, -1) : cut;
  }

  // What the count says: "169 of 300 characters", "312 of 300 characters: 12 over the limit", "355 characters".
  function countText(length, limit) {
    if (!limit) { return length + (length === 1 ? " character" : " characters"); }
    var text = length + " of " + limit + " characters";
    return length > limit ? text + ": " + (length - limit) + " over the limit" : text;
  }

  return { parts: parts, fill: fill, count: count, clip: clip, countText: countText };
});
