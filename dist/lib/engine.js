"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.scan = scan;
exports.evaluate = evaluate;
exports.sortFindings = sortFindings;
exports.worstSeverity = worstSeverity;
const config_1 = require("./config");
const findings_1 = require("./findings");
const discover_1 = require("./discover");
const errors_1 = require("./parse/errors");
const source_1 = require("./parse/source");
const suppressions_1 = require("./parse/suppressions");
const yaml_1 = require("./parse/yaml");
const sources_1 = require("./sources");
const rules_1 = require("../rules");
const fold_1 = require("./fold");
function scan(paths, options = {}) {
    const config = options.config ?? (0, config_1.defaultConfig)();
    const cwd = options.cwd ?? process.cwd();
    const discovered = (0, discover_1.discover)(paths.length ? paths : ['.'], { cwd, ignore: (0, config_1.compilePatterns)(config.ignore), ignoreGlobs: config.ignore });
    const files = [];
    const errors = [...discovered.errors];
    const sources = new Map();
    const inputs = examineAll(discovered.files, options, config, { files, errors, sources });
    const models = toModels(inputs, { files, errors });
    const findings = evaluate(models, { config, rules: options.rules, comments: suppressionComments(inputs) });
    files.push(...discovered.skipped);
    if (options.ignoreUnknown) {
        // Every file skipped is fine here: the skipped list is in --format json and --verbose.
    }
    else if (files.length === 0 && errors.length === 0)
        errors.push({ file: paths.join(' ') || '.', code: 'no-input', message: 'no files to scan' });
    else if (!files.some((f) => f.status !== 'skipped') && errors.length === 0)
        errors.push({
            file: paths.join(' ') || '.',
            code: 'no-input',
            message: 'no Kong, Kong Ingress or CloudFormation file found (every file was skipped; run with --verbose to list them)',
        });
    files.sort((a, b) => cmp(a.file, b.file));
    return { files, findings, errors, models, sources };
}
/** Reads, parses and recognises each discovered file: the ones an adapter takes, the rest recorded as skips or errors. */
function examineAll(discovered, options, config, { files, errors, sources }) {
    const inputs = [];
    for (const candidate of discovered) {
        const { file } = candidate;
        const named = candidate.named && !options.ignoreUnknown;
        const examined = examine(candidate.absolute, file, named, config.maxFileBytes);
        if (examined.kind === 'scan') {
            sources.set(file, examined.text);
            inputs.push({ file, text: examined.text, parsed: examined.parsed, adapter: examined.adapter, named });
            continue;
        }
        const outcome = ON_STOP[examined.kind];
        if ((named ? outcome.named : outcome.walked) === 'skip')
            files.push({ file, status: 'skipped', reason: examined.reason });
        else {
            if (outcome.frame)
                sources.set(file, examined.text); // for the code frame under the error
            pushProblem(errors, files, file, examined.error ?? new errors_1.InputProblem('unknown-format', examined.kind === 'unrecognised' ? NOT_KNOWN : examined.reason, 1, 1));
        }
    }
    return inputs;
}
/** Each input through its adapter, recording how each file went. */
function toModels(inputs, { files, errors }) {
    const models = [];
    // Formats whose files refer to each other get all their files of this scan at once (still parsed once each).
    const together = new Map();
    for (const input of inputs) {
        if (input.adapter.toModelsTogether) {
            const group = together.get(input.adapter);
            if (group)
                group.push(input);
            else
                together.set(input.adapter, [input]);
            continue;
        }
        try {
            const out = input.adapter.toModels({ file: input.file, parsed: input.parsed });
            models.push(...out.models);
            errors.push(...out.errors);
            files.push({ file: input.file, status: out.errors.some((e) => e.file === input.file) ? 'error' : 'scanned', format: input.adapter.format });
        }
        catch (e) {
            pushProblem(errors, files, input.file, e, input.adapter.format);
        }
    }
    for (const [adapter, group] of together) {
        try {
            const out = adapter.toModelsTogether(group.map((i) => ({ file: i.file, parsed: i.parsed })));
            models.push(...out.models);
            errors.push(...out.errors);
            const failed = new Set(out.errors.map((e) => e.file));
            const unjudged = new Map((out.unjudged ?? []).map((u) => [u.file, u]));
            for (const i of group) {
                const format = out.formats?.[i.file] ?? adapter.format;
                const u = unjudged.get(i.file);
                // A file that cannot be judged alone never passes silently: an error when named, a listed skip in a walk.
                if (u && i.named)
                    errors.push(u);
                if (u && !i.named && !failed.has(i.file))
                    files.push({ file: i.file, status: 'skipped', format, reason: u.message });
                else
                    files.push({ file: i.file, status: failed.has(i.file) || (u && i.named) ? 'error' : 'scanned', format, ...(u ? { reason: u.message } : {}) });
            }
        }
        catch (e) {
            for (const i of group)
                pushProblem(errors, files, i.file, e, adapter.format);
        }
    }
    return models;
}
/** Each file's suppression comments, with the YAML nodes they cover. */
function suppressionComments(inputs) {
    const comments = new Map();
    for (const input of inputs) {
        const found = (0, suppressions_1.findSuppressions)(input.text);
        if (!found.length)
            continue;
        (0, suppressions_1.coverNodes)(input.parsed, found);
        comments.set(input.file, found);
    }
    return comments;
}
const NOT_OURS = 'not a Kong, Kong Ingress or CloudFormation file';
const NOT_KNOWN = 'not a format cachelint knows (Kong declarative config, Kong Ingress manifests, CloudFormation/SAM template, cdk.out)';
/**
 * The skip-or-error decision: a file the user named never passes silently, a file a walk found is skipped unless it
 * is ours and broken. `frame`: show the offending text under the error.
 */
