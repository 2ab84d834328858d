// Every pure module of docs/assets/lib/ as the page loads it: a plain script (no `module`), which
// leaves one global, window.Course<Name>, with the same functions that Node's require() returns.
const test = require("node:test");
const assert = require("node:assert/strict");
const fs = require("node:fs");
const path = require("node:path");

const LIB = path.join(__dirname, "..", "..", "docs", "assets", "lib");
const modules = fs.readdirSync(LIB).filter((name) => name.endsWith(".js")).sort();

test("the browser modules are found", () => {
  assert.ok(modules.includes("score.js"), modules.join(", "));
});

for (const name of modules) {
  test(`${name} loads in a page as one Course* global`, () => {
    // A script's `this` is the page's window; here no `module` is in scope, as in a page.
    const window = {};
    new Function(fs.readFileSync(path.join(LIB, name), "utf8")).call(window);
    const globals = Object.keys(window);
    assert.equal(globals.length, 1, `${name} leaves ${globals.join(", ")}`);
    assert.match(globals[0], /^Course[A-Z][A-Za-z]+$/);
    const inNode = require(path.join(LIB, name));
    assert.deepEqual(Object.keys(window[globals[0]]).sort(), Object.keys(inNode).sort());
    for (const key of Object.keys(inNode)) {
      assert.equal(typeof window[globals[0]][key], typeof inNode[key], key);
    }
  });
}
