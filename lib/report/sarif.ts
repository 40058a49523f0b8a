// `--format sarif`: SARIF 2.1.0 for GitHub code scanning and other SARIF viewers.
// - tool.driver.rules lists every rule (not only those that fired), so a viewer can tell "ran and found nothing" from
//   "rule does not exist" and close fixed alerts.
// - URIs are relative to the git repository root with uriBaseId %SRCROOT% (see paths.ts for why).
// - partialFingerprints `cachelint/v1` hash rule id + file + findingId (no line): an alert survives lines moving.
// - Suppressed findings stay in, with `suppressions` (inSource for comments/Metadata, external for baseline/config),
//   so code scanning shows them as suppressed instead of closing them as fixed. --quiet does not apply here.
// - Input errors are toolExecutionNotifications (level error) and make executionSuccessful false.
import { createHash } from 'node:crypto';
import type * as Sarif from 'sarif';
import type { Finding, InputError, Rule, ScanResult, Severity } from '../findings';
import { docsUrl, REPOSITORY_URL, TOOL_NAME, VERSION } from '../meta';
import { LIVE_RULES, STATIC_RULES } from '../../rules';
import { SUPPRESSION_RULES } from '../suppress';
import { fileUri, relativeUri, repositoryRoot, rooted } from './paths';
import type { ReportOptions, Reporter } from './types';
import { affectsSentence } from './summary';

export const SARIF_SCHEMA = 'https://json.schemastore.org/sarif-2.1.0.json';
export const FINGERPRINT_KEY = 'cachelint/v1';
const SRCROOT = '%SRCROOT%';

/** A location as written here: always a physical location with an artifact URI. */
type PhysicalAt = Sarif.Location & { physicalLocation: Sarif.PhysicalLocation & { artifactLocation: Sarif.ArtifactLocation & { uri: string } } };

const LEVEL: Record<Severity, Sarif.Result.level> = { error: 'error', warning: 'warning', info: 'note' };

/** Every rule cachelint has: the static rules, the checks on suppression directives (unused-suppression,
 *  invalid-suppression) and the live-probe rules (CL1xx). */
export function allRules(): Rule[] {
  return [...STATIC_RULES, ...SUPPRESSION_RULES, ...LIVE_RULES];
}

export const sarif: Reporter = (result: ScanResult, options: ReportOptions) => JSON.stringify(toSarif(result, options), null, 2) + '\n';

export function toSarif(result: ScanResult, options: Pick<ReportOptions, 'cwd'> & { root?: string } = {}) {
  const cwd = options.cwd ?? process.cwd();
  const root = options.root ?? repositoryRoot(cwd);
  const { descriptors, indexOf } = ruleCatalogue(result.findings);
  const location = locator(cwd, root);
  const seen = new Map<string, number>();
  const results = result.findings.map((f) => sarifResult(f, indexOf.get(f.ruleId)!, seen, result.sources, location));

  const notifications = result.errors.map((e: InputError): Sarif.Notification => ({
    level: 'error',
    message: { text: `${e.code}: ${e.message}` },
    descriptor: { id: e.code },
    locations: [location(e.file, e.line, e.column)],
  }));

  return {
    $schema: SARIF_SCHEMA,
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: TOOL_NAME,
            version: VERSION,
            semanticVersion: VERSION,
            informationUri: REPOSITORY_URL,
            rules: descriptors,
          },
        },
        invocations: [{ executionSuccessful: result.errors.length === 0, toolExecutionNotifications: notifications }],
        originalUriBaseIds: { [SRCROOT]: { uri: fileUri(root, true) } },
        columnKind: 'utf16CodeUnits',
        results,
      },
    ],
  } satisfies Sarif.Log;
}

type Locate = (file: string, line?: number, column?: number, endLine?: number, endColumn?: number) => PhysicalAt;

/** tool.driver.rules (every rule) and each rule id's index in it. */
function ruleCatalogue(findings: readonly Finding[]) {
  const rules = allRules();
  const descriptors: (ReturnType<typeof ruleDescriptor> | ReturnType<typeof unknownRuleDescriptor>)[] = rules.map(ruleDescriptor);
  const indexOf = new Map(rules.map((r, i) => [r.id, i]));
  // A finding from a rule outside the catalogue (should not happen) still gets a valid ruleIndex.
  for (const f of findings) {
    if (indexOf.has(f.ruleId)) continue;
    indexOf.set(f.ruleId, descriptors.length);
    descriptors.push(unknownRuleDescriptor(f));
  }
  return { descriptors, indexOf };
}

/** A file position as a SARIF location, relative to %SRCROOT% when the file is inside the repository. */
function locator(cwd: string, root: string): Locate {
  return (file, line, column, endLine, endColumn) => {
    const p = rooted(file, cwd, root);
    const artifactLocation = p.relative !== undefined ? { uri: relativeUri(p.relative), uriBaseId: SRCROOT } : { uri: fileUri(p.absolute) };
    const loc: PhysicalAt = { physicalLocation: { artifactLocation } };
    if (line && line > 0) {
      const region: Sarif.Region = { startLine: line };
      if (column && column > 0) region.startColumn = column;
      if (endLine && endLine >= line) {
        region.endLine = endLine;
        if (endColumn && endColumn > 0 && (endLine > line || !column || endColumn > column)) region.endColumn = endColumn;
      }
      loc.physicalLocation.region = region;
    }
    return loc;
  };
}

