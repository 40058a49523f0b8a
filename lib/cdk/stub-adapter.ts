// TEMPORARY stand-in for lib/sources/cloudformation's modelFromTemplate while it is being written: API Gateway stage
// MethodSettings only. Replaced by the real adapter as soon as it lands.
import type { Flavor, Method, Model, Value } from '../model';
import { known, unknown } from '../model';

export interface TemplateLocator {
  locate(path: readonly (string | number)[]): import('../model').SourceLocation;
}

export function modelFromTemplate(template: Record<string, unknown>, locator: TemplateLocator, options: { file: string; flavor: Flavor }): Model {
  const model: Model = { file: options.file, endpoints: [], facts: [] };
  const resources = (template.Resources ?? {}) as Record<string, { Type?: string; Properties?: Record<string, unknown> }>;
  for (const [id, r] of Object.entries(resources)) {
    if (r.Type !== 'AWS::ApiGateway::Stage') continue;
    const settings = (r.Properties?.MethodSettings ?? []) as Record<string, unknown>[];
    settings.forEach((s, i) => {
      const method = String(s.HttpMethod);
      if (!['POST', 'PUT', 'PATCH', 'DELETE'].includes(method)) return;
      const path = String(s.ResourcePath).slice(1).replace(/~1/g, '/') || '/';
      const at = locator.locate(['Resources', id, 'Properties', 'MethodSettings', i]);
      const caching: Value<Method[]> =
        typeof s.CachingEnabled === 'boolean'
          ? known(s.CachingEnabled ? [method as Method] : [])
          : unknown('CachingEnabled is a parameter', locator.locate(['Resources', id, 'Properties', 'MethodSettings', i, 'CachingEnabled']));
      model.endpoints.push({
        platform: 'apigateway',
        resource: id,
        route: `${method} ${path}`,
        findingId: `${path}/${method}`,
        methods: known([method as Method]),
        paths: [path],
        at,
        caches: [
          {
            kind: 'apigateway-stage-cache',
            name: `stage ${String(r.Properties?.StageName ?? id)}: MethodSetting ${path} ${method}`,
            at,
            scope: 'method',
            cachedMethods: caching,
            ttl: known({ min: 0, default: 300, max: 300 }),
            honorsOriginNoStore: known(true),
            key: known([]),
            keyIncludesIdentity: known(true),
          },
        ],
        noStore: known(undefined),
        noStoreSettable: false,
        flavor: options.flavor,
      });
    });
  }
  return model;
}
