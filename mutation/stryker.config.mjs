// Mutation testing of the browser's pure modules with their Node tests; run from the project root by
// `make mutation`, once per module (MODULE=review): each mutant then runs only the test files that require
// that module and modules.test.js (which loads each module as a page does), several times quicker than
// the whole of tests/js/.
const module = process.env.MODULE || "*";
// MUTATE="file:line:column-line:column ..." checks only those mutants again (the survivors of the last run, after
// new tests); mutation/report.py lays that run over the last full one. AGAIN=-2 names a second such run
// (mutants/stryker/<module>-2.again.json), so that it does not replace the first.
const only = process.env.MUTATE ? process.env.MUTATE.split(" ") : null;

export default {
  testRunner: "command",
  commandRunner: { command: `node --test tests/js/modules.test.js $(grep -l 'lib/${module}.js' tests/js/*.test.js)` },
  mutate: only || [`docs/assets/lib/${module}.js`],
  ignorePatterns: ["/*", "!/docs", "/docs/*", "!/docs/assets", "/docs/assets/*", "!/docs/assets/lib", "!/tests", "/tests/*", "!/tests/js"],
  coverageAnalysis: "off",
  concurrency: 2,
  reporters: ["clear-text", "json"],
  jsonReporter: { fileName: `mutants/stryker/${module}${only ? (process.env.AGAIN || "") + ".again" : ""}.json` },
  tempDirName: `mutants/.stryker-tmp-${module}`,
  cleanTempDir: true,
};
