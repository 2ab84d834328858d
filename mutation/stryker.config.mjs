// Mutation testing of the browser's pure modules with their Node tests; run from the project root by
// `make mutation`, once per module (MODULE=review): each mutant then runs only the test files that require
// that module and modules.test.js (which loads each module as a page does), several times quicker than
// the whole of tests/js/.
const module = process.env.MODULE || "*";

export default {
  testRunner: "command",
  commandRunner: { command: `node --test tests/js/modules.test.js $(grep -l 'lib/${module}.js' tests/js/*.test.js)` },
  mutate: [`docs/assets/lib/${module}.js`],
  ignorePatterns: ["/*", "!/docs", "/docs/*", "!/docs/assets", "/docs/assets/*", "!/docs/assets/lib", "!/tests", "/tests/*", "!/tests/js"],
  coverageAnalysis: "off",
  concurrency: 2,
  reporters: ["clear-text", "json"],
  jsonReporter: { fileName: `mutants/stryker/${module}.json` },
  tempDirName: `mutants/.stryker-tmp-${module}`,
  cleanTempDir: true,
};
