"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.OpaquePluginConfig = exports.LayeredPluginConfig = void 0;
exports.defineLazyLocation = defineLazyLocation;
// One getter function and one hidden slot per property name, shared by every object: V8 gives objects with the same
// accessor the same hidden class, while a getter closure per object sent every entity of a big file (and every rule
// reading them) down the slow dictionary-mode path.
const lazySlots = new Map();
function lazySlot(prop) {
    let d = lazySlots.get(prop);
    if (!d) {
        const slot = Symbol(`lazy ${prop}`);
        d = {
            slot,
            get() {
                const v = this[slot];
                if (typeof v !== 'function')
                    return v;
                return (this[slot] = v());
            },
        };
        lazySlots.set(prop, d);
    }
    return d;
}
/** Defines `obj[prop]` as a memoised getter: positions are computed only when a finding asks for them. */
function defineLazyLocation(obj, prop, compute) {
    const { slot, get } = lazySlot(prop);
    Object.defineProperty(obj, slot, { value: compute, writable: true, enumerable: false, configurable: true });
    Object.defineProperty(obj, prop, { get, enumerable: true, configurable: true });
    return obj;
}
class Entry {
    value;
    base;
    locator;
    unknownWhy;
    constructor(value, base, locator, unknownWhy) {
        this.value = value;
        this.base = base;
        this.locator = locator;
        this.unknownWhy = unknownWhy;
    }
    get at() {
        return this.locator(this.base);
    }
    locate(sub) {
        return this.locator([...this.base, ...sub]);
    }
}
const has = (o, k) => !!o && Object.prototype.hasOwnProperty.call(o, k);
/**
 * A plugin's own `config` overlaid on shared config (decK `_plugin_configs[<_config>]`: the plugin's own keys win;
 * decK merges top-level keys only). Each source comes with a locator for paths relative to its root.
 */
class LayeredPluginConfig {
    own;
    ownLocate;
    shared;
    sharedLocate;
    sharedFrom;
    constructor(own, ownLocate, shared, sharedLocate, sharedFrom) {
        this.own = own;
        this.ownLocate = ownLocate;
        this.shared = shared;
        this.sharedLocate = sharedLocate;
        this.sharedFrom = sharedFrom;
    }
    get(key) {
        if (has(this.own, key))
            return new Entry(this.own[key], [key], this.ownLocate);
        if (has(this.shared, key))
            return new Entry(this.shared[key], [key], this.sharedLocate);
        return undefined;
    }
    getIn(key, sub) {
        const top = this.get(key);
        if (!top || top.value === null || typeof top.value !== 'object' || Array.isArray(top.value))
            return undefined;
        const obj = top.value;
        if (!has(obj, sub))
            return undefined;
        return new Entry(obj[sub], [key, sub], has(this.own, key) ? this.ownLocate : this.sharedLocate);
    }
}
exports.LayeredPluginConfig = LayeredPluginConfig;
/** A config whose contents cannot be read (KIC `configFrom` a Secret): every read is unknown with this reason. */
class OpaquePluginConfig {
    why;
    locator;
    constructor(why, locator) {
        this.why = why;
        this.locator = locator;
    }
    get() {
        return new Entry(undefined, [], this.locator, this.why);
    }
    getIn() {
        return new Entry(undefined, [], this.locator, this.why);
    }
}
exports.OpaquePluginConfig = OpaquePluginConfig;
