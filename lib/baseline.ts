// Baselines: adopt cachelint on a repository with existing findings without hiding new ones.
// `--baseline-write FILE` records today's unsuppressed findings; `--baseline FILE` marks findings recorded there as
// suppressed (reason "in baseline FILE", an *external* suppression in SARIF) so only new ones count for the exit code
// and the human formats, while json/sarif keep the baselined ones visible as suppressed: code scanning then shows
// them as suppressed instead of closing them as "fixed". Entries carry no line numbers (rule id + file + findingId),
// so they survive edits that move lines; file paths are relative to the baseline file's folder, so it works from any
// working directory.
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, isAbsolute, relative, resolve, sep } from 'node:path';
import type { Finding, ScanResult } from './findings';
import { TOOL_NAME } from './meta';

export const BASELINE_VERSION = 1;

export interface BaselineEntry {
  ruleId: string;
  file: string;
  findingId: string;
  /** For humans reading the file; not part of the match. */
  resource?: string;
}

export interface Baseline {
  tool: string;
  version: number;
  entries: BaselineEntry[];
}

export interface BaselineSummary {
  /** The baseline file as given on the command line. */
  file: string;
  /** Findings that were in the baseline (now suppressed). */
  matched: number;
  /** Unsuppressed findings not in the baseline. */
  new: number;
  /** Baseline entries that no unsuppressed finding matches any more (fixed, or suppressed another way). */
  stale: number;
}

export class BaselineError extends Error {}

function keyOf(e: { ruleId: string; file: string; findingId: string }): string {
  return `${e.ruleId}\u0000${e.file}\u0000${e.findingId}`;
}

/** A finding's file as stored in a baseline at `baselinePath`. */
function fileFor(finding: Finding, baselinePath: string, cwd: string): string {
  const absolute = isAbsolute(finding.file) ? finding.file : resolve(cwd, finding.file);
  return relative(dirname(resolve(cwd, baselinePath)), absolute)
    .split(sep)
    .join('/');
}

/** True for findings a baseline applies to: active ones, or ones a baseline already suppressed. */
function baselineable(f: Finding): boolean {
  return !f.suppressed || /^baseline\b/.test(f.suppressed.source ?? '');
}

export function buildBaseline(findings: readonly Finding[], baselinePath: string, cwd: string): Baseline {
  const entries = new Map<string, BaselineEntry>();
  for (const f of findings) {
    if (!baselineable(f)) continue;
    const entry: BaselineEntry = { ruleId: f.ruleId, file: fileFor(f, baselinePath, cwd), findingId: f.findingId };
    if (f.resource) entry.resource = f.resource;
    entries.set(keyOf(entry), entry);
  }
  const sorted = [...entries.values()].sort((a, b) => (keyOf(a) < keyOf(b) ? -1 : keyOf(a) > keyOf(b) ? 1 : 0));
  return { tool: TOOL_NAME, version: BASELINE_VERSION, entries: sorted };
}

export function writeBaseline(findings: readonly Finding[], baselinePath: string, cwd: string): Baseline {
  const baseline = buildBaseline(findings, baselinePath, cwd);
  writeFileSync(resolve(cwd, baselinePath), JSON.stringify(baseline, null, 2) + '\n');
  return baseline;
}

export function readBaseline(baselinePath: string, cwd: string): Baseline {
  let text: string;
  try {
    text = readFileSync(resolve(cwd, baselinePath), 'utf8');
  } catch (e) {
    throw new BaselineError(`cannot read: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
  }
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (e) {
    throw new BaselineError(`not valid JSON: ${(e as Error).message}`);
  }
  const obj = data as Partial<Baseline> | null;
  if (!obj || typeof obj !== 'object' || Array.isArray(obj))
    throw new BaselineError('not a cachelint baseline (expected an object with "version" and "entries")');
  if (obj.version !== BASELINE_VERSION)
    throw new BaselineError(`unsupported baseline version ${JSON.stringify(obj.version)} (this cachelint reads version ${BASELINE_VERSION})`);
  if (!Array.isArray(obj.entries)) throw new BaselineError('"entries" must be a list');
  obj.entries.forEach((e, i) => {
    const entry = e as unknown as Record<string, unknown> | null;
    for (const key of ['ruleId', 'file', 'findingId'] as const) {
      if (!entry || typeof entry[key] !== 'string' || entry[key] === '') throw new BaselineError(`entries[${i}]: "${key}" must be a non-empty string`);
    }
  });
  return { tool: typeof obj.tool === 'string' ? obj.tool : TOOL_NAME, version: obj.version, entries: obj.entries };
}

/** Marks findings recorded in `baseline` as suppressed and counts matched / new / stale. */
export function applyBaseline(result: ScanResult, baseline: Baseline, baselinePath: string, cwd: string): BaselineSummary {
  const known = new Set(baseline.entries.map(keyOf));
  const used = new Set<string>();
  let matched = 0;
  let fresh = 0;
  const shown = baselinePath.split(sep).join('/');
  for (const f of result.findings) {
    if (f.suppressed) continue;
    const key = keyOf({ ruleId: f.ruleId, file: fileFor(f, baselinePath, cwd), findingId: f.findingId });
    if (known.has(key)) {
      f.suppressed = { reason: `in baseline ${shown}`, source: `baseline ${shown}` };
      used.add(key);
      matched++;
    } else fresh++;
  }
  return { file: shown, matched, new: fresh, stale: known.size - used.size };
}
