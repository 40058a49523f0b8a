"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.templatePolicy = exports.patternMatches = void 0;
exports.cloudFrontEndpoints = cloudFrontEndpoints;
const behaviours_1 = require("./behaviours");
const link_apis_1 = require("./link-apis");
const origins_1 = require("./origins");
var link_apis_2 = require("./link-apis");
Object.defineProperty(exports, "patternMatches", { enumerable: true, get: function () { return link_apis_2.patternMatches; } });
var policies_1 = require("./policies");
Object.defineProperty(exports, "templatePolicy", { enumerable: true, get: function () { return policies_1.templatePolicy; } });
function cloudFrontEndpoints(reader, apiEndpoints) {
    const out = [];
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
        const origins = (0, origins_1.readOrigins)(reader, cfg.path, apiEndpoints);
        const behaviours = [];
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
            const { pattern, deployTime } = isDefault ? { pattern: undefined, deployTime: undefined } : (0, behaviours_1.patternOf)(reader, entry.path);
            const { endpoint, behaviour } = (0, behaviours_1.behaviourEndpoint)(reader, id, entry.path, pattern, origins);
            if (entry.condition)
                endpoint.details = { ...endpoint.details, condition: `${entry.condition.name}=${entry.condition.branch}` };
            out.push(endpoint);
            if (deployTime)
                behaviour.deployTime = true;
            behaviours.push(behaviour);
        });
        (0, link_apis_1.linkApis)(behaviours, origins, apiEndpoints);
    }
    return out;
}
