"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.configFrom = configFrom;
exports.analyzeStack = analyzeStack;
exports.stacksUnder = stacksUnder;
const config_1 = require("../config");
const engine_1 = require("../engine");
const cloudformation_1 = require("../sources/cloudformation");
const stack_template_1 = require("./stack-template");
function configFrom(props) {
    const file = props?.configFile ?? (0, config_1.findConfig)(process.cwd());
    const config = file ? (0, config_1.loadConfig)(file) : (0, config_1.defaultConfig)();
    for (const [id, setting] of Object.entries(props?.rules ?? {})) {
        if (!['error', 'warning', 'info', 'off'].includes(setting))
            throw new Error(`cachelint: rules.${id} must be 'error', 'warning', 'info' or 'off' (got '${setting}')`);
        config.rules[id] = setting;
    }
    return config;
}
/**
 * @param templatePath the template CDK wrote for this stack, when it exists (policy validation runs after synthesis):
 *                     read instead of resolving the stack again; aspects run before synthesis and resolve it
 */
function analyzeStack(stack, config, templatePath) {
    const t = (templatePath && templateFromFile(stack, templatePath)) || (0, stack_template_1.stackTemplate)(stack);
    const model = (0, cloudformation_1.modelFromTemplate)(t.template, { locate: (path) => (0, stack_template_1.locate)(t, path) }, { file: t.file, flavor: 'cdk' });
    for (const endpoint of model.endpoints)
        endpoint.flavor = flavorFor(t, endpoint);
    for (const fact of model.facts)
        if (fact.at.logicalId && isRawL1(t.elements.get(`Resources/${fact.at.logicalId}`)))
            fact.flavor = 'cloudformation';
    return (0, engine_1.evaluate)([model], { config }).map((finding) => onConstruct(t, finding));
}
function templateFromFile(stack, templatePath) {
    try {
        return (0, stack_template_1.stackTemplateFromFile)(stack, templatePath);
    }
    catch {
        return undefined; // unreadable or not JSON: resolve the stack in memory, as the aspect does
    }
}
/** Every Stack under `root` (nested stacks and stages included), each once. */
function stacksUnder(root, isStack) {
    return root.node.findAll().filter(isStack);
}
function onConstruct(t, finding) {
    const logicalId = finding.logicalId;
    const construct = (logicalId && (0, stack_template_1.elementAt)(t, ['Resources', logicalId])) || t.stack;
    const path = t.layout.pathAt(finding.line);
    const locations = path && logicalId && path[0] === 'Resources' && path[1] === logicalId && path.length > 2 ? [path.slice(2).join('/')] : [];
    const fix = fixFor(finding, construct);
    // A Stage's props are the RestApi's deployOptions without the wrapper: the deployOptions snippet would mislead.
    const snippet = ownerOf(construct).kind === 'Stage' ? undefined : finding.remediation.snippet;
    return {
        finding,
        construct,
        constructPath: construct.node.path,
        logicalId,
        templateFile: t.file,
        locations,
        fix,
        fixWithSnippet: snippet ? `${fix}\n${snippet}` : fix,
    };
}
// --- who the user wrote: L2 owner of a CfnResource -------------------------------------------------------------
const JSII_RTTI = Symbol.for('jsii.rtti');
const fqnOf = (c) => c?.constructor?.[JSII_RTTI]?.fqn;
const REST_APIS = new Set(['RestApi', 'SpecRestApi', 'LambdaRestApi', 'StepFunctionsRestApi'].map((n) => `aws-cdk-lib.aws_apigateway.${n}`));
function ownerOf(construct) {
    if (!(0, stack_template_1.isCfnResource)(construct))
        return { kind: 'L2', label: `Stack ${construct.node.path}` };
    const parent = construct.node.scope;
    const type = construct.cfnResourceType;
    if (isRawL1(construct) || !parent)
        return { kind: 'L1', label: `CfnResource ${construct.node.path} (${type})` };
    const fqn = fqnOf(parent);
    if (fqn === 'aws-cdk-lib.aws_apigateway.Stage') {
        const api = parent.node.scope;
        if (api && REST_APIS.has(fqnOf(api) ?? '') && parent.node.id.startsWith('DeploymentStage.'))
            return { kind: 'RestApi', label: `RestApi ${api.node.path}` };
        return { kind: 'Stage', label: `Stage ${parent.node.path}` };
    }
    if (fqn === 'aws-cdk-lib.aws_cloudfront.Distribution')
        return { kind: 'Distribution', label: `Distribution ${parent.node.path}` };
    return { kind: 'L2', label: `${fqn?.split('.').pop() ?? 'construct'} ${parent.node.path}` };
}
/** A CfnResource the user created directly (L2 constructs name their resource 'Resource' and carry jsii type info). */
function isRawL1(construct) {
    if (!construct || !(0, stack_template_1.isCfnResource)(construct))
        return false;
    const parent = construct.node.scope;
    return construct.node.id !== 'Resource' || !parent || !fqnOf(parent) || isStackLike(parent);
}
const isStackLike = (c) => Symbol.for('@aws-cdk/core.Stack') in c;
/** Raw L1s get CloudFormation property names in their fix; everything made by an L2 gets the L2's props. */
function flavorFor(t, endpoint) {
    const ids = [...endpoint.caches.map((c) => c.at.logicalId), endpoint.at.logicalId].filter((x) => !!x);
    const layerIds = endpoint.caches.map((c) => c.at.logicalId).filter((x) => !!x);
    const decisive = layerIds.length ? layerIds : ids;
    return decisive.some((id) => isRawL1(t.elements.get(`Resources/${id}`))) ? 'cloudformation' : 'cdk';
}
function fixFor(finding, construct) {
    const owner = ownerOf(construct);
    let summary = finding.remediation.summary;
    if (owner.kind === 'Stage') {
        // A Stage made with `new apigateway.Stage(...)` takes methodOptions directly.
        summary = summary.replace(/deployOptions\.methodOptions/g, 'methodOptions').replace(/ on the RestApi\b/g, ' on the Stage');
    }
    return `${owner.label}: ${summary}`;
}
