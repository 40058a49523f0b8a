"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.readHTTPRoutes = readHTTPRoutes;
// Gateway API HTTPRoute → Kong routes, the way KIC translates them (docs/platforms/kong.md#kong-ingress-controller):
// one route per rule match, served by the rule's first backend; ExtensionRef filters attach plugins to that rule.
const model_1 = require("../../model");
const manifests_1 = require("./manifests");
const detect_1 = require("./detect");
const state_1 = require("./state");
/** HTTPRoute: one route per rule match, served by the rule's first backend; ExtensionRef filters attach plugins. */
function readHTTPRoutes(b) {
    for (const o of b.objects) {
        if (o.kind !== 'HTTPRoute')
            continue;
        const spec = (0, manifests_1.isRecord)(o.obj.spec) ? o.obj.spec : {};
        const hosts = Array.isArray(spec.hostnames) ? spec.hostnames.filter((h) => typeof h === 'string') : [];
        const all = [];
        const rules = Array.isArray(spec.rules) ? spec.rules : [];
        rules.forEach((rule, i) => {
            if (!(0, manifests_1.isRecord)(rule))
                return;
            const routes = httpRouteRule(b, o, rule, i, hosts);
            extensionRefPlugins(b, o, rule, i, routes);
            all.push(...routes);
        });
        for (const p of b.pluginRefs(o))
            b.relationsOf(p).routes.push(...all);
    }
}
function httpRouteRule(b, o, rule, i, hosts) {
    const refs = Array.isArray(rule.backendRefs) ? rule.backendRefs : [];
    const first = refs.findIndex((be) => (0, manifests_1.isRecord)(be) && typeof be.name === 'string');
    let service;
    if (first >= 0) {
        const be = refs[first];
        const kind = typeof be.kind === 'string' ? be.kind : 'Service';
        const ns = typeof be.namespace === 'string' ? be.namespace : o.namespace;
        service = b.backendService(o, kind, ns, be.name, (0, manifests_1.locOf)(o, ['spec', 'rules', i, 'backendRefs', first, 'name']));
    }
    const matches = Array.isArray(rule.matches) && rule.matches.length ? rule.matches : [undefined];
    const routes = [];
    matches.forEach((m, j) => {
        const at = m === undefined ? ['spec', 'rules', i] : ['spec', 'rules', i, 'matches', j];
        const match = (0, manifests_1.isRecord)(m) ? m : {};
        const pathValue = (0, manifests_1.isRecord)(match.path) && typeof match.path.value === 'string' ? match.path.value : '/';
        let methods = (0, model_1.known)([...model_1.ALL_METHODS]);
        if (typeof match.method === 'string') {
            const ms = (0, state_1.methodsFromText)(match.method);
            methods = ms.length
                ? (0, model_1.known)(ms)
                : (0, model_1.unknown)(`HTTPRoute match method ${JSON.stringify(match.method)} is not an HTTP method cachelint knows`, (0, manifests_1.locOf)(o, [...at, 'method']));
        }
        const extra = { rule: String(i), match: String(j) };
        routes.push(b.addRoute(o, pathValue, hosts.length ? hosts.join(',') : undefined, methods, service, (0, manifests_1.isRecord)(match.path) ? [...at, 'path'] : at, extra));
    });
    return routes;
}
/** filters[] ExtensionRef → a KongPlugin (or KongClusterPlugin) on this rule's routes. */
function extensionRefPlugins(b, o, rule, i, routes) {
    const filters = Array.isArray(rule.filters) ? rule.filters : [];
    filters.forEach((f, k) => {
        if (!(0, manifests_1.isRecord)(f) || f.type !== 'ExtensionRef' || !(0, manifests_1.isRecord)(f.extensionRef))
            return;
        const ref = f.extensionRef;
        if (ref.group !== detect_1.KONG_GROUP)
            return;
        const kind = ref.kind === 'KongClusterPlugin' ? 'KongClusterPlugin' : 'KongPlugin';
        const name = typeof ref.name === 'string' ? ref.name : '';
        const def = (0, state_1.resolvePlugin)(b.index, o, o.namespace, name, [kind]);
        if (def)
            b.relationsOf(def).routes.push(...routes);
        else
            b.errors.push((0, manifests_1.errorAt)(o, ['spec', 'rules', i, 'filters', k, 'extensionRef'], 'unresolved-reference', `filter ExtensionRef on ${o.id} names ${kind} ${kind === 'KongPlugin' ? `${o.namespace}/` : ''}${name}, but no scanned file defines it: scan the folder that holds it with this file (a plugin cachelint cannot see may be a cache)`));
    });
}
