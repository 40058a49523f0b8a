"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.sarif = exports.FINGERPRINT_KEY = exports.SARIF_SCHEMA = void 0;
exports.allRules = allRules;
exports.toSarif = toSarif;
exports.messageText = messageText;
exports.fingerprint = fingerprint;
// `--format sarif`: SARIF 2.1.0 for GitHub code scanning and other SARIF viewers.
// - tool.driver.rules lists every rule (not only those that fired), so a viewer can tell "ran and found nothing" from
//   "rule does not exist" and close fixed alerts.
// - URIs are relative to the git repository root with uriBaseId %SRCROOT% (see paths.ts for why).
// - partialFingerprints `cachelint/v1` hash rule id + file + findingId (no line): an alert survives lines moving.
// - Suppressed findings stay in, with `suppressions` (inSource for comments/Metadata, external for baseline/config),
//   so code scanning shows them as suppressed instead of closing them as fixed. --quiet does not apply here.
// - Input errors are toolExecutionNotifications (level error) and make executionSuccessful false.
const node_crypto_1 = require("node:crypto");
const meta_1 = require("../meta");
const rules_1 = require("../../rules");
const suppress_1 = require("../suppress");
const paths_1 = require("./paths");
const summary_1 = require("./summary");
exports.SARIF_SCHEMA = 'https://json.schemastore.org/sarif-2.1.0.json';
exports.FINGERPRINT_KEY = 'cachelint/v1';
const SRCROOT = '%SRCROOT%';
const LEVEL = { error: 'error', warning: 'warning', info: 'note' };
/** Every rule cachelint has: the static rules, the checks on suppression directives (unused-suppression,
 *  invalid-suppression) and the live-probe rules (CL1xx). */
