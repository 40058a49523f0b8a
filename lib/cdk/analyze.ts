// One Stack → findings on constructs: resolve the stack to a template in memory, read it with the CloudFormation
// adapter (flavor 'cdk'), run the rules, and map every finding back to the construct that emitted the setting, with
// a fix phrased for the construct the user actually wrote (RestApi, Stage, Distribution, or a raw L1).
import type { IConstruct } from 'constructs';
import type { Config } from '../config';
import { defaultConfig, findConfig, loadConfig } from '../config';
import { evaluate } from '../engine';
import type { Finding, Severity } from '../findings';
import type { Endpoint, Flavor } from '../model';
import { modelFromTemplate } from '../sources/cloudformation';
import { elementAt, isCfnResource, locate, stackTemplate, stackTemplateFromFile, type StackLike, type StackTemplate } from './stack-template';

/** Options shared by CacheLintAspect and CacheLintChecks (plain fields, jsii-friendly). */
export interface CacheLintProps {
  /**
   * A cachelint.config.yaml (rule severities, webhook path patterns).
   * @default - the nearest cachelint.config.yaml from the current directory upwards, else the defaults
   */
  readonly configFile?: string;
  /**
   * Rule id → 'error' | 'warning' | 'info' | 'off', applied over the config file.
   * @default - severities from the config file or the rules' defaults
   */
  readonly rules?: { [ruleId: string]: string };
}

export interface ConstructFinding {
  finding: Finding;
  /** The construct that holds the setting: the CfnResource, else the stack. */
  construct: IConstruct;
  constructPath: string;
  logicalId?: string;
  /** Template file name in cdk.out (`Demo.template.json`). */
  templateFile: string;
  /** Property path inside the resource (`Properties/MethodSettings/1`), for validation reports. */
  locations: string[];
  /** The fix in terms of the construct the user wrote, one paragraph. */
  fix: string;
  /** The fix followed by its snippet, when the rule has one. */
  fixWithSnippet: string;
}

export function configFrom(props: CacheLintProps | undefined): Config {
  const file = props?.configFile ?? findConfig(process.cwd());
  const config = file ? loadConfig(file) : defaultConfig();
  for (const [id, setting] of Object.entries(props?.rules ?? {})) {
    if (!['error', 'warning', 'info', 'off'].includes(setting))
      throw new Error(`cachelint: rules.${id} must be 'error', 'warning', 'info' or 'off' (got '${setting}')`);
    config.rules[id] = setting as Severity | 'off';
  }
  return config;
}

/**
 * @param templatePath the template CDK wrote for this stack, when it exists (policy validation runs after synthesis):
 *                     read instead of resolving the stack again; aspects run before synthesis and resolve it
 */
export function analyzeStack(stack: StackLike, config: Config, templatePath?: string): ConstructFinding[] {
  const t = (templatePath && templateFromFile(stack, templatePath)) || stackTemplate(stack);
  const model = modelFromTemplate(t.template, { locate: (path) => locate(t, path) }, { file: t.file, flavor: 'cdk' });
  for (const endpoint of model.endpoints) endpoint.flavor = flavorFor(t, endpoint);
  for (const fact of model.facts) if (fact.at.logicalId && isRawL1(t.elements.get(`Resources/${fact.at.logicalId}`))) fact.flavor = 'cloudformation';
  return evaluate([model], { config }).map((finding) => onConstruct(t, finding));
}

function templateFromFile(stack: StackLike, templatePath: string): StackTemplate | undefined {
  try {
    return stackTemplateFromFile(stack, templatePath);
  } catch {
    return undefined; // unreadable or not JSON: resolve the stack in memory, as the aspect does
  }
}

/** Every Stack under `root` (nested stacks and stages included), each once. */
export function stacksUnder(root: IConstruct, isStack: (x: unknown) => x is StackLike): StackLike[] {
  return root.node.findAll().filter(isStack);
}

function onConstruct(t: StackTemplate, finding: Finding): ConstructFinding {
  const logicalId = finding.logicalId;
  const construct = (logicalId && elementAt(t, ['Resources', logicalId])) || t.stack;
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
const fqnOf = (c: IConstruct | undefined): string | undefined =>
  (c as unknown as { constructor?: Record<symbol, { fqn?: string } | undefined> } | undefined)?.constructor?.[JSII_RTTI]?.fqn;

const REST_APIS = new Set(['RestApi', 'SpecRestApi', 'LambdaRestApi', 'StepFunctionsRestApi'].map((n) => `aws-cdk-lib.aws_apigateway.${n}`));

interface Owner {
  kind: 'RestApi' | 'Stage' | 'Distribution' | 'L2' | 'L1';
  /** `RestApi Demo/Api`, `CfnResource Demo/Stage (AWS::ApiGateway::Stage)`. */
  label: string;
}

function ownerOf(construct: IConstruct): Owner {
  if (!isCfnResource(construct)) return { kind: 'L2', label: `Stack ${construct.node.path}` };
  const parent = construct.node.scope;
  const type = (construct as unknown as { cfnResourceType: string }).cfnResourceType;
  if (isRawL1(construct) || !parent) return { kind: 'L1', label: `CfnResource ${construct.node.path} (${type})` };
  const fqn = fqnOf(parent);
  if (fqn === 'aws-cdk-lib.aws_apigateway.Stage') {
    const api = parent.node.scope;
    if (api && REST_APIS.has(fqnOf(api) ?? '') && parent.node.id.startsWith('DeploymentStage.')) return { kind: 'RestApi', label: `RestApi ${api.node.path}` };
    return { kind: 'Stage', label: `Stage ${parent.node.path}` };
  }
  if (fqn === 'aws-cdk-lib.aws_cloudfront.Distribution') return { kind: 'Distribution', label: `Distribution ${parent.node.path}` };
  return { kind: 'L2', label: `${fqn?.split('.').pop() ?? 'construct'} ${parent.node.path}` };
}

/** A CfnResource the user created directly (L2 constructs name their resource 'Resource' and carry jsii type info). */
function isRawL1(construct: IConstruct | undefined): boolean {
  if (!construct || !isCfnResource(construct)) return false;
  const parent = construct.node.scope;
  return construct.node.id !== 'Resource' || !parent || !fqnOf(parent) || isStackLike(parent);
}

const isStackLike = (c: IConstruct) => Symbol.for('@aws-cdk/core.Stack') in c;

/** Raw L1s get CloudFormation property names in their fix; everything made by an L2 gets the L2's props. */
function flavorFor(t: StackTemplate, endpoint: Endpoint): Flavor {
  const ids = [...endpoint.caches.map((c) => c.at.logicalId), endpoint.at.logicalId].filter((x): x is string => !!x);
  const layerIds = endpoint.caches.map((c) => c.at.logicalId).filter((x): x is string => !!x);
  const decisive = layerIds.length ? layerIds : ids;
  return decisive.some((id) => isRawL1(t.elements.get(`Resources/${id}`))) ? 'cloudformation' : 'cdk';
}

function fixFor(finding: Finding, construct: IConstruct): string {
  const owner = ownerOf(construct);
  let summary = finding.remediation.summary;
  if (owner.kind === 'Stage') {
    // A Stage made with `new apigateway.Stage(...)` takes methodOptions directly.
    summary = summary.replace(/deployOptions\.methodOptions/g, 'methodOptions').replace(/ on the RestApi\b/g, ' on the Stage');
  }
  return `${owner.label}: ${summary}`;
}
