"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.routeMethods = routeMethods;
const model_1 = require("../../model");
const placeholders_1 = require("./placeholders");
const routes_1 = require("./routes");
function routeMethods(r, routePath, defaults, locate) {
    const present = (o, k) => o !== undefined && o[k] !== undefined && o[k] !== null;
    // A route's own field wins over the decK default; the location is wherever the deciding value is written.
    const pick = (k) => present(r, k) ? { value: r[k], own: true, k } : present(defaults, k) ? { value: defaults[k], own: false, k } : undefined;
    // Paths only for the few values that end up located (placeholders, unreadable expressions and lists).
    const at = (p) => locate(p.own ? [...routePath, p.k] : ['_info', 'defaults', 'route', p.k]);
    const rawPaths = pick('paths');
    let paths = Array.isArray(rawPaths?.value) ? rawPaths.value.map(String) : [];
    const expr = pick('expression');
    if (expr) {
        const ph = (0, placeholders_1.findPlaceholder)(expr.value);
        if (ph)
            return { methods: (0, model_1.unknown)((0, placeholders_1.placeholderWhy)(ph, 'the route expression'), at(expr)), paths: paths.length ? paths : ['/'], expression: String(expr.value) };
        if (typeof expr.value !== 'string')
            return { methods: (0, model_1.unknown)(`route expression is ${JSON.stringify(expr.value)}, not a string`, at(expr)), paths: paths.length ? paths : ['/'] };
        const res = (0, routes_1.methodsFromExpression)(expr.value);
        if (!res.ok)
            return { methods: (0, model_1.unknown)(res.why, at(expr)), paths: paths.length ? paths : ['/'], expression: expr.value };
        if (!paths.length)
            paths = res.paths;
        return { methods: (0, model_1.known)(res.methods), paths: paths.length ? paths : ['/'], expression: expr.value };
    }
    if (!paths.length)
        paths = ['/'];
    // Stream routes (tcp, tls, udp, tls_passthrough) carry no HTTP method, and HTTP caching plugins never run on them.
    const protocols = pick('protocols');
    if (Array.isArray(protocols?.value) && protocols.value.length && !protocols.value.some((p) => /^(http|https|grpc|grpcs|ws|wss)$/i.test(String(p))))
        return { methods: (0, model_1.known)([]), paths };
    const m = pick('methods');
    if (!m)
        return { methods: (0, model_1.known)([...model_1.ALL_METHODS]), paths }; // absent = all methods (docs/platforms/kong.md#declarative-config)
    const ph = (0, placeholders_1.findPlaceholder)(m.value);
    if (ph)
        return { methods: (0, model_1.unknown)((0, placeholders_1.placeholderWhy)(ph, 'the route methods'), at(m)), paths };
    const res = (0, routes_1.methodsFromList)(m.value);
    if (!res.ok)
        return { methods: (0, model_1.unknown)(res.why, at(m)), paths };
    return { methods: (0, model_1.known)(res.methods), paths };
}
