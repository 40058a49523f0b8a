// The real-world trial: real Kong/CloudFormation files and CDK apps reproduced as stacks (see SOURCES.md), each finding
// judged right/wrong/debatable in judgments.json. This pins the outcome: any change to what cachelint reports on them
// fails here until it is re-judged with `node test/realworld/judge-report.js [--update]`.
import * as fs from 'fs';
import * as path from 'path';
import { collect, keyOf } from './collect';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const report = require('./judge-report.js');
const judgments = JSON.parse(fs.readFileSync(path.join(__dirname, 'judgments.json'), 'utf8'));

const current = collect();

test('the corpus has at least 10 CDK apps and 20 Kong/CloudFormation files, each listed in SOURCES.md', () => {
  expect(current.files.cdk).toBeGreaterThanOrEqual(10);
  expect(current.files.kong + current.files.cloudformation).toBeGreaterThanOrEqual(20);
  const sources = fs.readFileSync(path.join(__dirname, 'SOURCES.md'), 'utf8');
  for (const dir of ['kong', 'cloudformation', 'cdk']) {
    for (const f of fs.readdirSync(path.join(__dirname, dir))) expect(sources).toContain(`${dir}/${f}`);
  }
});

test('the findings (rule, file, finding id, severity) are exactly the judged ones', () => {
  const got = current.findings.map(keyOf).sort();
  const judged = judgments.findings.map(keyOf).sort();
  const hint = 'cachelint now reports differently on test/realworld: run `node test/realworld/judge-report.js` and re-judge';
  expect({ hint, findings: got }).toEqual({ hint, findings: judged });
});

test('every finding and input error carries a verdict and a reason', () => {
  const { rows } = report.match(current.findings, judgments.findings);
  const unjudged = rows.filter((r: { verdict: string | null }) => !r.verdict).map(keyOf);
  expect(unjudged).toEqual([]);
  for (const j of [...judgments.findings, ...judgments.inputErrors]) {
    expect(['right', 'wrong', 'debatable']).toContain(j.verdict);
    expect(j.reason.length).toBeGreaterThan(10);
  }
  expect(current.errors.map((e) => `${e.file} ${e.message}`).sort()).toEqual(
    judgments.inputErrors.map((e: { file: string; message: string }) => `${e.file} ${e.message}`).sort(),
  );
  // The numbers the closing note reports (before/after the rule changes).
  console.log(report.format(report.summary(rows)));
});
