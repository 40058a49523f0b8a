"use strict";
// Static resolution of CloudFormation intrinsic functions (Ref, Fn::Sub, Fn::Join, Fn::If, Fn::FindInMap, Fn::Select,
// Fn::Split, conditions). What cannot be known before deploy (parameters, pseudo parameters, resource attributes,
// CDK tokens) resolves to `unknown` with a reason that names it; for parameters the reason also says what the
// parameter's Default would give, so CL006 can tell a reviewer what is at stake.
//
// `Fn::If`: a condition that resolves picks its branch. A condition that does not (it depends on a parameter) makes
// the value unknown unless both branches resolve to the same value: we never judge only the safer branch, and we do
// not silently pick the worse one either: CL006 names the condition and both outcomes.
Object.defineProperty(exports, "__esModule", { value: true });
exports.refTarget = exports.referencedIds = exports.Resolver = exports.NO_VALUE = void 0;
exports.isIntrinsic = isIntrinsic;
exports.formatValue = formatValue;
exports.literalText = literalText;
exports.asBoolean = asBoolean;
exports.asNumber = asNumber;
exports.asString = asString;
/** `Ref: AWS::NoValue`: the property is absent. */
exports.NO_VALUE = Symbol('AWS::NoValue');
const PSEUDO = new Set(['AWS::Region', 'AWS::AccountId', 'AWS::StackName', 'AWS::StackId', 'AWS::Partition', 'AWS::URLSuffix', 'AWS::NotificationARNs']);
// CDK tokens that Stack.resolve could not turn into intrinsics, e.g. `${Token[TOKEN.123]}` or encoded numbers/lists.
const CDK_TOKEN = /\$\{Token\[[^\]]*\]\}|#\{Token\[|^-1\.8881545897087[0-9]*e\+289$/;
function isIntrinsic(v) {
    if (v === null || typeof v !== 'object' || Array.isArray(v))
        return false;
    const keys = Object.keys(v);
    return keys.length === 1 && (keys[0] === 'Ref' || keys[0] === 'Condition' || keys[0].startsWith('Fn::'));
}
const k = (value) => ({ known: true, value });
const u = (why, params) => ({ known: false, why, params });
function formatValue(v) {
    if (v === exports.NO_VALUE)
        return 'no value';
    let s;
    try {
        s = typeof v === 'string' ? JSON.stringify(v) : (JSON.stringify(v) ?? String(v));
    }
    catch {
        s = String(v);
    }
    return s.length > 80 ? s.slice(0, 77) + '...' : s;
}
class Resolver {
    template;
    useDefaults;
    conditionCache = new Map();
    depth = 0;
    constructor(template, useDefaults = false) {
        this.template = template;
        this.useDefaults = useDefaults;
    }
    /** Resolves one value (shallowly for plain objects: their members are resolved when read). */
    resolve(v) {
        const r = this.inner(v);
        if (r.known || this.useDefaults || !r.params?.length)
            return r;
        return u(r.why + this.withDefaultsNote(v, r.params), r.params);
    }
    /** Evaluates a condition by name (resource `Condition:` attributes, Fn::If). */
    condition(name) {
        const cached = this.conditionCache.get(name);
        if (cached)
            return cached;
        const def = this.template.Conditions?.[name];
        let r;
        if (def === undefined)
            r = u(`condition ${name} is not defined`);
        else if (this.depth > 50)
            r = u(`condition ${name} is recursive`);
        else {
            this.depth++;
            const v = this.inner(def);
            this.depth--;
            r = v.known
                ? typeof v.value === 'boolean'
                    ? k(v.value)
                    : u(`condition ${name} is not a boolean`)
                : u(`condition ${name} depends on ${v.why}`, v.params);
        }
        this.conditionCache.set(name, r);
        return r;
    }
    /** "condition C depends on parameter P (default "x" makes it false)": why a condition is unknown, for messages. */
    describeCondition(name) {
        const c = this.condition(name);
        if (c.known)
            return `condition ${name} is ${c.value}`;
        if (this.useDefaults || !c.params?.length)
            return c.why;
        const withDefaults = new Resolver(this.template, true).condition(name);
        const params = [...new Set(c.params)];
        const defaults = params.map((p) => this.paramDefault(p));
        if (!withDefaults.known || defaults.some((d) => d === undefined))
            return c.why;
        const given = params.map((p, i) => (params.length === 1 ? `default ${formatValue(defaults[i])}` : `${p}=${formatValue(defaults[i])}`)).join(', ');
        return `${c.why} (${params.length === 1 ? given : `defaults ${given}`} would make it ${withDefaults.value})`;
    }
    withDefaultsNote(v, params) {
        const names = [...new Set(params)];
        const defaults = names.map((p) => this.paramDefault(p));
        if (defaults.some((d) => d === undefined)) {
            const missing = names.filter((_, i) => defaults[i] === undefined);
            return ` (no Default for ${missing.join(', ')})`;
        }
        const withDefaults = new Resolver(this.template, true).inner(v);
        if (!withDefaults.known)
            return '';
        const given = names.map((p, i) => (names.length === 1 ? `default ${formatValue(defaults[i])}` : `${p}=${formatValue(defaults[i])}`)).join(', ');
        return ` (${names.length === 1 ? given : `defaults ${given}`} would give ${formatValue(withDefaults.value)})`;
    }
    paramDefault(name) {
        const p = this.template.Parameters?.[name];
        if (!p || typeof p !== 'object')
            return undefined;
        return p.Default;
    }
    inner(v) {
        if (v === null || v === undefined || typeof v === 'boolean' || typeof v === 'number')
            return k(v);
        if (typeof v === 'string')
            return CDK_TOKEN.test(v) ? u(`CDK token ${v}`) : k(v);
        if (Array.isArray(v))
            return k(v);
        if (typeof v !== 'object' || !isIntrinsic(v))
            return k(v);
        if (this.depth > 100)
            return u('intrinsic functions nested too deeply');
        this.depth++;
        try {
            return this.intrinsic(v);
        }
        finally {
            this.depth--;
        }
    }
    /** Deep resolution of a list (Fn::Join arguments, AllowedMethods...): unknown if any item is. */
    list(v) {
        const r = this.inner(v);
        if (!r.known)
            return r;
        if (!Array.isArray(r.value))
            return typeof r.value === 'string' ? k([r.value]) : u(`${formatValue(r.value)} is not a list`);
        const out = [];
        const params = [];
        let firstWhy;
        for (const item of r.value) {
            const ri = this.inner(item);
            if (!ri.known) {
                firstWhy ??= ri.why;
                params.push(...(ri.params ?? []));
                continue;
            }
            if (ri.value !== exports.NO_VALUE)
                out.push(ri.value);
        }
        return firstWhy ? u(firstWhy, params.length ? params : undefined) : k(out);
    }
    /** One intrinsic function: dispatches to its family (conditions, lists, mappings) or says why it stays unknown. */
    intrinsic(v) {
        const [fn] = Object.keys(v);
        const arg = v[fn];
        switch (fn) {
            case 'Ref':
                return this.ref(arg);
            case 'Condition':
                return typeof arg === 'string' ? this.condition(arg) : u('Condition with a non-string name');
            case 'Fn::If':
            case 'Fn::Equals':
            case 'Fn::Not':
            case 'Fn::And':
            case 'Fn::Or':
                return this.conditionFunction(fn, arg);
            case 'Fn::Sub':
                return this.sub(arg);
            case 'Fn::Join':
            case 'Fn::Select':
            case 'Fn::Split':
                return this.listFunction(fn, arg);
            case 'Fn::FindInMap':
                return this.findInMap(arg);
            case 'Fn::GetAtt': {
                const parts = Array.isArray(arg) ? arg : typeof arg === 'string' ? arg.split('.') : [];
                return u(`the resource attribute ${parts.map(String).join('.')} is known only after deploy`);
            }
            case 'Fn::ImportValue':
                return u("Fn::ImportValue reads another stack's export");
            // Fn::GetAZs, Fn::Base64, Fn::Cidr, Fn::Length, Fn::ToJsonString, Fn::Transform and anything newer.
            default:
                return u(`${fn} is not resolved statically`);
        }
    }
    /** Fn::If, Fn::Equals, Fn::Not, Fn::And, Fn::Or. */
    conditionFunction(fn, arg) {
        switch (fn) {
            case 'Fn::If': {
                if (!Array.isArray(arg) || arg.length !== 3 || typeof arg[0] !== 'string')
                    return u('malformed Fn::If');
                const c = this.condition(arg[0]);
                if (c.known)
                    return this.inner(c.value ? arg[1] : arg[2]);
                const a = this.inner(arg[1]);
                const b = this.inner(arg[2]);
                if (a.known && b.known && formatValue(a.value) === formatValue(b.value))
                    return a;
                const outcomes = `${a.known ? formatValue(a.value) : 'an unknown value'} or ${b.known ? formatValue(b.value) : 'an unknown value'}`;
                return u(`Fn::If: ${c.why}, and it chooses ${outcomes}`, c.params);
            }
            case 'Fn::Equals': {
                if (!Array.isArray(arg) || arg.length !== 2)
                    return u('malformed Fn::Equals');
                const a = this.inner(arg[0]);
                const b = this.inner(arg[1]);
                if (!a.known)
                    return a;
                if (!b.known)
                    return b;
                // Mappings compare by content: String() of a parsed mapping throws (no prototype, or a `toString` key).
                const text = (v) => (v !== null && typeof v === 'object' ? JSON.stringify(v) : String(v));
                return k(text(a.value) === text(b.value));
            }
            case 'Fn::Not': {
                const a = this.inner(Array.isArray(arg) ? arg[0] : arg);
                if (!a.known)
                    return a;
                return typeof a.value === 'boolean' ? k(!a.value) : u('Fn::Not of a non-boolean');
            }
            case 'Fn::And':
            case 'Fn::Or': {
                if (!Array.isArray(arg))
                    return u(`malformed ${fn}`);
                let unknownPart;
                for (const item of arg) {
                    const r = this.inner(item);
                    if (!r.known) {
                        unknownPart ??= r;
                        continue;
                    }
                    if (fn === 'Fn::And' && r.value === false)
                        return k(false);
                    if (fn === 'Fn::Or' && r.value === true)
                        return k(true);
                }
                return unknownPart ?? k(fn === 'Fn::And');
            }
        }
    }
    /** Fn::Join, Fn::Select, Fn::Split. */
    listFunction(fn, arg) {
        switch (fn) {
            case 'Fn::Join': {
                if (!Array.isArray(arg) || arg.length !== 2)
                    return u('malformed Fn::Join');
                const d = this.inner(arg[0]);
                if (!d.known)
                    return d;
                const items = this.list(arg[1]);
                if (!items.known)
                    return items;
                return k(items.value.map(String).join(String(d.value)));
            }
            case 'Fn::Select': {
                if (!Array.isArray(arg) || arg.length !== 2)
                    return u('malformed Fn::Select');
                const i = this.inner(arg[0]);
                if (!i.known)
                    return i;
                const items = this.list(arg[1]);
                if (!items.known)
                    return items;
                const idx = Number(i.value);
                return idx >= 0 && idx < items.value.length ? k(items.value[idx]) : u(`Fn::Select index ${formatValue(i.value)} out of range`);
            }
            case 'Fn::Split': {
                if (!Array.isArray(arg) || arg.length !== 2)
                    return u('malformed Fn::Split');
                const d = this.inner(arg[0]);
                const s = this.inner(arg[1]);
                if (!d.known)
                    return d;
                if (!s.known)
                    return s;
                return k(String(s.value).split(String(d.value)));
            }
        }
    }
    findInMap(arg) {
        if (!Array.isArray(arg) || arg.length < 3)
            return u('malformed Fn::FindInMap');
        const parts = arg.slice(0, 3).map((x) => this.inner(x));
        const bad = parts.find((p) => !p.known);
        if (bad)
            return bad;
        const [m, a, b] = parts.map((p) => String(p.value));
        const found = this.template.Mappings?.[m]?.[a]?.[b];
        if (found !== undefined)
            return this.inner(found);
        if (arg.length === 4 && arg[3] && typeof arg[3] === 'object' && 'DefaultValue' in arg[3])
            return this.inner(arg[3].DefaultValue);
        return u(`Fn::FindInMap ${m}.${a}.${b} is not in the template's Mappings`);
    }
    ref(name) {
        if (typeof name !== 'string')
            return u('Ref with a non-string name');
        if (name === 'AWS::NoValue')
            return k(exports.NO_VALUE);
        if (PSEUDO.has(name))
            return u(`pseudo parameter ${name}`);
        const param = this.template.Parameters?.[name];
        if (param !== undefined) {
            if (this.useDefaults) {
                const d = this.paramDefault(name);
                if (d !== undefined) {
                    const type = param?.Type;
                    if (typeof type === 'string' && /^(List<|CommaDelimitedList)/.test(type) && typeof d === 'string')
                        return k(d.split(','));
                    return k(d);
                }
            }
            return u(`parameter ${name}`, [name]);
        }
        if (this.template.Resources?.[name] !== undefined)
            return u(`Ref to resource ${name} is known only after deploy`);
        return u(`Ref to ${name}, which the template does not define`);
    }
    sub(arg) {
        let text;
        let vars = {};
        if (Array.isArray(arg)) {
            const parts = arg;
            [text, vars] = [parts[0], (parts[1] ?? {})];
        }
        else
            text = arg;
        const t = this.inner(text);
        if (!t.known)
            return t;
        if (typeof t.value !== 'string')
            return u('malformed Fn::Sub');
        let out = '';
        let firstUnknown;
        const params = [];
        const re = /\$\{(!?)([^}]*)\}/g;
        let last = 0;
        for (let m = re.exec(t.value); m; m = re.exec(t.value)) {
            out += t.value.slice(last, m.index);
            last = m.index + m[0].length;
            if (m[1] === '!') {
                out += '${' + m[2] + '}';
                continue;
            }
            const name = m[2].trim();
            let r;
            if (Object.prototype.hasOwnProperty.call(vars, name))
                r = this.inner(vars[name]);
            else if (name.includes('.') && !name.startsWith('AWS::'))
                r = this.inner({ 'Fn::GetAtt': name.split('.') });
            else
                r = this.ref(name);
            if (!r.known) {
                firstUnknown ??= { why: r.why };
                params.push(...(r.params ?? []));
                continue;
            }
            out += String(r.value);
        }
        out += t.value.slice(last);
        return firstUnknown ? u(firstUnknown.why, params.length ? params : undefined) : k(out);
    }
}
exports.Resolver = Resolver;
// Reading references without resolving them lives in references.ts; re-exported for callers of the resolver.
var references_1 = require("./references");
Object.defineProperty(exports, "referencedIds", { enumerable: true, get: function () { return references_1.referencedIds; } });
Object.defineProperty(exports, "refTarget", { enumerable: true, get: function () { return references_1.refTarget; } });
/** Literal text inside a value (strings of Fn::Sub / Fn::Join...), for "does this domain mention execute-api". */
function literalText(v) {
    if (typeof v === 'string')
        return v;
    if (Array.isArray(v))
        return v.map(literalText).join(' ');
    if (v && typeof v === 'object')
        return Object.values(v)
            .map(literalText)
            .join(' ');
    return '';
}
/** "true"/"false" strings count as booleans (CloudFormation converts them). */
function asBoolean(r) {
    if (!r.known)
        return r;
    if (typeof r.value === 'boolean')
        return k(r.value);
    if (typeof r.value === 'string' && /^(true|false)$/i.test(r.value.trim()))
        return k(r.value.trim().toLowerCase() === 'true');
    return u(`${formatValue(r.value)} is not a boolean`);
}
/** Numbers and numeric strings ("300"). */
function asNumber(r) {
    if (!r.known)
        return r;
    if (typeof r.value === 'number' && Number.isFinite(r.value))
        return k(r.value);
    if (typeof r.value === 'string' && /^\s*-?[0-9]+(\.[0-9]+)?\s*$/.test(r.value))
        return k(Number(r.value));
    return u(`${formatValue(r.value)} is not a number`);
}
function asString(r) {
    if (!r.known)
        return r;
    if (typeof r.value === 'string')
        return k(r.value);
    if (typeof r.value === 'number' || typeof r.value === 'boolean')
        return k(String(r.value));
    return u(`${formatValue(r.value)} is not a string`);
}
