const test = require("node:test");
const assert = require("node:assert/strict");
const zlib = require("node:zlib");
const { escapeXml, fill, crc32, zip, docx } = require("../../docs/assets/lib/docx.js");

const run = (name, lines) => `<w:r><w:t>[[nplan:${name}:${lines}]]</w:t></w:r>`;
const t = (text) => `<w:t xml:space="preserve">${text}</w:t>`;

test("text is escaped for XML, and what XML cannot hold is left out", () => {
  assert.equal(escapeXml(`<b>&"'`), "&lt;b&gt;&amp;&quot;'");
  assert.equal(escapeXml("a\u0000b\u0007c\u000Bd\u001Fe\tf"), "abcde\tf");
  assert.equal(escapeXml("lone \uD800 high, lone \uDC00 low, pair \uD83D\uDE00"), "lone  high, lone  low, pair \uD83D\uDE00");
  assert.equal(escapeXml("\uFFFE\uFFFFok"), "ok");
});

test("a field becomes the learner's lines, each kept as typed, with breaks between them", () => {
  const xml = `<w:p>${run("goals", 3)}</w:p><w:p>${run("habit-time", 1)}</w:p>`;
  assert.equal(fill(xml, { goals: "Meet 3 people\r\n  at <meetups> & more\n\nThen rest  \n", "habit-time": "18:30" }),
    `<w:p><w:r>${t("Meet 3 people")}<w:br/>${t("  at &lt;meetups&gt; &amp; more")}<w:br/>${t("")}<w:br/>${t("Then rest")}</w:r></w:p>` +
    `<w:p><w:r>${t("18:30")}</w:r></w:p>`);
});

test("an empty or missing field keeps its box's lines to write on", () => {
  const xml = `${run("goals", 3)}${run("month-1-review", 4)}${run("habit-start", 1)}`;
  assert.equal(fill(xml, { goals: "  \n ", "habit-start": "" }),
    `<w:r>${t("")}<w:br/><w:br/></w:r><w:r>${t("")}<w:br/><w:br/><w:br/></w:r><w:r>${t("")}</w:r>`);
});

test("a field's value is text, never a pattern or a property of an object", () => {
  assert.equal(fill(run("goals", 1), { goals: "$& $1 $$" }), `<w:r>${t("$&amp; $1 $$")}</w:r>`);
  assert.equal(fill(run("constructor", 1), {}), `<w:r>${t("")}</w:r>`);
  assert.equal(fill("<w:t>[[nplan:Goals:1]]</w:t><w:t>plain</w:t>", { Goals: "x" }), "<w:t>[[nplan:Goals:1]]</w:t><w:t>plain</w:t>");
});

test("a field written with attributes and a box of ten lines or more is found too", () => {
  const xml = '<w:r><w:t xml:space="preserve">[[nplan:goals:12]]</w:t></w:r>';
  assert.equal(fill(xml, {}), `<w:r>${t("")}${"<w:br/>".repeat(11)}</w:r>`);
  assert.equal(fill(xml, { goals: "Hi" }), `<w:r>${t("Hi")}</w:r>`);
});

test("a value that is null or undefined is an empty box; a lone carriage return and leading blank lines are line breaks", () => {
  assert.equal(fill(run("goals", 2), { goals: null }), `<w:r>${t("")}<w:br/></w:r>`);
  assert.equal(fill(run("goals", 2), { goals: undefined }), `<w:r>${t("")}<w:br/></w:r>`);
  assert.equal(fill(run("goals", 1), { goals: "one\rtwo" }), `<w:r>${t("one")}<w:br/>${t("two")}</w:r>`);
  assert.equal(fill(run("goals", 1), { goals: "\n\n\nHello" }), `<w:r>${t("Hello")}</w:r>`);
});

test("CRC-32 is the zip format's", () => {
  assert.equal(crc32(new TextEncoder().encode("123456789")), 0xCBF43926);
  assert.equal(crc32(new Uint8Array(0)), 0);
});

// Reads a zip as its central directory describes it, inflating what is deflated.
function unzip(bytes) {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength), files = [];
  const end = bytes.length - 22;
  assert.equal(view.getUint32(end, true), 0x06054b50);
  const count = view.getUint16(end + 10, true);
  let at = view.getUint32(end + 16, true);
  assert.equal(at + view.getUint32(end + 12, true), end, "the central directory ends where the end record starts");
  for (let i = 0; i < count; i += 1) {
    assert.equal(view.getUint32(at, true), 0x02014b50);
    const method = view.getUint16(at + 10, true), crc = view.getUint32(at + 16, true);
    const packed = view.getUint32(at + 20, true), size = view.getUint32(at + 24, true);
    const nameLength = view.getUint16(at + 28, true), offset = view.getUint32(at + 42, true);
    const name = Buffer.from(bytes.subarray(at + 46, at + 46 + nameLength)).toString("utf8");
    assert.equal(view.getUint32(offset, true), 0x04034b50, name);
    assert.equal(view.getUint32(offset + 14, true), crc, `${name}: the local header agrees`);
    const start = offset + 30 + view.getUint16(offset + 26, true) + view.getUint16(offset + 28, true);
    const raw = bytes.subarray(start, start + packed);
    const data = method === 8 ? zlib.inflateRawSync(raw) : Buffer.from(raw);
    assert.equal(data.length, size, name);
    assert.equal(crc32(data), crc, name);
    files.push({ name, method, text: data.toString("utf8") });
    at += 46 + nameLength;
  }
  return files;
}

test("a zip holds its parts in order: text stored, deflated parts copied as they are", () => {
  const styles = "<w:styles>" + "x".repeat(500) + "</w:styles>";
  const packed = zlib.deflateRawSync(Buffer.from(styles));
  const bytes = zip([{ name: "[Content_Types].xml", text: "<Types/>" },
                     { name: "word/styles.xml", deflated: packed.toString("base64"), crc: crc32(Buffer.from(styles)), size: styles.length },
                     { name: "word/document.xml", text: "<w:t>Grüße, 東京 😀</w:t>" }]);
  assert.deepEqual(unzip(bytes), [{ name: "[Content_Types].xml", method: 0, text: "<Types/>" },
                                  { name: "word/styles.xml", method: 8, text: styles },
                                  { name: "word/document.xml", method: 0, text: "<w:t>Grüße, 東京 😀</w:t>" }]);
  assert.deepEqual(zip([{ name: "a", text: "b" }]), zip([{ name: "a", text: "b" }]), "the same parts make the same file");
});

test("a document is the template with its document.xml filled in and every other part unchanged", () => {
  const rels = "<Relationships/>", packed = zlib.deflateRawSync(Buffer.from(rels)).toString("base64");
  const template = { document: `<w:body>${run("goals", 2)}</w:body>`,
                     parts: [{ name: "_rels/.rels", deflated: packed, crc: crc32(Buffer.from(rels)), size: rels.length },
                             { name: "word/document.xml" }] };
  assert.deepEqual(unzip(docx(template, { goals: "<b>&\"'" })).map((f) => f.text),
    [rels, `<w:body><w:r>${t("&lt;b&gt;&amp;&quot;'")}</w:r></w:body>`]);
});
