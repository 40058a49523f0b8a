import { mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { escapeData, escapeProperty, github } from '../../lib/report/github';
import { finding, fixtureResult } from './fixture';

const tmp = () => mkdtempSync(join(tmpdir(), 'cachelint-gh-'));

describe('github workflow commands', () => {
  test('one command per active finding and input error, by severity, with position, title and fix', () => {
    const out = github(fixtureResult(), { color: false, cwd: tmp() }).trimEnd().split('\n');
    expect(out).toEqual([
      '::error file=infra/broken.yaml,line=3,col=5,title=cachelint input error (duplicate-key)::duplicate key "Resources" (first at 1:1)',
      '::error file=infra/missing.yaml,title=cachelint input error (unreadable)::cannot read: ENOENT',
      '::error file=gateway/kong.yaml,line=12,col=7,endLine=12,endColumn=18,title=CL001 unsafe-method-cached::proxy-cache caches POST on POST /webhooks/stripe. Fix: Set `config.request_method: [GET, HEAD]` on the caching plugin.',
      '::warning file=gateway/kong.yaml,line=14,col=9,endLine=14,endColumn=30,title=CL002 origin-no-store-ignored::proxy-cache has cache_control: false: it ignores "Cache-Control: no-store", 100%25 of the time. Fix: Set `config.cache_control: true`.',
      '::notice file=infra/api.template.yaml,line=40,col=11,title=CL007 write-caching-not-pinned::stage-wide caching is on and POST /orders has no CachingEnabled: false override. Fix: Add a MethodSetting { ResourcePath: /orders, HttpMethod: POST, CachingEnabled: false }.',
      'cachelint: 3 finding(s) (1 error, 1 warning, 1 info), 2 suppressed; 3 file(s) scanned, 2 input error(s)',
    ]);
  });

  test('--quiet keeps errors only', () => {
    const out = github(fixtureResult(), { color: false, quiet: true, cwd: tmp() });
    expect(out).not.toMatch(/::warning|::notice/);
    expect(out).toMatch(/::error file=gateway\/kong.yaml/);
  });

  test('escaping: data escapes % CR LF; properties also escape : and ,', () => {
    expect(escapeData('100% done\r\nnext: a,b')).toBe('100%25 done%0D%0Anext: a,b');
    expect(escapeProperty('x:1\\a,b%\n')).toBe('x%3A1\\a%2Cb%25%0A');
    const line = github({ files: [], errors: [], findings: [finding({ file: 'dir,x/k:1.yaml', message: 'two\nlines 50%' })] }, { color: false, cwd: tmp() });
    expect(line.split('\n')[0]).toBe(
      '::error file=dir%2Cx/k%3A1.yaml,line=12,col=7,endLine=12,endColumn=18,title=CL001 unsafe-method-cached::two%0Alines 50%25. Fix: Set `config.request_method: [GET, HEAD]` on the caching plugin.',
    );
  });

  test('paths are relative to the repository root when run in a subfolder', () => {
    const repo = tmp();
    mkdirSync(join(repo, '.git'));
    mkdirSync(join(repo, 'gw'));
    const out = github({ files: [], errors: [], findings: [finding({ file: 'kong.yaml' })] }, { color: false, cwd: join(repo, 'gw') });
    expect(out).toMatch(/^::error file=gw\/kong\.yaml,line=12/);
  });
});
