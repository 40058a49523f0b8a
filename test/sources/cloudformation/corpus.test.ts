// Every real third-party template of the corpus (test/helpers/corpus.ts) through scan(): no crash, no internal error,
// only the parse errors those files really have, and the rule ids they produce pinned (a change must be looked at).
import { readdirSync } from 'node:fs';
import { scan } from '../../../lib/engine';
import { describeCorpus } from '../../helpers/corpus';

describeCorpus('cloudformation', 'CloudFormation corpus', (CORPUS) => {
  const result = scan([CORPUS], { cwd: CORPUS });
  test('all 68 files are read; the only errors are the files that are not valid YAML as published', () => {
    expect(readdirSync(CORPUS)).toHaveLength(68);
    expect(result.files).toHaveLength(68);
    expect(result.errors.map((e) => e.code).sort()).toEqual(['duplicate-key', 'duplicate-key', 'duplicate-key', 'parse', 'parse', 'parse', 'unknown-tag']);
    expect(result.files.filter((f) => f.status === 'scanned')).toHaveLength(61);
    expect(result.files.filter((f) => f.status === 'scanned').every((f) => f.format === 'cloudformation')).toBe(true);
  });
  test('rule ids per platform', () => {
    const counts: Record<string, number> = {};
    for (const f of result.findings) counts[`${f.ruleId} ${f.platform}`] = (counts[`${f.ruleId} ${f.platform}`] ?? 0) + 1;
    expect(counts).toEqual({
      'CL002 cloudfront': 8,
      'CL003 cloudfront': 23,
      'CL003 apigateway': 1,
      'CL004 apigateway': 1, // info: a Lambda proxy GET / under a method cache with no key parameters
      'CL005 cloudfront': 4,
      'CL006 cloudfront': 2,
      'CL006 apigateway': 1,
      'CL008 apigateway': 1,
    });
  });
  test('S3 origins (Amplify hosting, static sites) never produce a finding', () => {
    const statics = result.models!.flatMap((m) => m.endpoints.filter((e) => e.staticOrigin));
    expect(statics.length).toBeGreaterThan(10);
    const keys = new Set(statics.map((e) => `${e.at.file}:${e.resource}:${e.findingId}`));
    expect(result.findings.filter((f) => keys.has(`${f.file}:${f.resource}:${f.findingId}`))).toEqual([]);
  });
});