/** One finding as a SARIF result; `seen` counts fingerprints so that equal ones get a :2, :3… suffix. */
function sarifResult(f: Finding, ruleIndex: number, seen: Map<string, number>, sources: ScanResult['sources'], location: Locate) {
  const loc = location(f.file, f.line, f.column, f.endLine, f.endColumn);
  if (f.resource) loc.logicalLocations = [{ name: f.resource, ...(f.constructPath ? { fullyQualifiedName: f.constructPath } : {}), kind: 'resource' }];
  const base = fingerprint(f.ruleId, loc.physicalLocation.artifactLocation.uri, f.findingId);
  const n = (seen.get(base) ?? 0) + 1;
  seen.set(base, n);
  const properties: Sarif.PropertyBag = { findingId: f.findingId, resource: f.resource, route: f.route, platform: f.platform };
  if (f.logicalId) properties.logicalId = f.logicalId;
  if (f.constructPath) properties.constructPath = f.constructPath;
  if (f.remediation.snippet) properties.remediationSnippet = f.remediation.snippet;
  if (f.routes?.length) properties.routes = f.routes;
  // Each affected route's own definition, so a viewer can jump from the setting to what it breaks.
  const related = (f.routeLocations ?? []).map((r, i) => ({
    id: i + 1,
    ...location(r.file, r.line, r.column),
    message: { text: `affected route: ${r.route}` },
  }));
  return {
    ruleId: f.ruleId,
    ruleIndex,
    level: LEVEL[f.severity],
    kind: 'fail',
    message: { text: messageText(f) },
    locations: [loc],
    ...(related.length ? { relatedLocations: related } : {}),
    partialFingerprints: { [FINGERPRINT_KEY]: n === 1 ? base : `${base}:${n}` },
    properties,
    ...(f.suppressed ? { suppressions: [suppression(f)] } : {}),
    ...sarifFixes(f, sources, location),
  } satisfies Sarif.Result;
}

/** What a reader of the alert needs in one line: the problem, then the fix. */
export function messageText(f: Finding): string {
  const text = f.message.trimEnd();
  return `${text}${/[.!?)]$/.test(text) ? '' : '.'}${affectsSentence(f)} Fix: ${f.remediation.summary}`;
}

export function fingerprint(ruleId: string, uri: string, findingId: string): string {
  return createHash('sha256').update(`${ruleId}\n${uri}\n${findingId}`).digest('hex').slice(0, 32);
}

function suppression(f: Finding): Sarif.Suppression {
  const source = f.suppressed!.source ?? '';
  const external = /^(baseline|config)\b/.test(source);
  return { kind: external ? 'external' : 'inSource', status: 'accepted', justification: f.suppressed!.reason };
}

function ruleDescriptor(rule: Rule) {
  const fixes = Object.entries(rule.remediation)
    .map(([flavor, text]) => `- ${flavor}: ${text}`)
    .join('\n');
  return {
    id: rule.id,
    name: rule.name,
    shortDescription: { text: rule.summary },
    fullDescription: { text: rule.rationale },
    helpUri: docsUrl(rule),
    help: {
      text: `${rule.summary}\n\n${rule.rationale}${fixes ? `\n\nFix:\n${fixes}` : ''}\n\n${docsUrl(rule)}`,
      markdown: `**${rule.id === rule.name ? rule.id : `${rule.id} ${rule.name}`}**: ${rule.summary}\n\n${rule.rationale}${fixes ? `\n\n**Fix**\n\n${fixes}` : ''}\n\n[Rule documentation](${docsUrl(rule)})`,
    },
    defaultConfiguration: { level: LEVEL[rule.severity] },
    properties: { tags: ['http-cache', 'reliability'] },
  } satisfies Sarif.ReportingDescriptor;
}

function unknownRuleDescriptor(f: Finding) {
  return {
    id: f.ruleId,
    name: f.ruleName,
    shortDescription: { text: f.ruleName },
    fullDescription: { text: f.ruleName },
    helpUri: f.docsUrl,
    defaultConfiguration: { level: LEVEL[f.severity] },
  } satisfies Sarif.ReportingDescriptor;
}

/**
 * SARIF `fixes` (GitHub code scanning and editors can offer them): one replacement per file, the changed lines of
 * the original text and what replaces them. Computed only when a finding has a fix (the edit libraries load then).
 */
function sarifFixes(
  f: Finding,
  sources: ScanResult['sources'],
  location: (file: string, line?: number, column?: number) => { physicalLocation: { artifactLocation: Sarif.ArtifactLocation } },
): { fixes?: Sarif.Fix[] } {
  const fix = f.remediation.fix;
  if (!fix || f.suppressed || !sources) return {};
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { commonEnds, editedText } = require('../fix') as typeof import('../fix');
  const changes: Sarif.ArtifactChange[] = [];
  for (const file of new Set(fix.edits.map((e) => e.file))) {
    const before = sources.get(file);
    if (before === undefined) return {};
    const after = editedText(
      file,
      before,
      fix.edits.filter((e) => e.file === file),
    );
    if (after === undefined) return {};
    // Whole lines from the first to the last that differ.
    const a = before.split('\n');
    const b = after.split('\n');
    const { head, tail } = commonEnds(a, b);
    const inserted = b
      .slice(head, b.length - tail)
      .map((l) => l + '\n')
      .join('');
    changes.push({
      artifactLocation: location(file).physicalLocation.artifactLocation,
      replacements: [
        { deletedRegion: { startLine: head + 1, startColumn: 1, endLine: a.length - tail + 1, endColumn: 1 }, insertedContent: { text: inserted } },
      ],
    });
  }
  return { fixes: [{ description: { text: `${fix.safety === 'safe' ? 'Safe' : 'Unsafe'} fix: ${f.remediation.summary}` }, artifactChanges: changes }] };
}
