// Prints a Stryker --mutate list of the lines that hold a surviving (or uncovered) mutant in a JSON report, to test
// just those again after adding tests:
//   MUTATION_SCOPE=kong npm run mutation -- --mutate "$(node mutation/survivor-lines.cjs reports/mutation/kong.json)"
const { readFileSync } = require('node:fs');

const report = JSON.parse(readFileSync(process.argv[2], 'utf8'));
const ranges = new Set();
for (const [file, { mutants }] of Object.entries(report.files))
  for (const m of mutants) if (m.status === 'Survived' || m.status === 'NoCoverage') ranges.add(`${file}:${m.location.start.line}-${m.location.end.line}`);
process.stdout.write([...ranges].join(','));
