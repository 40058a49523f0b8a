// `tsc --noEmit -p <project>` under several module settings in one process, for test/package/cdk-subpath.test.ts.
// Each declaration file is parsed once and shared by the programs (aws-cdk-lib's ~2,700 .d.ts files are most of a tsc
// run's time), with the TypeScript the project itself has installed.
//   node typecheck.js <project dir> '{"node10": {"module": "commonjs", "moduleResolution": "node10"}, ...}'
// prints {"node10": ["bin/app.ts:3:50 TS2307 Cannot find module ...", ...], ...}: an empty list is a clean check.
'use strict';
const { join, relative } = require('node:path');

const [project, settingsJson] = process.argv.slice(2);
const ts = require(require.resolve('typescript', { paths: [project] }));
const settings = JSON.parse(settingsJson);

const cache = new Map();
const out = {};
for (const [name, json] of Object.entries(settings)) {
  const extra = ts.convertCompilerOptionsFromJson(json, project);
  const config = ts.getParsedCommandLineOfConfigFile(join(project, 'tsconfig.json'), extra.options, {
    ...ts.sys,
    onUnRecoverableConfigFileDiagnostic: (d) => {
      throw new Error(ts.flattenDiagnosticMessageText(d.messageText, '\n'));
    },
  });
  const host = ts.createCompilerHost(config.options);
  const read = host.getSourceFile;
  host.getSourceFile = (fileName, languageVersionOrOptions, ...rest) => {
    const o = typeof languageVersionOrOptions === 'object' ? languageVersionOrOptions : { languageVersion: languageVersionOrOptions };
    const key = `${fileName}|${o.languageVersion}|${o.impliedNodeFormat}`;
    if (!cache.has(key)) cache.set(key, read.call(host, fileName, languageVersionOrOptions, ...rest));
    return cache.get(key);
  };
  const program = ts.createProgram({ rootNames: config.fileNames, options: config.options, host });
  out[name] = [...extra.errors, ...config.errors, ...ts.getPreEmitDiagnostics(program)].map((d) => {
    const text = ts.flattenDiagnosticMessageText(d.messageText, ' ');
    if (!d.file) return `TS${d.code} ${text}`;
    const { line, character } = d.file.getLineAndCharacterOfPosition(d.start);
    return `${relative(project, d.file.fileName)}:${line + 1}:${character + 1} TS${d.code} ${text}`;
  });
}
process.stdout.write(JSON.stringify(out));
