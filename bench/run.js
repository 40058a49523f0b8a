#!/usr/bin/env node
// Side-by-side benchmark of cachelint against its peers (issue 7). `npm run bench` installs the peers from
// bench/package.json (npm ci --prefix bench), builds cachelint, then runs this file.
//
// Every figure is a whole process (spawn → exit), median (min–max) of RUNS runs after WARMUP warm-ups per command;
// the commands of one comparison run alternately (A B A B …) and each ratio is the median of the per-round ratios,
// so a ratio survives a noisy, shared machine. Before a comparison counts, both sides must have found what the
// generator says they should (the bench exits 1 otherwise). A part of cachelint that does not exist yet makes its
// section "not available yet" and the bench exit 1. Results: bench/RESULTS.md (and the console).
//
// Env: RUNS (default 5), WARMUP (1), SMALL_RUNS (21, the small-file section), CDK_RUNS (9: a difference of two ~1 s synths is noisy), ONLY=kong,cfn,cdk,small (sections), BENCH_STRICT=1 (exit 1 on a missed target),
//      CACHELINT_DIR (another cachelint checkout with its dist/, to compare a change), KONG_SIZES=1000,10000.
'use strict';
const { spawnSync, execFileSync } = require('node:child_process');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');

const benchDir = __dirname;
const repoDir = path.resolve(process.env.CACHELINT_DIR ?? path.join(benchDir, '..'));
const workDir = path.join(benchDir, 'work');
const RUNS = Number(process.env.RUNS ?? 5);
const WARMUP = Number(process.env.WARMUP ?? 1);
const ONLY = new Set((process.env.ONLY ?? 'kong,cfn,cdk,small').split(','));
const SMALL_RUNS = Number(process.env.SMALL_RUNS ?? 21);
const CDK_RUNS = Number(process.env.CDK_RUNS ?? 9);
const KONG_SIZES = (process.env.KONG_SIZES ?? '1000,10000').split(',').map(Number);
const gnuTime = fs.existsSync('/usr/bin/time') ? '/usr/bin/time' : null;
const bin = (name) => path.join(benchDir, 'node_modules', '.bin', name);
const cachelint = path.join(repoDir, 'bin', 'cachelint.js');
const q = (s) => `'${String(s).replace(/'/g, `'\\''`)}'`;

const problems = []; // count mismatches, failed runs, missing parts: any of them → exit 1
const sections = []; // markdown blocks for RESULTS.md
const targets = []; // { name, want, ratio, limit, kind: 'min'|'max', met }
const rows = []; // every timed command

// ---------------------------------------------------------------------------------------------------------------
// Timing

function once(cmd, env) {
  const rssFile = path.join(os.tmpdir(), `cachelint-bench-${process.pid}.rss`);
  const argv = gnuTime ? [gnuTime, '-f', '%M', '-o', rssFile, 'sh', '-c', cmd] : ['sh', '-c', cmd];
  const start = process.hrtime.bigint();
  const r = spawnSync(argv[0], argv.slice(1), { stdio: ['ignore', 'ignore', 'pipe'], env: { ...process.env, ...env }, maxBuffer: 64 << 20 });
  const wall = Number(process.hrtime.bigint() - start) / 1e9;
  let rss = NaN;
  if (gnuTime) {
    try {
      const lines = fs.readFileSync(rssFile, 'utf8').trim().split('\n');
      rss = Number(lines[lines.length - 1]) / 1024;
    } catch {
      // time(1) writes nothing when sh could not start: leave NaN
    }
    fs.rmSync(rssFile, { force: true });
  }
  return { wall, rss, code: r.status, stderr: String(r.stderr ?? '') };
}

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

/**
 * Times several commands alternately. Each side: { key, label, cmd, env, before(i), after(i, result) } — before/after
 * run outside the timed span (fresh output folders, reading the output for the count check).
 */
function alternate(sides, runs = RUNS) {
  for (let w = 0; w < WARMUP; w++) for (const s of sides) runSide(s, -1 - w);
  const rounds = [];
  for (let i = 0; i < runs; i++) {
    const round = {};
    for (const s of sides) round[s.key] = runSide(s, i);
    rounds.push(round);
  }
  const stats = {};
  for (const s of sides) {
    const walls = rounds.map((r) => r[s.key].wall);
    const rss = rounds.map((r) => r[s.key].rss);
    const codes = [...new Set(rounds.map((r) => r[s.key].code))];
    stats[s.key] = { label: s.label, median: median(walls), min: Math.min(...walls), max: Math.max(...walls), rss: median(rss), codes };
    rows.push(stats[s.key]);
  }
  return { rounds, stats };
}

function runSide(side, i) {
  side.before?.(i);
  const r = once(side.cmd, side.env);
  if (side.expectCodes && !side.expectCodes.includes(r.code)) {
    problems.push(
      `${side.label}: exit ${r.code} (expected ${side.expectCodes.join(' or ')})${r.stderr ? `: ${r.stderr.trim().split('\n').slice(-3).join(' | ')}` : ''}`,
    );
    side.expectCodes = null; // report once
  }
  side.after?.(i, r);
  return r;
}

/** Median over rounds of f(round), e.g. the ratio of two sides' walls in the same round. */
const perRound = (rounds, f) => median(rounds.map(f));

function target(name, ratio, limit, kind, note = '') {
  const met = kind === 'max' ? ratio <= limit : ratio >= limit;
  targets.push({ name, ratio, limit, kind, met, note });
}

// ---------------------------------------------------------------------------------------------------------------
// Checks on what the tools found

function check(what, got, want) {
  if (got !== want) problems.push(`${what}: found ${got}, expected ${want}`);
  return `${what}: ${got}${got === want ? ' ✓' : ` ✗ (expected ${want})`}`;
}

function readJson(file) {
  return JSON.parse(fs.readFileSync(file, 'utf8'));
}

function countRule(report, ruleId) {
  return report.findings.filter((f) => f.ruleId === ruleId).length;
}

// ---------------------------------------------------------------------------------------------------------------
// What exists

function have(file) {
  return fs.existsSync(file);
}

/** Runs the CLI on a small file and says whether it scanned it as `format` (the adapter exists and is registered). */
function cliKnows(file, format) {
  if (!have(cachelint) || !have(path.join(repoDir, 'dist/lib/cli/main.js'))) return 'cachelint is not built (npm run build)';
  const r = spawnSync('node', [cachelint, '--format', 'json', file], { encoding: 'utf8' });
  try {
    const out = JSON.parse(r.stdout);
    if (out.files.some((f) => f.format === format && f.status === 'scanned')) return '';
    return `cachelint does not scan ${format} files yet (adapter not written, not registered in lib/sources/index.ts, or not built): ${out.errors[0]?.message ?? 'file not scanned'}`;
  } catch {
    return `cachelint failed on ${path.basename(file)} (exit ${r.status}): ${(r.stderr || r.stdout).trim().split('\n')[0]}`;
  }
}

function unavailable(title, why) {
  problems.push(`${title}: not available yet — ${why}`);
  sections.push(`### ${title}\n\n**Not available yet:** ${why}\n`);
  console.log(`\n== ${title}: NOT AVAILABLE YET — ${why}`);
}

