// CacheLintChecks: a CDK policy-validation plugin, registered like cdk-nag v3 packs:
// `Validations.of(app).addPlugins(new CacheLintChecks(app))` (aws-cdk-lib >= 2.258). It implements
// IPolicyValidationPlugin directly rather than extending cdk-nag's NagPack, which fails synth on warnings, has no
// fix text and ignores rule-wide acknowledgements.
//
// Acknowledgements: CDK core suppresses a violation when `CacheLint::<ruleName>` equals an acknowledged id on the
// violating construct or an ancestor, and records it with its reason in validation-report.json (suppressedViolations).
// Violations are named `CL001[<findingId>]`, so `CacheLint::CL001[/webhooks/POST]` matches exactly. For the rule-wide
// form `CacheLint::CL001`, the plugin reads the acknowledgement metadata itself and names the violations it covers
// `CL001` (finding id in the description and ruleMetadata): core then matches them and records them the same way.
import type { IConstruct } from 'constructs';
import type { IPolicyValidationContext, IPolicyValidationPlugin, PolicyValidationPluginReport, PolicyViolation } from 'aws-cdk-lib';
import { STATIC_RULES } from '../../rules';
import { VERSION } from '../meta';
import { affectsSentence as affects } from '../report/summary';
import { collectAcknowledgements, coverageFor, PLUGIN_NAME, violationRuleName } from './acknowledgements';
import { analyzeStack, configFrom, stacksUnder, type CacheLintProps } from './analyze';
import { isStack, type StackLike } from './stack-template';

export type CacheLintChecksProps = CacheLintProps;

/** First aws-cdk-lib release whose validation context carries the construct tree (`appConstruct`). */
export const MIN_AWS_CDK_LIB_FOR_CHECKS = '2.258.0';

export class CacheLintChecks implements IPolicyValidationPlugin {
  public readonly name = PLUGIN_NAME;
  public readonly version = VERSION;
  public readonly ruleIds = STATIC_RULES.map((r) => r.id);
  private readonly props: CacheLintChecksProps;

  /**
   * @param scope the App (or any construct in it): its aws-cdk-lib version is checked here, so an old release fails
   *              with a clear message instead of a plugin failure at synth time
   */
  constructor(scope?: IConstruct, props: CacheLintChecksProps = {}) {
    this.props = props;
    const version = awsCdkLibVersion(scope);
    if (version && compareVersions(version, MIN_AWS_CDK_LIB_FOR_CHECKS) < 0) throw new Error(tooOld(version));
  }

  public validate(context: IPolicyValidationContext): PolicyValidationPluginReport {
    const root = (context as { appConstruct?: IConstruct }).appConstruct;
    if (!root) throw new Error(tooOld(awsCdkLibVersion(undefined) ?? 'an older release'));
    const config = configFrom(this.props);
    const templates = new Map((context.stackTemplates ?? []).map((s) => [s.stackConstructPath, s.templatePath]));
    const acks = collectAcknowledgements(root);
    const violations: PolicyViolation[] = [];
    const suppressed: string[] = [];

    for (const stack of stacksUnder(root, isStack).filter((s) => inScope(s, templates))) {
      const templatePath = templates.get(stack.node.path);
      for (const cf of analyzeStack(stack, config, templatePath)) {
        const f = cf.finding;
        if (f.suppressed) {
          suppressed.push(`${f.ruleId}[${f.findingId}] on ${cf.constructPath}: ${f.suppressed.reason} (${f.suppressed.source ?? 'cachelint'})`);
          continue;
        }
        const covered = coverageFor(acks, f.ruleId, f.findingId, cf.constructPath);
        const ruleWide = covered?.scope === 'rule';
        violations.push({
          ruleName: ruleWide ? f.ruleId : violationRuleName(f.ruleId, f.findingId),
          description: `[${f.ruleId}] ${f.message}${affects(f)}${ruleWide ? ` [finding ${f.findingId}]` : ''}`,
          fix: cf.fixWithSnippet,
          severity: f.severity,
          ruleMetadata: {
            rule: `${f.ruleId} ${f.ruleName}`,
            findingId: f.findingId,
            route: f.route,
            docs: f.docsUrl,
            acknowledgeWith: `${PLUGIN_NAME}::${violationRuleName(f.ruleId, f.findingId)} (this finding) or ${PLUGIN_NAME}::${f.ruleId} (every ${f.ruleId} finding under the construct)`,
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
      pluginVersion: VERSION,
      metadata: suppressed.length ? { suppressedInTemplate: suppressed.join('\n') } : undefined,
    };
  }
}

/** A plugin registered on a nested Stage sees only that stage's stacks; nested stacks ride with their parent. */
function inScope(stack: StackLike, templates: Map<string, string>): boolean {
  if (templates.size === 0) return true;
  for (const p of templates.keys()) if (stack.node.path === p || stack.node.path.startsWith(`${p}/`)) return true;
  return false;
}

function awsCdkLibVersion(scope: IConstruct | undefined): string | undefined {
  const rtti = Symbol.for('jsii.rtti');
  const fromApp = (scope?.node.root.constructor as unknown as Record<symbol, { version?: string } | undefined> | undefined)?.[rtti]?.version;
  if (fromApp) return fromApp;
  try {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    return (require('aws-cdk-lib/package.json') as { version: string }).version;
  } catch {
    return undefined;
  }
}

function compareVersions(a: string, b: string): number {
  const pa = a.split(/[.-]/).map((x) => parseInt(x, 10) || 0);
  const pb = b.split(/[.-]/).map((x) => parseInt(x, 10) || 0);
  for (let i = 0; i < 3; i++) if (pa[i] !== pb[i]) return pa[i] - pb[i];
  return 0;
}

function tooOld(version: string): string {
  return (
    `cachelint: CacheLintChecks needs aws-cdk-lib >= ${MIN_AWS_CDK_LIB_FOR_CHECKS} (policy validation with the construct tree); ` +
    `this app uses ${version}. Upgrade aws-cdk-lib, or use Aspects.of(app).add(new CacheLintAspect()), which works on every 2.x release.`
  );
}
