// A Word file from a template: fills the learner's text into a document.xml where the template marks each field
// ("[[nplan:<name>:<lines>]]" alone in a run, written by macros/plan_output.py), and zips the parts into a .docx.
// The zip is our own: the template's parts come deflated from the build and are copied as they are, and the
// filled document.xml is stored (no compression, so no deflate code here); a few dozen lines instead of a library.
(function (root, factory) {
  var api = factory();
  if (typeof module === "object" && module.exports) { module.exports = api; } else { root.CourseDocx = api; }
})(this, function () {
  var FIELD = /<w:t(?:\s[^>]*)?>\[\[nplan:([a-z0-9-]+):(\d+)\]\]<\/w:t>/g;
  // What XML 1.0 cannot hold: control characters other than tab and line breaks, U+FFFE/U+FFFF, and a surrogate
  // that is not half of a pair (a pair, matched first, stays).
  var INVALID = /[\uD800-\uDBFF][\uDC00-\uDFFF]|[\uD800-\uDFFF\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g;

  function escapeXml(text) {
    return String(text).replace(INVALID, function (found) { return found.length === 2 ? found : ""; }).replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;")
      .replace(/"/g, "&quot;");
  }
  // A field's runs: each line of the text, kept as typed, with a line break between lines; an empty field
  // keeps its box's lines to write on by hand.
  function runs(text, lines) {
    var value = String(text === undefined || text === null ? "" : text).replace(/\r\n?/g, "\n").replace(/\s+$/, "");
    if (!value) { return '<w:t xml:space="preserve"></w:t>' + new Array(lines).join("<w:br/>"); }
    return value.replace(/^\n+/, "").split("\n").map(function (line) {
      return '<w:t xml:space="preserve">' + escapeXml(line) + "</w:t>";
    }).join("<w:br/>");
  }
  // The template's document.xml with each field replaced by values[name] (missing: empty).
  function fill(xml, values) {
    return xml.replace(FIELD, function (field, name, lines) {
      return runs(Object.prototype.hasOwnProperty.call(values, name) ? values[name] : "", Math.max(1, Number(lines)));
    });
  }

  var TABLE = [];
  for (var n = 0; n < 256; n += 1) {
    var c = n;
    for (var k = 0; k < 8; k += 1) { c = c & 1 ? 0xEDB88320 ^ (c >>> 1) : c >>> 1; }
    TABLE[n] = c >>> 0;
  }
  function crc32(bytes) {
    var crc = 0xFFFFFFFF;
    for (var i = 0; i < bytes.length; i += 1) { crc = TABLE[(crc ^ bytes[i]) & 0xFF] ^ (crc >>> 8); }
    return (crc ^ 0xFFFFFFFF) >>> 0;
  }
  function fromBase64(text) {
    var binary = atob(text), bytes = new Uint8Array(binary.length);
    for (var i = 0; i < binary.length; i += 1) { bytes[i] = binary.charCodeAt(i); }
    return bytes;
  }

  // A zip of `parts`, in order: {name, text} is stored as UTF-8; {name, deflated (base64 of raw deflate data),
  // crc, size} is copied as it is. Every entry is dated 1980-01-01, so the same parts make the same file.
  function zip(parts) {
    var chunks = [], central = [], offset = 0, encoder = new TextEncoder();
    function header(fields) {
      var bytes = new Uint8Array(fields.reduce(function (sum, f) { return sum + f[1]; }, 0)), at = 0;
      var view = new DataView(bytes.buffer);
      fields.forEach(function (f) { if (f[1] === 4) { view.setUint32(at, f[0], true); } else { view.setUint16(at, f[0], true); } at += f[1]; });
      return bytes;
    }
    parts.forEach(function (part) {
      var name = encoder.encode(part.name), stored = part.deflated === undefined;
      var data = stored ? encoder.encode(part.text) : fromBase64(part.deflated);
      var crc = stored ? crc32(data) : part.crc, size = stored ? data.length : part.size, method = stored ? 0 : 8;
      var common = [[20, 2], [0x0800, 2], [method, 2], [0, 2], [0x21, 2], [crc, 4], [data.length, 4], [size, 4],
                    [name.length, 2], [0, 2]];
      var local = header([[0x04034b50, 4]].concat(common));
      central.push(header([[0x02014b50, 4], [20, 2]].concat(common, [[0, 2], [0, 2], [0, 2], [0, 4], [offset, 4]])), name);
      chunks.push(local, name, data);
      offset += local.length + name.length + data.length;
    });
    var size = central.reduce(function (sum, c) { return sum + c.length; }, 0);
    var end = header([[0x06054b50, 4], [0, 2], [0, 2], [parts.length, 2], [parts.length, 2], [size, 4], [offset, 4], [0, 2]]);
    var all = chunks.concat(central, [end]), out = new Uint8Array(offset + size + end.length), at = 0;
    all.forEach(function (chunk) { out.set(chunk, at); at += chunk.length; });
    return out;
  }

  // The .docx of a template (window.CoursePlanWord: {document, parts}) filled with values.
  function docx(template, values) {
    return zip(template.parts.map(function (part) {
      return part.deflated === undefined ? { name: part.name, text: fill(template.document, values) } : part;
    }));
  }

  return { escapeXml: escapeXml, fill: fill, crc32: crc32, zip: zip, docx: docx };
});