// ---------------------------------------------------------------------------------------------------------------
// Formatting

const sec = (x) => (x >= 10 ? x.toFixed(1) : x >= 1 ? x.toFixed(2) : x.toFixed(3));
const fmt = (s) => `${sec(s.median)} (${sec(s.min)}–${sec(s.max)})`;
const mib = (s) => (Number.isFinite(s.rss) ? s.rss.toFixed(0) : '–');

function table(header, lines) {
  return [`| ${header.join(' | ')} |`, `|${header.map(() => '---').join('|')}|`, ...lines.map((l) => `| ${l.join(' | ')} |`)].join('\n');
}

function log(title, stats, extra = []) {
  console.log(`\n== ${title}`);
  for (const s of Object.values(stats)) console.log(`  ${s.label.padEnd(52)} ${fmt(s).padEnd(24)} s   ${mib(s)} MiB   exit ${s.codes.join(',')}`);
  for (const e of extra) console.log(`  ${e}`);
}

// ---------------------------------------------------------------------------------------------------------------
// Inputs

function generateInputs() {
  fs.rmSync(workDir, { recursive: true, force: true });
  fs.mkdirSync(workDir, { recursive: true });
  const kong = require('./gen/kong');
  const cfn = require('./gen/cfn');
  const inputs = { kong: {}, cfn: {} };
  for (const n of KONG_SIZES) {
    const { text, expected } = kong.generate(n);
    const file = path.join(workDir, `kong-${n}.yaml`);
    fs.writeFileSync(file, text);
    inputs.kong[n] = { file, expected, bytes: Buffer.byteLength(text), lines: text.split('\n').length - 1 };
  }
  const small = kong.small();
  inputs.small = { file: path.join(workDir, 'kong-small.yaml'), expected: small.expected, format: 'kong' };
  fs.writeFileSync(inputs.small.file, small.text);
  // The pre-commit case falls back to a one-unit template (12 resources, one CL001) while Kong files are not scanned.
  const smallCfn = cfn.generate(1);
  inputs.smallCfn = { file: path.join(workDir, 'template-12.yaml'), expected: smallCfn.expected, format: 'cloudformation' };
  fs.writeFileSync(inputs.smallCfn.file, smallCfn.text);
  const t = cfn.generate(41);
  inputs.cfn = { file: path.join(workDir, 'template-492.yaml'), expected: t.expected, bytes: Buffer.byteLength(t.text), lines: t.text.split('\n').length - 1 };
  fs.writeFileSync(inputs.cfn.file, t.text);
  return inputs;
}

