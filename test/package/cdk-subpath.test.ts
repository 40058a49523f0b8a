// `import { CacheLintAspect } from 'cachelint/cdk'` in a CDK app, against the packed tarball as a user installs it.
// An app from `cdk init` before NodeNext has "module": "commonjs" and no moduleResolution: TypeScript's node10
// resolution, which ignores package.json `exports` and needs the cdk/ folder's package.json; node16, nodenext and
// bundler resolution read `exports`. Each is type-checked, and Node loads the subpath both ways.
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { version as TS_VERSION } from 'typescript';

const ROOT = join(__dirname, '../..');
const TS_MAJOR = Number(TS_VERSION.split('.')[0]);

// The app `cdk init app --language typescript` writes (bin/<name>.ts), using both constructs and a typed prop.
const APP = `#!/usr/bin/env node
import * as cdk from 'aws-cdk-lib';
import { CacheLintAspect, CacheLintChecks, type CacheLintAspectProps } from 'cachelint/cdk';

const app = new cdk.App();
new cdk.Stack(app, 'AppStack');
const props: CacheLintAspectProps = { rules: { CL003: 'off' } };
cdk.Aspects.of(app).add(new CacheLintAspect(props));
cdk.Validations.of(app).addPlugins(new CacheLintChecks(app));
// @ts-expect-error the props are typed (not \`any\`), so a wrong one is an error
new CacheLintAspect({ rules: 'off' });
`;
// An ES module of the same app: named imports from the CommonJS package, the root entry alongside the subpath.
const ESM = `import { CacheLintAspect } from 'cachelint/cdk';
import { scan } from 'cachelint';
export const aspect = new CacheLintAspect();
export const scanner: typeof scan = scan;
`;
// cdk init's tsconfig.json (before NodeNext), less the emit options; the module settings come per check below.
const TSCONFIG = {
  compilerOptions: {
    target: 'ES2020',
    lib: ['es2020', 'dom'],
    declaration: true,
    strict: true,
    noImplicitAny: true,
    noImplicitReturns: true,
    experimentalDecorators: true,
    strictPropertyInitialization: false,
    typeRoots: ['./node_modules/@types'],
    types: ['node'],
    noEmit: true,
    // aws-cdk-lib's own ~2,700 declaration files are not what is tested here, and checking them costs minutes.
    skipLibCheck: true,
  },
  include: ['bin/**/*.ts', 'bin/**/*.mts'],
};
const SETTINGS = {
  // TypeScript 6 deprecates node10 resolution but still honours it with ignoreDeprecations; apps on 5.x use it as is.
  node10: { module: 'commonjs', moduleResolution: 'node10', ...(TS_MAJOR >= 6 ? { ignoreDeprecations: '6.0' } : {}) },
  node16: { module: 'node16', moduleResolution: 'node16' },
  nodenext: { module: 'nodenext', moduleResolution: 'nodenext' },
  'bundler (esnext)': { module: 'esnext', moduleResolution: 'bundler' },
  'bundler (preserve)': { module: 'preserve', moduleResolution: 'bundler' },
};

const work = mkdtempSync(join(tmpdir(), 'cachelint-consumer-'));
const app = join(work, 'app');
const pkg = join(app, 'node_modules', 'cachelint');
let results: Record<string, string[]>;

beforeAll(() => {
  // One pack per run, as a user gets it; then "install" it offline: the tarball's files, and the consumer's other
  // dependencies linked from this repository's node_modules.
  const packed = JSON.parse(
    execFileSync('npm', ['pack', '--json', '--ignore-scripts', '--pack-destination', work], { cwd: ROOT, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] }),
  ) as { filename: string }[];
  mkdirSync(pkg, { recursive: true });
  execFileSync('tar', ['-xzf', join(work, packed[0].filename), '-C', pkg, '--strip-components=1']);
  const { dependencies } = JSON.parse(readFileSync(join(pkg, 'package.json'), 'utf8')) as { dependencies: Record<string, string> };
  for (const dep of ['aws-cdk-lib', 'constructs', 'typescript', '@types/node', ...Object.keys(dependencies)]) {
    mkdirSync(dirname(join(app, 'node_modules', dep)), { recursive: true });
    symlinkSync(join(ROOT, 'node_modules', dep), join(app, 'node_modules', dep), 'junction');
  }
  mkdirSync(join(app, 'bin'));
  writeFileSync(join(app, 'bin', 'app.ts'), APP);
  writeFileSync(join(app, 'bin', 'esm.mts'), ESM);
  writeFileSync(join(app, 'tsconfig.json'), JSON.stringify(TSCONFIG, null, 2));
  writeFileSync(join(app, 'package.json'), JSON.stringify({ name: 'app', private: true }));
  // All settings in one process, each declaration file parsed once (test/helpers/typecheck.js).
  results = JSON.parse(
    execFileSync(process.execPath, [join(__dirname, '../helpers/typecheck.js'), app, JSON.stringify(SETTINGS)], { encoding: 'utf8', maxBuffer: 64 << 20 }),
  );
}, 600_000);

afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('cachelint/cdk in a consumer project, from the packed tarball', () => {
  test.each(Object.keys(SETTINGS))('type-checks under %s resolution', (name) => {
    expect(results[name]).toEqual([]);
  });

  test('require("cachelint/cdk") runs in Node (through `exports`)', () => {
    const out = execFileSync(process.execPath, ['-e', "const m = require('cachelint/cdk'); console.log(typeof m.CacheLintAspect, typeof m.CacheLintChecks)"], {
      cwd: app,
      encoding: 'utf8',
    });
    expect(out).toBe('function function\n');
  });

  test('a resolver that ignores `exports` finds the same module through cdk/package.json', () => {
    // Requiring the folder by path is what a node10-style resolver does with `cachelint/cdk`: the folder's `main`.
    const out = execFileSync(
      process.execPath,
      ['-e', `const a = require(${JSON.stringify(join(pkg, 'cdk'))}); const b = require('cachelint/cdk'); console.log(a === b)`],
      { cwd: app, encoding: 'utf8' },
    );
    expect(out).toBe('true\n');
  });
});
