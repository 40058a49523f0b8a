"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.CacheLintChecks = exports.MIN_AWS_CDK_LIB_FOR_CHECKS = void 0;
const rules_1 = require("../../rules");
const meta_1 = require("../meta");
const summary_1 = require("../report/summary");
const acknowledgements_1 = require("./acknowledgements");
const analyze_1 = require("./analyze");
const stack_template_1 = require("./stack-template");
/** First aws-cdk-lib release whose validation context carries the construct tree (`appConstruct`). */
exports.MIN_AWS_CDK_LIB_FOR_CHECKS = '2.258.0';
class CacheLintChecks {
    name = acknowledgements_1.PLUGIN_NAME;
    version = meta_1.VERSION;
    ruleIds = rules_1.STATIC_RULES.map((r) => r.id);
    props;
    /**
     * @param scope the App (or any construct in it): its aws-cdk-lib version is checked here, so an old release fails
     *              with a clear message instead of a plugin failure at synth time
     */
    constructor(scope, props = {}) {
        this.props = props;
        const version = awsCdkLibVersion(scope);
        if (version && compareVersions(version, exports.MIN_AWS_CDK_LIB_FOR_CHECKS) < 0)
            throw new Error(tooOld(version));
    }
    validate(context) {
        const root = context.appConstruct;
        if (!root)
            throw new Error(tooOld(awsCdkLibVersion(undefined) ?? 'an older release'));
        const config = (0, analyze_1.configFrom)(this.props);
        const templates = new Map((context.stackTemplates ?? []).map((s) => [s.stackConstructPath, s.templatePath]));
        const acks = (0, acknowledgements_1.collectAcknowledgements)(root);
        const violations = [];
        const suppressed = [];
        for (const stack of (0, analyze_1.stacksUnder)(root, stack_template_1.isStack).filter((s) => inScope(s, templates))) {
            const templatePath = templates.get(stack.node.path);
            for (const cf of (0, analyze_1.analyzeStack)(stack, config, templatePath)) {
                const f = cf.finding;
                if (f.suppressed) {
                    suppressed.push(`${f.ruleId}[${f.findingId}] on ${cf.constructPath}: ${f.suppressed.reason} (${f.suppressed.source ?? 'cachelint'})`);
                    continue;
                }
                const covered = (0, acknowledgements_1.coverageFor)(acks, f.ruleId, f.findingId, cf.constructPath);
                const ruleWide = covered?.scope === 'rule';
                violations.push({
                    ruleName: ruleWide ? f.ruleId : (0, acknowledgements_1.violationRuleName)(f.ruleId, f.findingId),
                    description: `[${f.ruleId}] ${f.message}${(0, summary_1.affectsSentence)(f)}${ruleWide ? ` [finding ${f.findingId}]` : ''}`,
                    fix: cf.fixWithSnippet,
                    severity: f.severity,
                    ruleMetadata: {
                        rule: `${f.ruleId} ${f.ruleName}`,
                        findingId: f.findingId,
                        route: f.route,
                        docs: f.docsUrl,
                        acknowledgeWith: `${acknowledgements_1.PLUGIN_NAME}::${(0, acknowledgements_1.violationRuleName)(f.ruleId, f.findingId)} (this finding) or ${acknowledgements_1.PLUGIN_NAME}::${f.ruleId} (every ${f.ruleId} finding under the construct)`,
                    },
                    violatingResources: [
                        {
                            constructPath: cf.constructPath,
                            ...(cf.logicalId && templatePath ? { resourceLogicalId: cf.logicalId, templatePath } : {}),
                            locations: cf.locations,
                        },
                    ],
                });
            }
        }
        return {
            success: !violations.some((v) => v.severity === 'error'),
            violations,
            pluginVersion: meta_1.VERSION,
            metadata: suppressed.length ? { suppressedInTemplate: suppressed.join('\n') } : undefined,
        };
    }
}
exports.CacheLintChecks = CacheLintChecks;
/** A plugin registered on a nested Stage sees only that stage's stacks; nested stacks ride with their parent. */
function inScope(stack, templates) {
    if (templates.size === 0)
        return true;
    for (const p of templates.keys())
        if (stack.node.path === p || stack.node.path.startsWith(`${p}/`))
            return true;
    return false;
}
function awsCdkLibVersion(scope) {
    const rtti = Symbol.for('jsii.rtti');
    const fromApp = scope?.node.root.constructor?.[rtti]?.version;
    if (fromApp)
        return fromApp;
    try {
        // eslint-disable-next-line @typescript-eslint/no-require-imports
        return require('aws-cdk-lib/package.json').version;
    }
    catch {
        return undefined;
    }
}
function compareVersions(a, b) {
    const pa = a.split(/[.-]/).map((x) => parseInt(x, 10) || 0);
    const pb = b.split(/[.-]/).map((x) => parseInt(x, 10) || 0);
    for (let i = 0; i < 3; i++)
        if (pa[i] !== pb[i])
            return pa[i] - pb[i];
    return 0;
}
function tooOld(version) {
    return (`cachelint: CacheLintChecks needs aws-cdk-lib >= ${exports.MIN_AWS_CDK_LIB_FOR_CHECKS} (policy validation with the construct tree); ` +
        `this app uses ${version}. Upgrade aws-cdk-lib, or use Aspects.of(app).add(new CacheLintAspect()), which works on every 2.x release.`);
}