const ON_STOP = {
    unreadable: { named: 'error', walked: 'error' },
    invalid: { named: 'error', walked: 'error', frame: true },
    unrecognised: { named: 'error', walked: 'skip' },
    'screened-out': { named: 'error', walked: 'skip' },
};
/** Reads, screens, parses and detects one file, up to the first stage that says it goes no further. */
function examine(absolute, file, named, maxBytes) {
    let text;
    try {
        text = (0, source_1.readSource)(absolute, maxBytes);
    }
    catch (e) {
        return { kind: 'unreadable', error: e, reason: String(e?.message ?? e) };
    }
    const unrecognised = { kind: 'unrecognised', reason: NOT_OURS, text };
    // The cheap look at the text is for walks, which meet many files that are none of ours; a named file is parsed.
    if (!named && !(0, sources_1.looksLikeOurs)(text))
        return unrecognised;
    // Formats that must not be parsed as they are (an unrendered Helm template) say so before the parser guesses.
    const screened = (0, sources_1.screenText)(text, file);
    if (screened && 'problem' in screened)
        return { kind: 'invalid', error: screened.problem, reason: screened.problem.message, text };
    if (screened)
        return { kind: 'screened-out', reason: screened.skip, text };
    let parsed;
    try {
        parsed = (0, yaml_1.parseYaml)(text, { tags: (0, sources_1.tagModeFor)(text) });
    }
    catch (e) {
        return { kind: 'invalid', error: e, reason: String(e?.message ?? e), text };
    }
    const adapter = sources_1.ADAPTERS.find((a) => parsed.documents.some((d) => a.detect(d, file)));
    return adapter ? { kind: 'scan', text, parsed, adapter } : unrecognised;
}
function pushProblem(errors, files, file, e, format) {
    if (e instanceof errors_1.InputProblem) {
        errors.push({ file, line: e.line, column: e.column, code: e.code, message: e.message });
        files.push({ file, status: 'error', format, reason: e.message });
        return;
    }
    // An adapter bug must not turn into a silent pass: report it as an input error with the stack's first line.
    const message = `internal error while reading this file: ${e?.message ?? String(e)} (please report it)`;
    errors.push({ file, code: 'internal', message });
    files.push({ file, status: 'error', format, reason: message });
}
/** Runs the rules over models and applies severities and suppressions. Shared by the CLI and the CDK integrations. */
function evaluate(models, options = {}) {
    const config = options.config ?? (0, config_1.defaultConfig)();
    const rules = (options.rules ?? rules_1.STATIC_RULES).filter((r) => config.rules[r.id] !== 'off');
    const enabledIds = new Set(rules.map((r) => r.id));
    const context = { enabled: (id) => enabledIds.has(id) };
    // One alternation instead of a test per pattern: every endpoint path is matched against all of them.
    const webhookPatterns = (0, config_1.compilePatterns)(config.webhookPaths);
    const webhook = webhookPatterns.length ? new RegExp(webhookPatterns.map((r) => `(?:${r.source})`).join('|')) : undefined;
    const endpointRules = rules.filter((r) => r.check !== undefined);
    const factRules = rules.filter((r) => r.checkFact !== undefined);
    const perRoute = [];
    for (const model of models) {
        for (const declared of model.endpoints) {
            // The configured webhook paths mark the endpoints they match, on a copy: the model stays as the adapter made it.
            const endpoint = declared.webhook === undefined && webhook && (declared.matchPaths ?? declared.paths).some((p) => webhook.test(p))
                ? { ...declared, webhook: true }
                : declared;
            for (const rule of endpointRules) {
                for (const hit of rule.check(endpoint, context))
                    perRoute.push({ rule, hit, severity: (0, fold_1.severityOf)(rule, hit, config), subject: endpoint, model });
            }
        }
        for (const fact of model.facts) {
            for (const rule of factRules) {
                for (const hit of rule.checkFact(fact, context))
                    perRoute.push({ rule, hit, severity: (0, fold_1.severityOf)(rule, hit, config), subject: fact, model });
            }
        }
    }
    // Suppressions before folding: each route's hit still knows where its route is declared. Nothing to apply or
    // check without a directive comment or a Metadata ignore: the pass (a finding per hit) is skipped, and only the
    // hit that speaks for each setting becomes a finding.
    const ignores = models.flatMap((m) => (m.resourceSuppressions?.length ? [m.resourceSuppressions] : []));
    const directives = !options.comments?.size && ignores.length === 0
        ? []
        : suppressionPass(perRoute, {
            comments: options.comments,
            ignores,
            known: new Set([...config_1.KNOWN_RULE_IDS, ...(options.rules ?? rules_1.STATIC_RULES).map((r) => r.id)]),
            enabled: enabledIds,
            severity: (id) => config.rules[id],
        });
    return sortFindings([...(0, fold_1.foldBySetting)(perRoute), ...directives]);
}
// Most scans have no directive: the pass (and its module) loads when one does.
function suppressionPass(perRoute, options) {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { applySuppressions } = require('./suppress');
    // Each hit gets its finding here (the pass marks it suppressed); folding then keeps the marked findings apart.
    for (const r of perRoute)
        r.finding = (0, fold_1.toFinding)(r);
    return applySuppressions(perRoute.map(suppressible), options);
}
/** What the suppression pass needs besides the finding: where its route is, and which resources own it. */
function suppressible({ finding, hit, subject, model }) {
    const owners = [hit.at.logicalId, subject.at.logicalId, subject.resource].filter((o) => !!o);
    return { finding: finding, subject: subject.at, owners, ignores: model.resourceSuppressions };
}
function sortFindings(findings) {
    return findings.sort((a, b) => cmp(a.file, b.file) || a.line - b.line || a.column - b.column || cmp(a.ruleId, b.ruleId) || cmp(a.findingId, b.findingId));
}
function cmp(a, b) {
    return a < b ? -1 : a > b ? 1 : 0;
}
/** Highest severity among unsuppressed findings, for exit codes. */
function worstSeverity(findings) {
    let worst;
    for (const f of findings)
        if (!f.suppressed && (!worst || findings_1.SEVERITY_RANK[f.severity] > findings_1.SEVERITY_RANK[worst]))
            worst = f.severity;
    return worst;
}
