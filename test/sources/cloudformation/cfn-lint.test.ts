// Every fixture and example must be valid CloudFormation: cfn-lint (a real external process) checks them.
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';

const dirs = [join(__dirname, '../../fixtures/cloudformation'), join(__dirname, '../../../examples/cloudformation')];
const cdkOut = join(__dirname, '../../fixtures/cloudformation/cdk.out');
const files = [
  ...dirs.flatMap((d) =>
    readdirSync(d)
      .filter((f) => /\.(ya?ml|json)$/.test(f))
      .map((f) => join(d, f)),
  ),
  ...readdirSync(cdkOut, { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('.template.json'))
    .map((f) => join(cdkOut, f)),
];
const present = spawnSync('cfn-lint', ['--version'], { encoding: 'utf8' }).status === 0;

test('cfn-lint accepts every CloudFormation fixture and example', () => {
  if (!present) {
    console.warn('!!! cfn-lint is not installed: the CloudFormation fixtures and examples were NOT validated (pip install cfn-lint) !!!');
    return;
  }
  expect(files.length).toBeGreaterThan(20);
  expect(files.filter((f) => f.includes('cdk.out'))).toHaveLength(2);
  const r = spawnSync('cfn-lint', ['--format', 'parseable', '--', ...files], { encoding: 'utf8' });
  expect(r.stdout + r.stderr).toBe('');
  expect(r.status).toBe(0);
});
