// Parse a GIFT file with gift-pegjs and print the questions as JSON: node tests/gift_parse.js FILE
const fs = require("fs");
const { parse } = require("gift-pegjs");

try {
  process.stdout.write(JSON.stringify(parse(fs.readFileSync(process.argv[2], "utf8"))));
} catch (error) {
  const where = error.location ? ` at line ${error.location.start.line}, column ${error.location.start.column}` : "";
  process.stderr.write(`GIFT parse error${where}: ${error.message}\n`);
  process.exit(1);
}
