// CacheLintAspect: `Aspects.of(app).add(new CacheLintAspect())`. Works on every aws-cdk-lib 2.x (no validation API
// needed): per Stack, once, it resolves the stack in memory, runs the rules and puts each finding on the CfnResource
// that holds the setting as an error / warning / info annotation. `cdk synth` fails on errors. Each annotation
// ends with the id that acknowledges it, `(CacheLint::CL001[<findingId>])`, the same id CacheLintChecks uses.
import type { IConstruct } from 'constructs';
import { Annotations } from 'aws-cdk-lib';
import type { IAspect } from 'aws-cdk-lib';
import type { Config } from '../config';
import { affectsSentence as affects } from '../report/summary';
import { collectAcknowledgements, coverageFor, PLUGIN_NAME, violationRuleName, type AcknowledgementIndex } from './acknowledgements';
import { analyzeStack, configFrom, type CacheLintProps, type ConstructFinding } from './analyze';
import { isStack } from './stack-template';

export type CacheLintAspectProps = CacheLintProps;

export class CacheLintAspect implements IAspect {
  private readonly props: CacheLintAspectProps;
  private config?: Config;
  private readonly done = new WeakSet<object>();

  constructor(props: CacheLintAspectProps = {}) {
    this.props = props;
  }

  public visit(node: IConstruct): void {
    if (!isStack(node) || this.done.has(node)) return;
    this.done.add(node);
    this.config ??= configFrom(this.props);
    const findings = analyzeStack(node, this.config);
    if (findings.length === 0) return;
    const acks = collectAcknowledgements(node.node.root);
    for (const cf of findings) annotate(cf, acks);
  }
}

/** Metadata type of the audit trail an acknowledged or suppressed finding leaves (cdk.out/<Stack>.metadata.json). */
export const SUPPRESSED_METADATA_TYPE = 'cachelint:suppressed';

// Annotations.of(x).acknowledgeWarning(id) records the id in this per-app registry (aws-cdk-lib core, a global
// symbol); its `has(node, id)` looks at the node and its ancestors. Older releases have no registry.
const ANNOTATION_ACKS = Symbol.for('@aws-cdk/core.Acknowledgements');

function acknowledgedWarning(construct: IConstruct, ids: string[]): string | undefined {
  const registry = (construct.node.root as unknown as Record<symbol, { has?: (node: IConstruct, id: string) => boolean } | undefined>)[ANNOTATION_ACKS];
  if (typeof registry?.has !== 'function') return undefined;
  return ids.find((id) => registry.has!(construct, id));
}

function annotate(cf: ConstructFinding, acks: AcknowledgementIndex): void {
  const { finding } = cf;
  const id = `${PLUGIN_NAME}::${violationRuleName(finding.ruleId, finding.findingId)}`;
  const ruleWide = `${PLUGIN_NAME}::${finding.ruleId}`;
  // Acknowledged or suppressed: no annotation (the CDK CLI prints every annotation, infos too), an audit entry.
  const audit = (by: string, reason: string) =>
    cf.construct.node.addMetadata(SUPPRESSED_METADATA_TYPE, { id, by, reason, message: `[${finding.ruleId}] ${finding.message}` });
  if (finding.suppressed) return audit(`template Metadata (${finding.suppressed.source ?? 'cachelint'})`, finding.suppressed.reason);
  const covered = coverageFor(acks, finding.ruleId, finding.findingId, cf.constructPath);
  if (covered) return audit(`Validations.of(${covered.ack.at || '<app>'}).acknowledge('${covered.ack.id}')`, covered.ack.reason);
  if (finding.severity !== 'error') {
    const acked = acknowledgedWarning(cf.construct, [id, ruleWide]);
    if (acked) return audit(`Annotations.acknowledgeWarning('${acked}')`, '');
  }

  const annotations = Annotations.of(cf.construct);
  const text = annotationText(cf, id, ruleWide);
  if (finding.severity === 'error') annotations.addError(text);
  else if (finding.severity === 'warning') annotations.addWarning(text);
  else annotations.addInfo(text);
}

/**
 * `[CL001] <what and why> Fix: <fix>`, then the snippet, `Docs: <url>`, how to acknowledge, and
 * `(CacheLint::CL001[<findingId>])`, each on its own line.
 * The id goes last, in parentheses: that is where the CDK CLI (and core's annotation report) read an annotation's rule
 * id from, so `cdk synth` prints "Acknowledge with 'CacheLint::CL001[/webhooks/POST]'". Not addWarningV2: its
 * `[ack: <id>]` tag is read up to the first ']', which prints `CacheLint::CL001[/webhooks/POST` (an id that
 * acknowledges nothing) and leaves a stray ']' in the message.
 */
function annotationText(cf: ConstructFinding, id: string, ruleWide: string): string {
  const { finding } = cf;
  const call = `Validations.of(construct).acknowledge({ id: '${id}', reason: '…' })`;
  const how =
    finding.severity === 'error'
      ? `CDK cannot acknowledge an error annotation; to accept this finding, call ${call} on this construct or an ` +
        `ancestor before synth (CacheLintAspect reads it), or change the rule's severity: new CacheLintAspect({ rules: { ${finding.ruleId}: 'warning' } }).`
      : `To acknowledge: ${call} on this construct or an ancestor (or '${ruleWide}' for every ${finding.ruleId} finding under it).`;
  return `[${finding.ruleId}] ${finding.message}${affects(finding)} Fix: ${cf.fixWithSnippet}\nDocs: ${finding.docsUrl}\n${how}\n(${id})`;
}
