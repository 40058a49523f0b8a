"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.SUPPRESSED_METADATA_TYPE = exports.CacheLintAspect = void 0;
const aws_cdk_lib_1 = require("aws-cdk-lib");
const summary_1 = require("../report/summary");
const acknowledgements_1 = require("./acknowledgements");
const analyze_1 = require("./analyze");
const stack_template_1 = require("./stack-template");
class CacheLintAspect {
    props;
    config;
    done = new WeakSet();
    constructor(props = {}) {
        this.props = props;
    }
    visit(node) {
        if (!(0, stack_template_1.isStack)(node) || this.done.has(node))
            return;
        this.done.add(node);
        this.config ??= (0, analyze_1.configFrom)(this.props);
        const findings = (0, analyze_1.analyzeStack)(node, this.config);
        if (findings.length === 0)
            return;
        const acks = (0, acknowledgements_1.collectAcknowledgements)(node.node.root);
        for (const cf of findings)
            annotate(cf, acks);
    }
}
exports.CacheLintAspect = CacheLintAspect;
/** Metadata type of the audit trail an acknowledged or suppressed finding leaves (cdk.out/<Stack>.metadata.json). */
exports.SUPPRESSED_METADATA_TYPE = 'cachelint:suppressed';
// Annotations.of(x).acknowledgeWarning(id) records the id in this per-app registry (aws-cdk-lib core, a global
// symbol); its `has(node, id)` looks at the node and its ancestors. Older releases have no registry.
const ANNOTATION_ACKS = Symbol.for('@aws-cdk/core.Acknowledgements');
function acknowledgedWarning(construct, ids) {
    const registry = construct.node.root[ANNOTATION_ACKS];
    if (typeof registry?.has !== 'function')
        return undefined;
    return ids.find((id) => registry.has(construct, id));
}
function annotate(cf, acks) {
    const { finding } = cf;
    const id = `${acknowledgements_1.PLUGIN_NAME}::${(0, acknowledgements_1.violationRuleName)(finding.ruleId, finding.findingId)}`;
    const ruleWide = `${acknowledgements_1.PLUGIN_NAME}::${finding.ruleId}`;
    // Acknowledged or suppressed: no annotation (the CDK CLI prints every annotation, infos too), an audit entry.
    const audit = (by, reason) => cf.construct.node.addMetadata(exports.SUPPRESSED_METADATA_TYPE, { id, by, reason, message: `[${finding.ruleId}] ${finding.message}` });
    if (finding.suppressed)
        return audit(`template Metadata (${finding.suppressed.source ?? 'cachelint'})`, finding.suppressed.reason);
    const covered = (0, acknowledgements_1.coverageFor)(acks, finding.ruleId, finding.findingId, cf.constructPath);
    if (covered)
        return audit(`Validations.of(${covered.ack.at || '<app>'}).acknowledge('${covered.ack.id}')`, covered.ack.reason);
    if (finding.severity !== 'error') {
        const acked = acknowledgedWarning(cf.construct, [id, ruleWide]);
        if (acked)
            return audit(`Annotations.acknowledgeWarning('${acked}')`, '');
    }
    const annotations = aws_cdk_lib_1.Annotations.of(cf.construct);
    const text = annotationText(cf, id, ruleWide);
    if (finding.severity === 'error')
        annotations.addError(text);
    else if (finding.severity === 'warning')
        annotations.addWarning(text);
    else
        annotations.addInfo(text);
}
/**
 * `[CL001] <what and why> Fix: <fix>`, then the snippet, `Docs: <url>`, how to acknowledge, and
 * `(CacheLint::CL001[<findingId>])`, each on its own line.
 * The id goes last, in parentheses: that is where the CDK CLI (and core's annotation report) read an annotation's rule
 * id from, so `cdk synth` prints "Acknowledge with 'CacheLint::CL001[/webhooks/POST]'". Not addWarningV2: its
 * `[ack: <id>]` tag is read up to the first ']', which prints `CacheLint::CL001[/webhooks/POST` (an id that
 * acknowledges nothing) and leaves a stray ']' in the message.
 */
function annotationText(cf, id, ruleWide) {
    const { finding } = cf;
    const call = `Validations.of(construct).acknowledge({ id: '${id}', reason: '…' })`;
    const how = finding.severity === 'error'
        ? `CDK cannot acknowledge an error annotation; to accept this finding, call ${call} on this construct or an ` +
            `ancestor before synth (CacheLintAspect reads it), or change the rule's severity: new CacheLintAspect({ rules: { ${finding.ruleId}: 'warning' } }).`
        : `To acknowledge: ${call} on this construct or an ancestor (or '${ruleWide}' for every ${finding.ruleId} finding under it).`;
    return `[${finding.ruleId}] ${finding.message}${(0, summary_1.affectsSentence)(finding)} Fix: ${cf.fixWithSnippet}\nDocs: ${finding.docsUrl}\n${how}\n(${id})`;
}