function allRules() {
    return [...rules_1.STATIC_RULES, ...suppress_1.SUPPRESSION_RULES, ...rules_1.LIVE_RULES];
}
const sarif = (result, options) => JSON.stringify(toSarif(result, options), null, 2) + '\n';
exports.sarif = sarif;
function toSarif(result, options = {}) {
    const cwd = options.cwd ?? process.cwd();
    const root = options.root ?? (0, paths_1.repositoryRoot)(cwd);
    const { descriptors, indexOf } = ruleCatalogue(result.findings);
    const location = locator(cwd, root);
    const seen = new Map();
    const results = result.findings.map((f) => sarifResult(f, indexOf.get(f.ruleId), seen, result.sources, location));
    const notifications = result.errors.map((e) => ({
        level: 'error',
        message: { text: `${e.code}: ${e.message}` },
        descriptor: { id: e.code },
        locations: [location(e.file, e.line, e.column)],
    }));
    return {
        $schema: exports.SARIF_SCHEMA,
        version: '2.1.0',
        runs: [
            {
                tool: {
                    driver: {
                        name: meta_1.TOOL_NAME,
                        version: meta_1.VERSION,
                        semanticVersion: meta_1.VERSION,
                        informationUri: meta_1.REPOSITORY_URL,
                        rules: descriptors,
                    },
                },
                invocations: [{ executionSuccessful: result.errors.length === 0, toolExecutionNotifications: notifications }],
                originalUriBaseIds: { [SRCROOT]: { uri: (0, paths_1.fileUri)(root, true) } },
                columnKind: 'utf16CodeUnits',
                results,
            },
        ],
    };
}
/** tool.driver.rules (every rule) and each rule id's index in it. */
function ruleCatalogue(findings) {
    const rules = allRules();
    const descriptors = rules.map(ruleDescriptor);
    const indexOf = new Map(rules.map((r, i) => [r.id, i]));
    // A finding from a rule outside the catalogue (should not happen) still gets a valid ruleIndex.
    for (const f of findings) {
        if (indexOf.has(f.ruleId))
            continue;
        indexOf.set(f.ruleId, descriptors.length);
        descriptors.push(unknownRuleDescriptor(f));
    }
    return { descriptors, indexOf };
}
/** A file position as a SARIF location, relative to %SRCROOT% when the file is inside the repository. */
function locator(cwd, root) {
    return (file, line, column, endLine, endColumn) => {
        const p = (0, paths_1.rooted)(file, cwd, root);
        const artifactLocation = p.relative !== undefined ? { uri: (0, paths_1.relativeUri)(p.relative), uriBaseId: SRCROOT } : { uri: (0, paths_1.fileUri)(p.absolute) };
        const loc = { physicalLocation: { artifactLocation } };
        if (line && line > 0) {
            const region = { startLine: line };
            if (column && column > 0)
                region.startColumn = column;
            if (endLine && endLine >= line) {
                region.endLine = endLine;
                if (endColumn && endColumn > 0 && (endLine > line || !column || endColumn > column))
                    region.endColumn = endColumn;
            }
            loc.physicalLocation.region = region;
        }
        return loc;
    };
}
/** One finding as a SARIF result; `seen` counts fingerprints so that equal ones get a :2, :3… suffix. */
function sarifResult(f, ruleIndex, seen, sources, location) {
    const loc = location(f.file, f.line, f.column, f.endLine, f.endColumn);
    if (f.resource)
        loc.logicalLocations = [{ name: f.resource, ...(f.constructPath ? { fullyQualifiedName: f.constructPath } : {}), kind: 'resource' }];
    const base = fingerprint(f.ruleId, loc.physicalLocation.artifactLocation.uri, f.findingId);
    const n = (seen.get(base) ?? 0) + 1;
    seen.set(base, n);
    const properties = { findingId: f.findingId, resource: f.resource, route: f.route, platform: f.platform };
    if (f.logicalId)
        properties.logicalId = f.logicalId;
    if (f.constructPath)
        properties.constructPath = f.constructPath;
    if (f.remediation.snippet)
        properties.remediationSnippet = f.remediation.snippet;
    if (f.routes?.length)
        properties.routes = f.routes;
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
        partialFingerprints: { [exports.FINGERPRINT_KEY]: n === 1 ? base : `${base}:${n}` },
        properties,
        ...(f.suppressed ? { suppressions: [suppression(f)] } : {}),
        ...sarifFixes(f, sources, location),
    };
}
/** What a reader of the alert needs in one line: the problem, then the fix. */
function messageText(f) {
    const text = f.message.trimEnd();
    return `${text}${/[.!?)]$/.test(text) ? '' : '.'}${(0, summary_1.affectsSentence)(f)} Fix: ${f.remediation.summary}`;
}
function fingerprint(ruleId, uri, findingId) {
    return (0, node_crypto_1.createHash)('sha256').update(`${ruleId}\n${uri}\n${findingId}`).digest('hex').slice(0, 32);
}
function suppression(f) {
    const source = f.suppressed.source ?? '';
    const external = /^(baseline|config)\b/.test(source);
    return { kind: external ? 'external' : 'inSource', status: 'accepted', justification: f.suppressed.reason };
}
function ruleDescriptor(rule) {
    const fixes = Object.entries(rule.remediation)
        .map(([flavor, text]) => `- ${flavor}: ${text}`)
        .join('\n');
    return {
        id: rule.id,
        name: rule.name,
        shortDescription: { text: rule.summary },
        fullDescription: { text: rule.rationale },
        helpUri: (0, meta_1.docsUrl)(rule),
        help: {
            text: `${rule.summary}\n\n${rule.rationale}${fixes ? `\n\nFix:\n${fixes}` : ''}\n\n${(0, meta_1.docsUrl)(rule)}`,
            markdown: `**${rule.id === rule.name ? rule.id : `${rule.id} ${rule.name}`}**: ${rule.summary}\n\n${rule.rationale}${fixes ? `\n\n**Fix**\n\n${fixes}` : ''}\n\n[Rule documentation](${(0, meta_1.docsUrl)(rule)})`,
        },
        defaultConfiguration: { level: LEVEL[rule.severity] },
        properties: { tags: ['http-cache', 'reliability'] },
    };
}
function unknownRuleDescriptor(f) {
    return {
        id: f.ruleId,
        name: f.ruleName,
        shortDescription: { text: f.ruleName },
        fullDescription: { text: f.ruleName },
        helpUri: f.docsUrl,
        defaultConfiguration: { level: LEVEL[f.severity] },
    };
}
/**
 * SARIF `fixes` (GitHub code scanning and editors can offer them): one replacement per file, the changed lines of
 * the original text and what replaces them. Computed only when a finding has a fix (the edit libraries load then).
 */
function sarifFixes(f, sources, location) {
    const fix = f.remediation.fix;
    if (!fix || f.suppressed || !sources)
        return {};
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { commonEnds, editedText } = require('../fix');
    const changes = [];
    for (const file of new Set(fix.edits.map((e) => e.file))) {
        const before = sources.get(file);
        if (before === undefined)
            return {};
        const after = editedText(file, before, fix.edits.filter((e) => e.file === file));
        if (after === undefined)
            return {};
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