// ---------------------------------------------------------------------------------------------------------------
// Sections

function kongSection(inputs) {
  const title = 'Kong declarative config: cachelint vs Spectral vs the parse floor';
  const why = cliKnows(inputs.small.file, 'kong');
  if (why) return unavailable(title, why);
  const out = (name) => path.join(workDir, name);
  const lines = [];
  const checks = [];
  const byN = {};
  for (const n of KONG_SIZES) {
    const { file, expected } = inputs.kong[n];
    const clOut = out(`cachelint-kong-${n}.json`);
    const spOut = out(`spectral-kong-${n}.json`);
    const sides = [
      { key: 'cl', label: `cachelint --format json kong-${n}.yaml`, cmd: `node ${q(cachelint)} --format json ${q(file)} > ${q(clOut)}`, expectCodes: [1] },
      {
        key: 'sp',
        label: `spectral lint kong-${n}.yaml (json)`,
        cmd: `${q(bin('spectral'))} lint -r ${q(path.join(benchDir, 'spectral/kong-proxy-cache-post.yaml'))} ${q(file)} -f json -o ${q(spOut)} --quiet`,
        expectCodes: [1],
      },
      {
        key: 'floor',
        label: `parse floor (js-yaml parseEvents) kong-${n}.yaml`,
        cmd: `node ${q(path.join(benchDir, 'floor/parse-floor.js'))} ${q(file)}`,
        expectCodes: [0],
      },
    ];
    const { rounds, stats } = alternate(sides);
    const cl = readJson(clOut);
    checks.push(check(`cachelint CL001 on kong-${n}`, countRule(cl, 'CL001'), expected.cl001));
    checks.push(check(`cachelint input errors on kong-${n}`, cl.errors.length, 0));
    checks.push(
      check(`Spectral kong-proxy-cache-post on kong-${n}`, readJson(spOut).filter((r) => r.code === 'kong-proxy-cache-post').length, expected.spectral),
    );
    const vsSpectral = perRound(rounds, (r) => r.sp.wall / r.cl.wall);
    const vsFloor = perRound(rounds, (r) => r.cl.wall / r.floor.wall);
    byN[n] = { stats, vsSpectral, vsFloor };
    log(`Kong ${n} services (${(inputs.kong[n].bytes / 1e6).toFixed(1)} MB, ${inputs.kong[n].lines} lines)`, stats, [
      `Spectral / cachelint ${vsSpectral.toFixed(2)}×   cachelint / floor ${vsFloor.toFixed(2)}×`,
    ]);
    lines.push([
      `kong-${n}.yaml (${n} services, ${(inputs.kong[n].bytes / 1e6).toFixed(1)} MB)`,
      fmt(stats.cl),
      fmt(stats.sp),
      fmt(stats.floor),
      `${vsSpectral.toFixed(2)}×`,
      `${vsFloor.toFixed(2)}×`,
      `${mib(stats.cl)} / ${mib(stats.sp)} / ${mib(stats.floor)}`,
    ]);
  }
  const big = Math.max(...KONG_SIZES);
  const smallN = Math.min(...KONG_SIZES);
  if (byN[10000]) {
    target('Kong 10,000 services: Spectral / cachelint ≥ 5×', byN[10000].vsSpectral, 5, 'min');
    target('Kong 10,000 services: cachelint / parse floor ≤ 1.5×', byN[10000].vsFloor, 1.5, 'max');
  }
  let scaling = '';
  if (big !== smallN) {
    const ratio = byN[big].stats.cl.median / byN[smallN].stats.cl.median;
    const factor = big / smallN;
    target(
      `Scaling: ${factor}× the services costs ≤ ${factor * 1.1}× the time`,
      ratio,
      factor * 1.1,
      'max',
      `${sec(byN[smallN].stats.cl.median)} s → ${sec(byN[big].stats.cl.median)} s`,
    );
    scaling = `\nScaling (cachelint medians): ${smallN} → ${big} services = ${ratio.toFixed(2)}× the time for ${factor}× the services.`;
  }
  const breakdown = byN[big] ? phaseBreakdown(inputs.kong[big].file, `kong-${big}.yaml`) : undefined;
  const phases = breakdown ? breakdown.md + limitsNote(breakdown, byN[big].stats, `kong-${big}.yaml`) : '';
  sections.push(
    `### ${title}\n\n` +
      table(['input', 'cachelint s', 'Spectral s', 'parse floor s', 'Spectral / cachelint', 'cachelint / floor', 'peak MiB (cl / sp / floor)'], lines) +
      `\n${scaling}\n\nFindings checked: ${checks.join('; ')}.\n\n${phases}` +
      'Spectral runs `bench/spectral/kong-proxy-cache-post.yaml` (enabled `proxy-cache` with POST in `config.request_method`, any scope); ' +
      "it cannot apply Kong plugin precedence or route methods, so its expected count (from the generator) is higher than CL001's. " +
      'The parse floor is `bench/floor/parse-floor.js`: read the file and run js-yaml 5 `parseEvents` (offsets, no values), nothing else.\n',
  );
}

