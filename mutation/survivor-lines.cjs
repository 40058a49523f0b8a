// Prints a Stryker --mutate list of where a surviving (or uncovered) mutant is in a JSON report, to test just those
// again after adding tests:
//   MUTATION_SCOPE=kong npm run mutation -- --mutate "$(node mutation/survivor-lines.cjs reports/mutation/kong.json)"
// Whole lines by default; with --exact, each survivor's own span (line:column, widened by a column each side), which
// tests far fewer mutants when a line holds many.
const { readFileSync } = require('node:fs');

const args = process.argv.slice(2);
const exact = args.includes('--exact');
const report = JSON.parse(
  readFileSync(
    args.find((a) => !a.startsWith('--')),
    'utf8',
  ),
);
const ranges = new Set();
for (const [file, { mutants }] of Object.entries(report.files))
  for (const {
    status,
    location: { start, end },
  } of mutants) {
    if (status !== 'Survived' && status !== 'NoCoverage') continue;
    ranges.add(exact ? `${file}:${start.line}:${Math.max(1, start.column - 1)}-${end.line}:${end.column + 1}` : `${file}:${start.line}-${end.line}`);
  }
process.stdout.write([...ranges].join(','));
