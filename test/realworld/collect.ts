// Runs cachelint over the real-world corpus the way users meet it: Kong/CloudFormation files through scan(), CDK apps
// synthesised in memory and read by the same path as the CDK integrations (analyzeStack). Shared by the pinning test
// and judge-report.js, so the lead's re-judging sees exactly what the test pins.
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { App } from 'aws-cdk-lib';
import { defaultConfig } from '../../lib/config';
import { scan } from '../../lib/engine';
import { analyzeStack } from '../../lib/cdk/analyze';

export const ROOT = __dirname;

export interface Outcome {
  file: string;
  ruleId: string;
  findingId: string;
  severity: string;
  message: string;
  fix: string;
}

export interface InputErrorOutcome {
  file: string;
  message: string;
}

export const keyOf = (f: { file: string; ruleId: string; findingId: string; severity: string }) => `${f.file} ${f.ruleId} [${f.findingId}] ${f.severity}`;

export function collect(): { findings: Outcome[]; errors: InputErrorOutcome[]; files: Record<string, number> } {
  process.env.CDK_VALIDATION = 'false';
  const findings: Outcome[] = [];
  const files: Record<string, number> = {};
  const dirs = ['kong', 'cloudformation'];
  for (const d of dirs) files[d] = fs.readdirSync(path.join(ROOT, d)).length;
  const result = scan(dirs, { cwd: ROOT, config: defaultConfig() });
  for (const f of result.findings) {
    findings.push({ file: f.file, ruleId: f.ruleId, findingId: f.findingId, severity: f.severity, message: f.message, fix: f.remediation.summary });
  }
  const errors = result.errors.map((e) => ({ file: e.file, message: e.message }));

  const cdkFiles = fs
    .readdirSync(path.join(ROOT, 'cdk'))
    .filter((f) => f.endsWith('.ts'))
    .sort();
  files.cdk = cdkFiles.length;
  const outdir = fs.mkdtempSync(path.join(os.tmpdir(), 'cachelint-realworld-'));
  try {
    for (const f of cdkFiles) {
      // eslint-disable-next-line @typescript-eslint/no-require-imports -- the CDK app files are found at run time
      const build = require(path.join(ROOT, 'cdk', f)).default as (app: App) => unknown;
      const app = new App({ outdir, autoSynth: false });
      const stack = build(app) as Parameters<typeof analyzeStack>[0];
      for (const cf of analyzeStack(stack, defaultConfig())) {
        const x = cf.finding;
        findings.push({ file: `cdk/${f}`, ruleId: x.ruleId, findingId: x.findingId, severity: x.severity, message: x.message, fix: cf.fixWithSnippet });
      }
    }
  } finally {
    fs.rmSync(outdir, { recursive: true, force: true });
  }
  findings.sort((a, b) => keyOf(a).localeCompare(keyOf(b)));
  return { findings, errors, files };
}
