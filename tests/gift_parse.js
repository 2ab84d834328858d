// Parse GIFT files with gift-pegjs and print the questions as JSON: node tests/gift_parse.js FILE...
// One file gives its list of questions; several give a list of such lists, in the order given.
const fs = require("fs");
const { parse } = require("gift-pegjs");

const parsed = [];
for (const file of process.argv.slice(2)) {
  try {
    parsed.push(parse(fs.readFileSync(file, "utf8")));
  } catch (error) {
    const where = error.location ? ` at line ${error.location.start.line}, column ${error.location.start.column}` : "";
    process.stderr.write(`${file}: GIFT parse error${where}: ${error.message}\n`);
    process.exit(1);
  }
}
process.stdout.write(JSON.stringify(process.argv.length === 3 ? parsed[0] : parsed));
