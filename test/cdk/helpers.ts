// Shared setup for CDK tests: no built-in CloudFormation validation (~2.4 s per synth), a fresh outdir per app
// (a stale validation-report.json would be re-read), no auto-synth.
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { App, Stack } from 'aws-cdk-lib';
import * as apigw from 'aws-cdk-lib/aws-apigateway';
import * as cloudfront from 'aws-cdk-lib/aws-cloudfront';
import * as origins from 'aws-cdk-lib/aws-cloudfront-origins';

process.env.CDK_VALIDATION = 'false';

const made: string[] = [];
export function tempDir(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cachelint-cdk-'));
  made.push(dir);
  return dir;
}
afterAll(() => {
  for (const d of made.splice(0)) fs.rmSync(d, { recursive: true, force: true });
});

export function newApp(context: Record<string, unknown> = {}): { app: App; outdir: string } {
  const outdir = tempDir();
  return { app: new App({ outdir, autoSynth: false, context }), outdir };
}

/** The parts of aws-cdk-lib's validation-report.json the tests read. */
export interface ReportViolation {
  ruleName: string;
  description: string;
  severity?: string;
  ruleMetadata?: Record<string, string>;
  [field: string]: unknown;
}
export interface PluginReport {
  pluginName: string;
  violations: ReportViolation[];
  suppressedViolations: ReportViolation[];
}

export function readPluginReports(file: string): PluginReport[] {
  return (JSON.parse(fs.readFileSync(file, 'utf8')) as { pluginReports: PluginReport[] }).pluginReports;
}

export function readReport(outdir: string): PluginReport {
  const report = readPluginReports(path.join(outdir, 'validation-report.json')).find((r) => r.pluginName === 'CacheLint');
  if (!report) throw new Error(`no CacheLint plugin report in ${outdir}`);
  return report;
}

/** RestApi with POST /webhooks (and GET) and the stage options given. */
export function webhookApi(stack: Stack, deployOptions: apigw.StageOptions, id = 'Api'): apigw.RestApi {
  const api = new apigw.RestApi(stack, id, { deployOptions });
  const hooks = api.root.addResource('webhooks');
  hooks.addMethod('POST', new apigw.MockIntegration());
  hooks.addMethod('GET', new apigw.MockIntegration());
  return api;
}

export function allowAllDistribution(stack: Stack, cachePolicy?: cloudfront.ICachePolicy): cloudfront.Distribution {
  return new cloudfront.Distribution(stack, 'Cdn', {
    defaultBehavior: { origin: new origins.HttpOrigin('api.example.com'), allowedMethods: cloudfront.AllowedMethods.ALLOW_ALL, cachePolicy },
  });
}
