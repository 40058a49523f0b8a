#!/usr/bin/env node
// Where cachelint's time goes on one Kong file, in one process: the same steps the CLI takes (read, parse, Kong
// model, rules, JSON report, write), each timed with the garbage collection that happened during it. The bench puts
// the median of a few runs under the Kong table, so a missed target comes with what limits it.
// Usage: node bench/phases.js FILE [CACHELINT_DIR]         → one JSON line: { phase: { ms, gcMs } , ... }
//        node bench/phases.js --events FILE               → js-yaml parseEvents alone, in a fresh process: { ms, gcMs }
'use strict';
const fs = require('node:fs');
const path = require('node:path');
const { PerformanceObserver, performance } = require('node:perf_hooks');

const gcs = []; // [start, duration]: entries arrive asynchronously, so they are matched to phases at the end
new PerformanceObserver((list) => {
  for (const e of list.getEntries()) gcs.push([e.startTime, e.duration]);
}).observe({ entryTypes: ['gc'] });

const marks = [['startup', 0, performance.now()]]; // node's own start-up, before this script ran
function mark(phase) {
  marks.push([phase, marks[marks.length - 1][2], performance.now()]);
}

const done = () =>
  setTimeout(() => {
    const out = {};
    for (const [phase, from, to] of marks) {
      const gcMs = gcs.filter(([t]) => t >= from && t < to).reduce((sum, [, d]) => sum + d, 0);
      out[phase] = { ms: to - from, gcMs };
    }
    process.stdout.write(JSON.stringify(out) + '\n');
  }, 20);

if (process.argv[2] === '--events') {
  const repo = path.resolve(__dirname, '..');
  const { parseEvents } = require(require.resolve('js-yaml', { paths: [repo] }));
  const text = fs.readFileSync(process.argv[3], 'utf8');
  mark('load + read');
  parseEvents(text, {});
  mark('parseEvents');
  done();
} else {
  const file = process.argv[2];
  const repo = path.resolve(process.argv[3] ?? path.join(__dirname, '..'));
  const dist = (m) => require(path.join(repo, 'dist', m));
  const { parseYaml } = dist('lib/parse/yaml.js');
  const { readDeckState, buildKongModel } = dist('lib/sources/kong/index.js');
  const { evaluate } = dist('lib/engine.js');
  const { reporterFor } = dist('lib/report/index.js');
  mark('load modules');
  const text = fs.readFileSync(file, 'utf8');
  mark('read');
  const parsed = parseYaml(text, { tags: 'plain' });
  mark('parse (events + values + positions)');
  const { state } = readDeckState(file, parsed.documents[0]);
  const model = buildKongModel(state, { file, flavor: 'kong' });
  mark('Kong model (decK state, precedence)');
  const findings = evaluate([model], {});
  mark(`rules (${findings.length} findings)`);
  const report = reporterFor('json')({ files: [{ file, status: 'scanned', format: 'kong' }], findings, errors: [], models: [model], sources: new Map() }, {});
  mark(`JSON report (${(report.length / 1e6).toFixed(1)} MB)`);
  fs.writeFileSync('/dev/null', report);
  mark('write');
  done();
}
