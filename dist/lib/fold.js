"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.foldBySetting = foldBySetting;
exports.severityOf = severityOf;
exports.toFinding = toFinding;
const findings_1 = require("./findings");
const messages_1 = require("./messages");
const meta_1 = require("./meta");
/**
 * One root cause, one finding: hits of one rule with the same setting id at the same place (a global proxy-cache
 * over nine routes) become one finding whose routes are data. Suppressed and unsuppressed hits stay apart, so a
 * route-level suppression never hides the other routes.
 */
function foldBySetting(perRoute) {
    // By rule and setting id first (short keys), then by place: one setting is almost always at one place.
    const bySetting = new Map();
    for (const r of perRoute) {
        const id = `${r.rule.id}\0${r.hit.findingId ?? r.subject.findingId}`;
        let groups = bySetting.get(id);
        if (groups === undefined)
            bySetting.set(id, (groups = []));
        const group = groups.find((g) => samePlace(g[0], r));
        if (group)
            group.push(r);
        else
            groups.push([r]);
    }
    const out = [];
    for (const group of [...bySetting.values()].flat()) {
        // The hit that speaks for the setting: the most serious route's (its message says why it is that serious).
        let first = group[0];
        for (const r of group)
            if (findings_1.SEVERITY_RANK[r.severity] > findings_1.SEVERITY_RANK[first.severity])
                first = r;
        const { routes, routeLocations } = routesOf(group);
        const hit = group.length > 1 && first.rule.merge ? first.rule.merge(group.map((r) => r.hit)) : first.hit;
        const finding = first.finding ?? toFinding(first);
        finding.message = (0, messages_1.hitMessage)(first.rule, hit, routes.length > 1 ? `${routes.length} routes` : first.subject.route);
        if (hit !== first.hit)
            Object.assign(finding, { messageId: hit.messageId, data: { ...hit.data } });
        finding.remediation = remediationOf(hit);
        finding.routes = routes;
        finding.routeLocations = routeLocations;
        out.push(finding);
    }
    return out;
}
/** Same place in the input, and the same suppression (a suppressed route never hides the others). */
function samePlace(a, b) {
    const x = a.hit.at;
    const y = b.hit.at;
    if (x !== y && (x.line !== y.line || x.column !== y.column || x.file !== y.file))
        return false;
    return a.finding?.suppressed?.reason === b.finding?.suppressed?.reason && !a.finding?.suppressed === !b.finding?.suppressed;
}
/** The route as the input names it: a Kong route name, `POST /webhooks`, a CloudFront behaviour. */
function routeName(subject) {
    return ('name' in subject && subject.name) || subject.route;
}
/** The routes a folded finding affects, each once, in the order the input declares them. */
function routesOf(group) {
    const located = (r, route) => ({ route, file: r.subject.at.file, line: r.subject.at.line, column: r.subject.at.column });
    if (group.length === 1) {
        const route = routeName(group[0].subject);
        return { routes: [route], routeLocations: [located(group[0], route)] };
    }
    const routes = [];
    const routeLocations = [];
    const seen = new Set();
    for (const r of group) {
        const route = routeName(r.subject);
        if (seen.has(route))
            continue;
        seen.add(route);
        routes.push(route);
        routeLocations.push(located(r, route));
    }
    return { routes, routeLocations };
}
const docsUrls = new Map();
function docsUrlOf(rule) {
    let url = docsUrls.get(rule.docs);
    if (url === undefined)
        docsUrls.set(rule.docs, (url = (0, meta_1.docsUrl)(rule)));
    return url;
}
function severityOf(rule, hit, config) {
    const configured = config.rules[rule.id];
    return configured && configured !== 'off' ? configured : (hit.severity ?? rule.severity);
}
function toFinding({ rule, hit, subject, severity }) {
    const at = hit.at;
    const finding = {
        ruleId: rule.id,
        ruleName: rule.name,
        severity,
        message: '', // formatted once per folded finding (foldBySetting), not once per route
        messageId: hit.messageId,
        data: hit.data,
        platform: hit.platform ?? subject.platform,
        resource: hit.resource ?? subject.resource,
        route: hit.route ?? subject.route,
        findingId: hit.findingId ?? subject.findingId,
        file: at.file,
        line: at.line,
        column: at.column,
        endLine: at.endLine,
        endColumn: at.endColumn,
        remediation: NO_REMEDIATION, // built once per folded finding too: a fix with snippets costs something per route
        routes: [],
        docsUrl: docsUrlOf(rule),
    };
    const logicalId = at.logicalId ?? subject.at.logicalId;
    if (logicalId)
        finding.logicalId = logicalId;
    const constructPath = at.constructPath ?? subject.at.constructPath;
    if (constructPath)
        finding.constructPath = constructPath;
    return finding;
}
const NO_REMEDIATION = Object.freeze({ summary: '' });
const remediationOf = (hit) => (typeof hit.remediation === 'function' ? hit.remediation() : hit.remediation);
