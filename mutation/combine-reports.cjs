// Scores a first run with the results of reruns laid over it in order (same file, position, mutator and replacement),
// per file and in total:  node mutation/combine-reports.cjs first.json [rerun.json ...]
// A file whose source a rerun saw differently (code changed since the first run) is scored by the latest rerun that
// holds it alone: rerun such a file whole.
const { readFileSync } = require('node:fs');

const [first, ...reruns] = process.argv.slice(2).map((p) => JSON.parse(readFileSync(p, 'utf8')));
const keyOf = (file, m) =>
  `${file}|${m.location.start.line}:${m.location.start.column}-${m.location.end.line}:${m.location.end.column}|${m.mutatorName}|${m.replacement}`;
const files = new Map(Object.entries(first.files));
const latest = new Map();
for (const rerun of reruns)
  for (const [file, entry] of Object.entries(rerun.files)) {
    if (files.get(file)?.source !== entry.source) files.set(file, entry); // changed code: this rerun's results stand
    for (const m of entry.mutants) latest.set(keyOf(file, m), m.status);
  }

const score = (c) => {
  const detected = (c.Killed ?? 0) + (c.Timeout ?? 0);
  const valid = detected + (c.Survived ?? 0) + (c.NoCoverage ?? 0);
  return `${((100 * detected) / valid).toFixed(1)}% (killed ${c.Killed ?? 0}, timeout ${c.Timeout ?? 0}, survived ${c.Survived ?? 0}, no coverage ${c.NoCoverage ?? 0})`;
};
const total = {};
let replaced = 0;
for (const [file, { mutants }] of files) {
  const counts = {};
  for (const m of mutants) {
    const k = keyOf(file, m);
    const status = latest.get(k) ?? m.status;
    if (latest.has(k)) replaced++;
    counts[status] = (counts[status] ?? 0) + 1;
    total[status] = (total[status] ?? 0) + 1;
  }
  console.log(`${file}: ${score(counts)}`);
}
console.log(`total: ${score(total)}; ${replaced} results from reruns`);
