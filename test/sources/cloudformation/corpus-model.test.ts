// Every file of the CloudFormation corpus (test/helpers/corpus.ts) parsed with CloudFormation tags (JSON included) and run through the
// adapter directly: nothing throws except InputProblem (files that are not valid YAML as published), and the model
// they produce is pinned as counts (endpoints per platform, layers per kind and scope), so a change is looked at.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { InputProblem } from '../../../lib/parse/errors';
import { parseYaml } from '../../../lib/parse/yaml';
import { cloudFormationAdapter } from '../../../lib/sources/cloudformation';
import { describeCorpus } from '../../helpers/corpus';

describeCorpus('cloudformation', 'CloudFormation corpus through the adapter', (CORPUS) => {
  const counts: Record<string, number> = {};
  const inc = (k: string) => (counts[k] = (counts[k] ?? 0) + 1);
  const crashes: string[] = [];
  for (const f of readdirSync(CORPUS).sort()) {
    let parsed;
    try {
      parsed = parseYaml(readFileSync(join(CORPUS, f), 'utf8'), { tags: 'cloudformation' });
    } catch (e) {
      if (e instanceof InputProblem) inc(`input problem: ${e.code}`);
      else crashes.push(`${f}: ${(e as Error).message}`);
      continue;
    }
    if (!parsed.documents.some((d) => cloudFormationAdapter.detect(d, f))) {
      inc('not a template');
      continue;
    }
    try {
      const out = cloudFormationAdapter.toModels({ file: f, parsed });
      inc('templates');
      for (const e of out.errors) inc(`adapter error: ${e.code}`);
      for (const m of out.models) {
        for (const e of m.endpoints) {
          inc(`endpoint ${e.platform}${e.staticOrigin ? ' (static origin)' : ''}`);
          inc(`layers ${e.platform}: ${e.caches.map((c) => `${c.kind}/${c.scope}`).join(' + ') || 'none'}`);
        }
        for (const fact of m.facts) inc(`fact ${fact.kind}`);
      }
    } catch (e) {
      if (e instanceof InputProblem) inc(`input problem: ${e.code}`);
      else crashes.push(`${f}: ${(e as Error).stack}`);
    }
  }

  test('no exception other than InputProblem', () => expect(crashes).toEqual([]));
  test('model counts', () => {
    expect(counts).toEqual({
      templates: 61,
      'input problem: duplicate-key': 3,
      'input problem: parse': 3,
      'input problem: unknown-tag': 1,
      'endpoint apigateway': 86,
      'layers apigateway: none': 84,
      'layers apigateway: apigateway-stage-cache/method': 1,
      'layers apigateway: cloudfront-cache-policy/behavior': 1,
      'endpoint cloudfront': 44,
      'endpoint cloudfront (static origin)': 20,
      'layers cloudfront: cloudfront-cache-policy/behavior': 21,
      'layers cloudfront: cloudfront-forwarded-values/behavior': 43,
      'fact ambiguous-setting': 1,
      'fact unresolved-setting': 1,
    });
  });
});