/**
 * Where the time goes (bench/phases.js, in process, median of PHASE_RUNS runs), next to js-yaml parseEvents alone (the
 * floor's work without its start-up): what a missed target is made of.
 */
function phaseBreakdown(file, name) {
  const runs = Number(process.env.PHASE_RUNS ?? 3);
  const collect = (args) => {
    const all = [];
    for (let i = 0; i < runs; i++) {
      const r = spawnSync('node', [path.join(benchDir, 'phases.js'), ...args], { encoding: 'utf8', maxBuffer: 1 << 20 });
      if (r.status !== 0) return undefined;
      all.push(JSON.parse(r.stdout));
    }
    const out = {};
    for (const phase of Object.keys(all[0])) out[phase] = { ms: median(all.map((a) => a[phase].ms)), gcMs: median(all.map((a) => a[phase].gcMs)) };
    return out;
  };
  const cl = collect([file, repoDir]);
  const ev = collect(['--events', file]);
  if (!cl || !ev) return undefined;
  const rows = Object.entries(cl).map(([phase, { ms, gcMs }]) => [phase, ms.toFixed(0), gcMs.toFixed(0)]);
  const total = Object.values(cl).reduce((s, p) => s + p.ms, 0);
  const totalGc = Object.values(cl).reduce((s, p) => s + p.gcMs, 0);
  rows.push(['**total**', `**${total.toFixed(0)}**`, `**${totalGc.toFixed(0)}**`]);
  const events = ev.parseEvents;
  console.log(
    `  phases (${name}, in process): ${rows.map((r) => `${r[0]} ${r[1]} ms`.replace(/\*/g, '')).join(', ')}; parseEvents alone ${events.ms.toFixed(0)} ms`,
  );
  const md =
    `Where cachelint's time goes on ${name} (\`bench/phases.js\`: the CLI's steps in one process, median of ${runs} runs; ms, and the part of it spent in garbage collection):\n\n` +
    table(['phase', 'ms', 'of which GC ms'], rows) +
    `\n\njs-yaml \`parseEvents\` alone (the floor's work, start-up excluded): ${events.ms.toFixed(0)} ms (GC ${events.gcMs.toFixed(0)} ms); ` +
    `node start-up ${ev.startup.ms.toFixed(0)} ms.\n\n`;
  return { md, cl, ev };
}

