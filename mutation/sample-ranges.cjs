// Prints a Stryker --mutate list that samples source files: chunks of CHUNK lines, every EVERY-th chunk.
//   MUTATION_SCOPE=kong npm run mutation -- --mutate "$(node mutation/sample-ranges.cjs 12 3 lib/sources/kong/*.ts)"
// A mutant spanning two chunks (a multi-line block) is in neither: the sample slightly under-represents them.
const { readFileSync } = require('node:fs');

const [chunk, every, ...files] = process.argv.slice(2);
if (!(+chunk > 0) || !(+every > 0) || !files.length) {
  console.error('usage: node mutation/sample-ranges.cjs <chunk lines> <every nth chunk> <file>...');
  process.exit(2);
}
const ranges = [];
for (const file of files) {
  const lines = readFileSync(file, 'utf8').split('\n').length;
  for (let start = 1, i = 0; start <= lines; start += +chunk, i++) if (i % +every === 0) ranges.push(`${file}:${start}-${Math.min(lines, start + +chunk - 1)}`);
}
process.stdout.write(ranges.join(','));
