// CacheLintAspect: `Aspects.of(app).add(new CacheLintAspect())`. Works on every aws-cdk-lib 2.x (no validation API
// needed): per Stack, once, it resolves the stack in memory, runs the rules and puts each finding on the CfnResource
// that holds the setting as an error / warning / info annotation. `cdk synth` fails on errors.
import type { IConstruct } from 'constructs';
import { Annotations } from 'aws-cdk-lib';
import type { IAspect } from 'aws-cdk-lib';
import type { Config } from '../config';
import { collectAcknowledgements, coverageFor } from './acknowledgements';
import { analyzeStack, configFrom, type CacheLintProps, type ConstructFinding } from './analyze';
import { isStack, type StackLike } from './stack-template';

export interface CacheLintAspectProps extends CacheLintProps {}

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
    const findings = analyzeStack(node as StackLike, this.config);
    if (findings.length === 0) return;
    const acks = collectAcknowledgements(node.node.root);
    for (const cf of findings) annotate(cf, acks);
  }
}

function annotate(cf: ConstructFinding, acks: ReturnType<typeof collectAcknowledgements>): void {
  const { finding } = cf;
  const annotations = Annotations.of(cf.construct);
  const text = `[${finding.ruleId}] ${finding.message} Fix: ${cf.fix}`;
  if (finding.suppressed) {
    annotations.addInfo(`[${finding.ruleId}] suppressed (${finding.suppressed.source ?? 'cachelint'}: ${finding.suppressed.reason}): ${finding.message}`);
    return;
  }
  const covered = coverageFor(acks, finding.ruleId, finding.findingId, cf.constructPath);
  if (covered) {
    annotations.addInfo(`[${finding.ruleId}] acknowledged with '${covered.ack.id}' on '${covered.ack.at || '<app>'}' (${covered.ack.reason}): ${finding.message}`);
    return;
  }
  if (finding.severity === 'error') annotations.addError(text);
  // Plain addWarning, not addWarningV2: the CLI cuts a `[ack: CacheLint::CL002[default]]` suffix at the first ']'.
  // Acknowledge through Validations.of(construct).acknowledge(...), which this aspect honours (above).
  else if (finding.severity === 'warning') annotations.addWarning(text);
  else annotations.addInfo(text);
}