/**
 * What any run pays before doing cachelint's own work, against the time the Kong targets allow: start-up, loading,
 * reading, js-yaml parseEvents (the floor's parser), serialising and writing the report the findings make.
 */
function limitsNote({ cl, ev }, stats, name) {
  const phase = (prefix) => Object.entries(cl).find(([k]) => k.startsWith(prefix))?.[1].ms ?? 0;
  const fixed = {
    'node start-up': phase('startup'),
    'module load': phase('load modules'),
    read: phase('read'),
    parseEvents: ev.parseEvents.ms,
    'JSON report': phase('JSON report'),
    write: phase('write'),
  };
  const fixedMs = Object.values(fixed).reduce((a, b) => a + b, 0);
  const floorBudget = 1.5 * stats.floor.median * 1000;
  const spectralBudget = (stats.sp.median / 5) * 1000;
  const own = ['parse', 'Kong model', 'rules'].map((p) => [p, phase(p)]);
  const compose = Math.max(0, own[0][1] - ev.parseEvents.ms);
  return (
    `What limits the Kong targets on ${name}: the parts every run pays with this parser and this output ` +
    `(${Object.entries(fixed)
      .map(([k, v]) => `${k} ${v.toFixed(0)}`)
      .join(' + ')}) add up to **${fixedMs.toFixed(0)} ms**, ` +
    `against **${floorBudget.toFixed(0)} ms** for ≤ 1.5× the parse floor and **${spectralBudget.toFixed(0)} ms** for ≥ 5× Spectral ` +
    `(whole-process medians above). cachelint's own work on top: building values and positions ${compose.toFixed(0)} ms, ` +
    `the Kong model ${own[1][1].toFixed(0)} ms, the rules ${own[2][1].toFixed(0)} ms (GC included).` +
    (fixedMs >= Math.min(floorBudget, spectralBudget)
      ? " A target whose budget is below the fixed part cannot be met by making cachelint's own steps faster: it needs a faster parser than js-yaml's event stream, or a smaller report."
      : '') +
    '\n\n'
  );
}

function cfnSection(inputs) {
  const title = 'CloudFormation template (492 resources): cachelint vs cfn-lint';
  const why = cliKnows(inputs.cfn.file, 'cloudformation');
  if (why) return unavailable(title, why);
  const which = spawnSync('sh', ['-c', 'command -v cfn-lint'], { encoding: 'utf8' });
  if (which.status !== 0) return unavailable(title, 'cfn-lint is not on PATH (pip install cfn-lint)');
  const clOut = path.join(workDir, 'cachelint-cfn.json');
  const lintOut = path.join(workDir, 'cfn-lint.txt');
  const sides = [
    {
      key: 'cl',
      label: 'cachelint --format json template-492.yaml',
      cmd: `node ${q(cachelint)} --format json ${q(inputs.cfn.file)} > ${q(clOut)}`,
      expectCodes: [1],
    },
    { key: 'cfn', label: 'cfn-lint template-492.yaml', cmd: `cfn-lint ${q(inputs.cfn.file)} > ${q(lintOut)}`, expectCodes: [0] },
    {
      key: 'floor',
      label: 'parse floor (js-yaml parseEvents) template-492.yaml',
      cmd: `node ${q(path.join(benchDir, 'floor/parse-floor.js'))} ${q(inputs.cfn.file)}`,
      expectCodes: [0],
    },
  ];
  const { rounds, stats } = alternate(sides);
  const cl = readJson(clOut);
  const checks = [
    check('cachelint CL001 on template-492', countRule(cl, 'CL001'), inputs.cfn.expected.cl001),
    check('cachelint input errors on template-492', cl.errors.length, 0),
    check('cfn-lint messages on template-492 (the template is valid)', fs.readFileSync(lintOut, 'utf8').trim().split('\n').filter(Boolean).length, 0),
  ];
  const ratio = perRound(rounds, (r) => r.cfn.wall / r.cl.wall);
  log(`CloudFormation 492 resources (${(inputs.cfn.bytes / 1e3).toFixed(0)} KB)`, stats, [`cfn-lint / cachelint ${ratio.toFixed(2)}×`]);
  target('CloudFormation ~500 resources: cfn-lint / cachelint ≥ 10×', ratio, 10, 'min');
  sections.push(
    `### ${title}\n\n` +
      table(
        ['command', 'wall s', 'peak MiB'],
        Object.values(stats).map((s) => [`\`${s.label}\``, fmt(s), mib(s)]),
      ) +
      `\n\ncfn-lint / cachelint: **${ratio.toFixed(2)}×** (median of per-round ratios). cfn-lint checks the whole resource specification, ` +
      `cachelint only caching; the comparison is the cost of the check a CI job runs. Findings checked: ${checks.join('; ')}.\n`,
  );
}

