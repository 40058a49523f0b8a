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

export function readReport(outdir: string): any {
  const report = JSON.parse(fs.readFileSync(path.join(outdir, 'validation-report.json'), 'utf8'));
  return report.pluginReports.find((r: any) => r.pluginName === 'CacheLint');
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
