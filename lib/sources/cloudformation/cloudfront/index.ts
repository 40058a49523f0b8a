// CloudFront: one Endpoint per behaviour (DefaultCacheBehavior + CacheBehaviors[]) of every AWS::CloudFront::Distribution,
// with its cache as a layer (docs/platforms/cloudfront.md): a cache policy (managed ID or a template AWS::CloudFront::CachePolicy) or the
// legacy ForwardedValues fields. CloudFront never caches POST (§2.1); its risk is MinTTL > 0 (no-store ignored) and
// DefaultTTL applied to API responses without Cache-Control. When a behaviour's origin is a REST API of the same
// template, the layer is also put in front of every API endpoint that the behaviour serves (the whole path).
import type { Endpoint } from '../../../model';
import type { TemplateReader } from '../template';
import { behaviourEndpoint, patternOf, type Behaviour } from './behaviours';
import { linkApis } from './link-apis';
import { readOrigins, type ApiEndpointRef } from './origins';

export type { ApiEndpointRef } from './origins';
export { patternMatches } from './link-apis';
export { templatePolicy } from './policies';

export function cloudFrontEndpoints(reader: TemplateReader, apiEndpoints: Map<string, ApiEndpointRef[]>): Endpoint[] {
  const out: Endpoint[] = [];
  for (const [id] of reader.ofType('AWS::CloudFront::Distribution')) {
    const cfg = reader.obj(['Resources', id, 'Properties', 'DistributionConfig']);
    if (!cfg) {
      const n = reader.node(['Resources', id, 'Properties', 'DistributionConfig']);
      if (n && 'unresolved' in n)
        reader.facts.push({
          kind: 'unresolved-setting',
          resource: id,
          route: 'DistributionConfig',
          findingId: 'distribution',
          at: reader.at(n.path),
          reason: { kind: 'distribution-config', distribution: id, why: n.unresolved.why },
          blocks: ['CL002', 'CL003', 'CL005'],
          flavor: reader.flavor,
          platform: 'cloudfront',
        });
      continue;
    }
    const origins = readOrigins(reader, cfg.path, apiEndpoints);
    const behaviours: Behaviour[] = [];
    // Behaviours inside an unresolvable Fn::If: each branch is a behaviour some deploy gets, so each is judged.
    const defaults = reader.alternatives([...cfg.path, 'DefaultCacheBehavior']);
    const entries = [...reader.items([...cfg.path, 'CacheBehaviors']), ...defaults];
    const defaultFrom = entries.length - defaults.length;
    entries.forEach((entry, i) => {
      const isDefault = i >= defaultFrom;
      if (entry.unresolved !== undefined || !entry.value || typeof entry.value !== 'object') {
        reader.facts.push({
          kind: 'unresolved-setting',
          resource: id,
          route: isDefault ? 'DefaultCacheBehavior' : 'CacheBehavior',
          findingId: isDefault ? 'default' : `CacheBehaviors[${String(entry.path[entry.path.length - 1])}]`,
          at: reader.at(entry.path),
          reason: { kind: 'cache-behaviour', distribution: id, why: entry.unresolved || undefined },
          blocks: ['CL002', 'CL003', 'CL005'],
          flavor: reader.flavor,
          platform: 'cloudfront',
        });
        return;
      }
      const { pattern, deployTime } = isDefault ? { pattern: undefined, deployTime: undefined } : patternOf(reader, entry.path);
      const { endpoint, behaviour } = behaviourEndpoint(reader, id, entry.path, pattern, origins);
      if (entry.condition) endpoint.details = { ...endpoint.details, condition: `${entry.condition.name}=${entry.condition.branch}` };
      out.push(endpoint);
      if (deployTime) behaviour.deployTime = true;
      behaviours.push(behaviour);
    });
    linkApis(behaviours, origins, apiEndpoints);
  }
  return out;
}