function cdkSection() {
  const title = 'CDK synth: time added by CacheLintChecks vs cdk-nag AwsSolutionsChecks';
  if (!have(path.join(repoDir, 'dist/lib/cdk/index.js'))) return unavailable(title, 'dist/lib/cdk is not built (lib/cdk + npm run build)');
  const { expected } = require('./gen/cdk-app');
  const app = path.join(benchDir, 'gen/cdk-app.js');
  const parts = [];
  for (const units of [37, 124]) {
    const exp = expected(units);
    const outdir = (k) => path.join(workDir, `cdk-${units}-${k}`);
    const reports = {};
    const side = (key, label) => ({
      key,
      label: `${label}, ${units} units`,
      cmd: `node ${q(app)}`,
      env: { UNITS: String(units), CHECKS: key, CDK_VALIDATION: 'false', CDK_OUTDIR: outdir(key), CACHELINT_DIR: repoDir },
      expectCodes: [0],
      before: () => fs.rmSync(outdir(key), { recursive: true, force: true }),
      after: () => {
        const f = path.join(outdir(key), 'validation-report.json');
        reports[key] = have(f) ? readJson(f) : null;
        fs.rmSync(outdir(key), { recursive: true, force: true });
      },
    });
    const { rounds, stats } = alternate(
      [
        side('none', 'synth alone'),
        side('noop', 'synth + a plugin that does nothing'),
        side('cachelint', 'synth + CacheLintChecks'),
        side('nag', 'synth + AwsSolutionsChecks'),
      ],
      Math.max(RUNS, CDK_RUNS),
    );
    const resources = countResources(units);
    const count = (key, plugin, rule) => {
      const rep = reports[key]?.pluginReports?.find((p) => p.pluginName === plugin);
      if (!rep) return -1;
      return rep.violations.filter((v) => v.ruleName.replace(/\[.*$/, '') === rule).reduce((n, v) => n + v.violatingConstructs.length, 0);
    };
    const checks = [
      check(`CacheLintChecks CL001 at ${units} units`, count('cachelint', 'CacheLint', 'CL001'), exp.cl001),
      check(`AwsSolutions-S1 (one per bucket) at ${units} units`, count('nag', 'AwsSolutions', 'AwsSolutions-S1'), exp.buckets),
    ];
    const addedCl = perRound(rounds, (r) => r.cachelint.wall - r.none.wall);
    const addedNag = perRound(rounds, (r) => r.nag.wall - r.none.wall);
    // What CDK itself does once any validation plugin is registered (construct tree, report): in both figures.
    const addedNoop = perRound(rounds, (r) => r.noop.wall - r.none.wall);
    const ratio = addedCl / addedNag;
    log(`CDK app ${units} units (${resources} resources), CDK_VALIDATION=false`, stats, [
      `added: CacheLintChecks ${sec(addedCl)} s, AwsSolutionsChecks ${sec(addedNag)} s → ratio ${ratio.toFixed(2)}; a no-op plugin adds ${sec(addedNoop)} s`,
      ...checks,
    ]);
    if (units === 124)
      target(
        'CDK ~1,000 resources: time CacheLintChecks adds / time AwsSolutionsChecks adds ≤ 0.2',
        ratio,
        0.2,
        'max',
        `${sec(addedCl)} s vs ${sec(addedNag)} s`,
      );
    parts.push(
      `#### ${units} units = ${resources} resources (${exp.stacks} stack${exp.stacks > 1 ? 's' : ''})\n\n` +
        table(
          ['command (`CDK_VALIDATION=false`, fresh outdir)', 'wall s', 'peak MiB'],
          Object.values(stats).map((s) => [s.label, fmt(s), mib(s)]),
        ) +
        `\n\nAdded synth time (median of per-round differences): CacheLintChecks **${sec(addedCl)} s**, AwsSolutionsChecks **${sec(addedNag)} s**, ` +
        `ratio **${ratio.toFixed(2)}**. A plugin that reports nothing adds ${sec(addedNoop)} s (CDK's own validation step: construct tree, ` +
        `validation-report.json), which both figures include. Findings checked: ${checks.join('; ')}.\n`,
    );
  }
  sections.push(`### ${title}\n\n${parts.join('\n')}`);
}

function countResources(units) {
  // Counted once from a synth (cheap at this size) so the table says what was measured, not what was intended.
  const dir = path.join(workDir, `cdk-count-${units}`);
  spawnSync('node', [path.join(benchDir, 'gen/cdk-app.js')], {
    env: { ...process.env, UNITS: String(units), CHECKS: 'none', CDK_VALIDATION: 'false', CDK_OUTDIR: dir },
  });
  let n = 0;
  for (const f of fs.existsSync(dir) ? fs.readdirSync(dir) : [])
    if (f.endsWith('.template.json')) n += Object.keys(readJson(path.join(dir, f)).Resources ?? {}).length;
  fs.rmSync(dir, { recursive: true, force: true });
  return n;
}

function smallSection(inputs) {
  const title = 'Pre-commit latency: cachelint on one small file vs `node -e 0`';
  const why = cliKnows(inputs.small.file, 'kong');
  const small = why ? inputs.smallCfn : inputs.small;
  const whyCfn = why ? cliKnows(small.file, 'cloudformation') : '';
  if (whyCfn) return unavailable(title, `${why}; ${whyCfn}`);
  const name = path.basename(small.file);
  const clOut = path.join(workDir, 'cachelint-small.json');
  const sides = [
    { key: 'cl', label: `cachelint --format json ${name}`, cmd: `node ${q(cachelint)} --format json ${q(small.file)} > ${q(clOut)}`, expectCodes: [1] },
    { key: 'stylish', label: `cachelint ${name} (stylish)`, cmd: `node ${q(cachelint)} ${q(small.file)} > /dev/null`, expectCodes: [1] },
    { key: 'node', label: 'node -e 0', cmd: 'node -e 0', expectCodes: [0] },
  ];
  // Sub-0.1 s processes: a few ms of noise is a large share, so this section takes more rounds (they cost ~0.3 s each).
  const { rounds, stats } = alternate(sides, Math.max(RUNS, SMALL_RUNS));
  const checks = [check(`cachelint CL001 on ${name}`, countRule(readJson(clOut), 'CL001'), small.expected.cl001)];
  const ratio = perRound(rounds, (r) => r.cl.wall / r.node.wall);
  const ratioStylish = perRound(rounds, (r) => r.stylish.wall / r.node.wall);
  log('small file, cold start', stats, [`cachelint / node -e 0: json ${ratio.toFixed(2)}×, stylish ${ratioStylish.toFixed(2)}×`]);
  target('One small file, cold: cachelint / `node -e 0` ≤ 1.6×', ratio, 1.6, 'max', `stylish: ${ratioStylish.toFixed(2)}×`);
  sections.push(
    `### ${title}\n\n` +
      table(
        ['command', 'wall s', 'peak MiB'],
        Object.values(stats).map((s) => [`\`${s.label}\``, fmt(s), mib(s)]),
      ) +
      `\n\ncachelint / node -e 0: **${ratio.toFixed(2)}×** (json), ${ratioStylish.toFixed(2)}× (stylish). Findings checked: ${checks.join('; ')}.` +
      (why ? ` (Kong files are not scanned yet, so the small file is a one-unit CloudFormation template: ${why}.)` : '') +
      '\n',
  );
}

// ---------------------------------------------------------------------------------------------------------------

function versionOf(cmd) {
  try {
    return execFileSync('sh', ['-c', cmd], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] })
      .trim()
      .split('\n')[0];
  } catch {
    return 'not found';
  }
}

