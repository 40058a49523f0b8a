#!/usr/bin/env node
// Re-judging aid for the real-world corpus: runs the same collection as realworld.test.ts (lib/ sources, not dist/),
// prints the findings that have no verdict yet, the judged ones that vanished, and right/total per severity and rule.
//   node test/realworld/judge-report.js            report
//   node test/realworld/judge-report.js --update   also rewrite judgments.json: keep verdicts of findings still
//                                                  produced, add new ones with verdict null, drop vanished ones
'use strict';
const fs = require('fs');
const path = require('path');

const JUDGMENTS = path.join(__dirname, 'judgments.json');
const keyOf = (f) => `${f.file} ${f.ruleId} [${f.findingId}] ${f.severity}`;

/** Pairs current findings with judgments: same key and message first, then same key (message changed: re-judge). */
function match(findings, judged) {
  const pool = judged.map((j) => ({ ...j, used: false }));
  const take = (pred) => pool.find((j) => !j.used && pred(j));
  const rows = findings.map((f) => {
    let j = take((x) => keyOf(x) === keyOf(f) && x.message === f.message);
    let changed = false;
    if (!j) {
      j = take((x) => keyOf(x) === keyOf(f));
      changed = !!j;
    }
    if (j) j.used = true;
    return { ...f, verdict: j && !changed ? j.verdict : null, reason: j && !changed ? j.reason : undefined, was: changed ? j : undefined };
  });
  return { rows, vanished: pool.filter((j) => !j.used) };
}

function summary(rows) {
  const out = {
    warning: { right: 0, wrong: 0, debatable: 0, unjudged: 0, total: 0 },
    error: { right: 0, wrong: 0, debatable: 0, unjudged: 0, total: 0 },
    rules: {},
  };
  for (const r of rows) {
    const rule = (out.rules[r.ruleId] ??= { error: 0, warning: 0, info: 0, right: 0, wrong: 0, debatable: 0 });
    rule[r.severity]++;
    if (r.verdict) rule[r.verdict]++;
    if (r.severity === 'info') continue;
    const s = out[r.severity];
    s.total++;
    s[r.verdict ?? 'unjudged']++;
  }
  return out;
}

function format(s) {
  const lines = [
    `warnings right ${s.warning.right}/${s.warning.total} (wrong ${s.warning.wrong}, debatable ${s.warning.debatable}, unjudged ${s.warning.unjudged})`,
    `errors   right ${s.error.right}/${s.error.total} (wrong ${s.error.wrong}, debatable ${s.error.debatable}, unjudged ${s.error.unjudged})`,
    'rule   error warning info | right wrong debatable (all severities)',
  ];
  for (const [id, r] of Object.entries(s.rules).sort())
    lines.push(
      `${id}  ${String(r.error).padStart(5)} ${String(r.warning).padStart(7)} ${String(r.info).padStart(4)} | ${String(r.right).padStart(5)} ${String(r.wrong).padStart(5)} ${String(r.debatable).padStart(9)}`,
    );
  return lines.join('\n');
}

function main() {
  // Load the TypeScript sources directly so the report follows lib/ as the test does.
  const ts = require('typescript');
  require.extensions['.ts'] = (m, filename) =>
    m._compile(
      ts.transpileModule(fs.readFileSync(filename, 'utf8'), {
        compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2022, esModuleInterop: true },
      }).outputText,
      filename,
    );
  const { collect } = require('./collect.ts');
  const current = collect();
  const judgments = JSON.parse(fs.readFileSync(JUDGMENTS, 'utf8'));
  const { rows, vanished } = match(current.findings, judgments.findings);
  console.log(
    `files: ${Object.entries(current.files)
      .map(([k, v]) => `${k} ${v}`)
      .join(', ')}; findings ${rows.length}; input errors ${current.errors.length}`,
  );
  const open = rows.filter((r) => !r.verdict);
  if (open.length) {
    console.log(`\nNot judged yet (${open.length}):`);
    for (const r of open) console.log(`- ${keyOf(r)}${r.was ? ' (message changed)' : ''}\n    ${r.message}\n    fix: ${r.fix.replace(/\n/g, '\n         ')}`);
  }
  if (vanished.length) {
    console.log(`\nJudged but no longer reported (${vanished.length}):`);
    for (const v of vanished) console.log(`- ${keyOf(v)} was ${v.verdict}: ${v.reason}`);
  }
  console.log(`\n${format(summary(rows))}`);
  if (process.argv.includes('--update')) {
    judgments.findings = rows.map(({ was, ...r }) => ({ ...r, verdict: r.verdict ?? null, reason: r.reason ?? '' }));
    const judgedErrors = new Map(judgments.inputErrors.map((e) => [`${e.file} ${e.message}`, e]));
    judgments.inputErrors = current.errors.map((e) => judgedErrors.get(`${e.file} ${e.message}`) ?? { ...e, verdict: null, reason: '' });
    fs.writeFileSync(JUDGMENTS, `${JSON.stringify(judgments, null, 2)}\n`);
    console.log(`\nwrote ${path.relative(process.cwd(), JUDGMENTS)}`);
  }
}

module.exports = { keyOf, match, summary, format };
if (require.main === module) main();
