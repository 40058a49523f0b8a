"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.CacheLintAspect = void 0;
const aws_cdk_lib_1 = require("aws-cdk-lib");
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
function annotate(cf, acks) {
    const { finding } = cf;
    const annotations = aws_cdk_lib_1.Annotations.of(cf.construct);
    const text = `[${finding.ruleId}] ${finding.message} Fix: ${cf.fix}`;
    if (finding.suppressed) {
        annotations.addInfo(`[${finding.ruleId}] suppressed (${finding.suppressed.source ?? 'cachelint'}: ${finding.suppressed.reason}): ${finding.message}`);
        return;
    }
    const covered = (0, acknowledgements_1.coverageFor)(acks, finding.ruleId, finding.findingId, cf.constructPath);
    if (covered) {
        annotations.addInfo(`[${finding.ruleId}] acknowledged with '${covered.ack.id}' on '${covered.ack.at || '<app>'}' (${covered.ack.reason}): ${finding.message}`);
        return;
    }
    if (finding.severity === 'error')
        annotations.addError(text);
    // Plain addWarning, not addWarningV2: the CLI cuts a `[ack: CacheLint::CL002[default]]` suffix at the first ']'.
    // Acknowledge through Validations.of(construct).acknowledge(...), which this aspect honours (above).
    else if (finding.severity === 'warning')
        annotations.addWarning(text);
    else
        annotations.addInfo(text);
}
//# sourceMappingURL=aspect.js.map