function pkgVersion(name) {
  try {
    return readJson(path.join(benchDir, 'node_modules', name, 'package.json')).version;
  } catch {
    return 'not installed';
  }
}

function cachelintSource() {
  // BENCH_NOTE says what a CACHELINT_DIR build is (e.g. "HEAD abc1234 + Kong adapter registered"), since it has no git.
  if (process.env.BENCH_NOTE) return process.env.BENCH_NOTE;
  const head = versionOf(`git -C ${q(repoDir)} rev-parse --short HEAD`);
  const dirty = versionOf(`git -C ${q(repoDir)} status --porcelain lib rules bin | head -1`);
  return `commit ${head}${dirty && dirty !== 'not found' ? ', with uncommitted changes in lib/rules/bin' : ''}`;
}

const loadavg = () =>
  os
    .loadavg()
    .map((x) => x.toFixed(2))
    .join(' / ');

function machine() {
  const cpus = os.cpus();
  return [
    `- Date: ${new Date().toISOString().replace(/\.\d+Z$/, 'Z')}`,
    `- Machine: ${cpus.length} cores (${cpus[0]?.model.trim() ?? 'unknown'}), ${(os.totalmem() / 2 ** 30).toFixed(1)} GiB, ${os.type()} ${os.release()}`,
    `- Load average (1/5/15 min) at the start: ${loadavg()} (2 cores: above ~1 the machine was shared during the run)`,
    `- Node ${process.version}, npm ${versionOf('npm -v')}`,
    `- cachelint ${readJson(path.join(repoDir, 'package.json')).version} (${cachelintSource()})`,
    `- Peers: @stoplight/spectral-cli ${pkgVersion('@stoplight/spectral-cli')}, cfn-lint ${versionOf('cfn-lint --version').replace(/^cfn-lint /, '')}, aws-cdk-lib ${pkgVersion('aws-cdk-lib')}, cdk-nag ${pkgVersion('cdk-nag')}, constructs ${pkgVersion('constructs')}, js-yaml ${pkgVersion('js-yaml')} (floor)`,
    `- Method: whole process, ${RUNS} counted runs (${Math.max(RUNS, SMALL_RUNS)} for the small file, ${Math.max(RUNS, CDK_RUNS)} for CDK) after ${WARMUP} warm-up per command, commands of a comparison alternated (A B A B …); median (min–max) wall seconds; ratios are medians of per-round ratios; peak RSS from GNU time (median).`,
  ].join('\n');
}

function main() {
  if (!have(bin('spectral')) || !have(path.join(benchDir, 'node_modules/aws-cdk-lib'))) {
    console.error('bench: peers are not installed: run `npm ci --prefix bench` (or `npm run bench`)');
    process.exit(2);
  }
  const started = Date.now();
  const inputs = generateInputs();
  const head = machine();
  console.log(head);
  if (ONLY.has('small')) smallSection(inputs);
  if (ONLY.has('kong')) kongSection(inputs);
  if (ONLY.has('cfn')) cfnSection(inputs);
  if (ONLY.has('cdk')) cdkSection();

  const targetLines = targets.map((t) => [
    t.name,
    `${t.ratio.toFixed(2)}${t.kind === 'max' && t.name.includes('CDK') ? '' : '×'}`,
    t.met ? '**met**' : '**not met**',
    t.note,
  ]);
  const summary = targets.length ? table(['target', 'measured', 'status', 'note'], targetLines) : '_No target could be measured._';
  const problemText = problems.length ? `\n\n**Problems (the bench exits 1):**\n\n${problems.map((p) => `- ${p}`).join('\n')}` : '';
  const md =
    `# cachelint benchmark results\n\nGenerated by \`npm run bench\` (bench/run.js) in ${((Date.now() - started) / 1000).toFixed(0)} s (load average at the end: ${loadavg()}). ` +
    `Inputs come from the deterministic generators in bench/gen/ (expected finding counts included).\n\n${head}\n\n## Targets\n\n${summary}${problemText}\n\n## Measurements\n\n${sections.join('\n')}`;
  fs.writeFileSync(path.join(benchDir, 'RESULTS.md'), md);
  console.log(`\n== Targets`);
  for (const t of targets) console.log(`  ${t.met ? 'met    ' : 'NOT MET'}  ${t.name}: ${t.ratio.toFixed(2)} ${t.note}`);
  if (problems.length) {
    console.log(`\n== Problems`);
    for (const p of problems) console.log(`  - ${p}`);
  }
  console.log(`\nwrote ${path.relative(process.cwd(), path.join(benchDir, 'RESULTS.md'))}`);
  const missed = targets.some((t) => !t.met) && process.env.BENCH_STRICT === '1';
  process.exit(problems.length || missed ? 1 : 0);
}

main();
