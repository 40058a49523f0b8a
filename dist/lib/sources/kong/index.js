"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.kongAdapter = exports.scopeText = exports.PluginIndex = exports.PRECEDENCE = exports.cacheKindOf = exports.NO_STORE_PLUGINS = exports.AUTH_PLUGINS = exports.detectKong = exports.placeholderWhy = exports.findPlaceholder = exports.routeText = exports.methodsFromList = exports.methodsFromExpression = exports.KONG_FORMAT_VERSIONS = exports.readDeckState = exports.buildKongModel = exports.OpaquePluginConfig = exports.LayeredPluginConfig = exports.defineLazyLocation = void 0;
const build_1 = require("./build");
const deck_1 = require("./deck");
const detect_1 = require("./detect");
var state_1 = require("./state");
Object.defineProperty(exports, "defineLazyLocation", { enumerable: true, get: function () { return state_1.defineLazyLocation; } });
Object.defineProperty(exports, "LayeredPluginConfig", { enumerable: true, get: function () { return state_1.LayeredPluginConfig; } });
Object.defineProperty(exports, "OpaquePluginConfig", { enumerable: true, get: function () { return state_1.OpaquePluginConfig; } });
var build_2 = require("./build");
Object.defineProperty(exports, "buildKongModel", { enumerable: true, get: function () { return build_2.buildKongModel; } });
var deck_2 = require("./deck");
Object.defineProperty(exports, "readDeckState", { enumerable: true, get: function () { return deck_2.readDeckState; } });
Object.defineProperty(exports, "KONG_FORMAT_VERSIONS", { enumerable: true, get: function () { return deck_2.KONG_FORMAT_VERSIONS; } });
var routes_1 = require("./routes");
Object.defineProperty(exports, "methodsFromExpression", { enumerable: true, get: function () { return routes_1.methodsFromExpression; } });
Object.defineProperty(exports, "methodsFromList", { enumerable: true, get: function () { return routes_1.methodsFromList; } });
Object.defineProperty(exports, "routeText", { enumerable: true, get: function () { return routes_1.routeText; } });
var placeholders_1 = require("./placeholders");
Object.defineProperty(exports, "findPlaceholder", { enumerable: true, get: function () { return placeholders_1.findPlaceholder; } });
Object.defineProperty(exports, "placeholderWhy", { enumerable: true, get: function () { return placeholders_1.placeholderWhy; } });
var detect_2 = require("./detect");
Object.defineProperty(exports, "detectKong", { enumerable: true, get: function () { return detect_2.detectKong; } });
var plugins_1 = require("./plugins");
Object.defineProperty(exports, "AUTH_PLUGINS", { enumerable: true, get: function () { return plugins_1.AUTH_PLUGINS; } });
Object.defineProperty(exports, "NO_STORE_PLUGINS", { enumerable: true, get: function () { return plugins_1.NO_STORE_PLUGINS; } });
Object.defineProperty(exports, "cacheKindOf", { enumerable: true, get: function () { return plugins_1.cacheKindOf; } });
var precedence_1 = require("./precedence");
Object.defineProperty(exports, "PRECEDENCE", { enumerable: true, get: function () { return precedence_1.PRECEDENCE; } });
Object.defineProperty(exports, "PluginIndex", { enumerable: true, get: function () { return precedence_1.PluginIndex; } });
Object.defineProperty(exports, "scopeText", { enumerable: true, get: function () { return precedence_1.scopeText; } });
exports.kongAdapter = {
    format: 'kong',
    tags: 'plain',
    detect: (doc) => (0, detect_1.detectKong)(doc),
    toModels({ file, parsed }) {
        const model = { file, endpoints: [], facts: [] };
        const errors = [];
        parsed.documents.forEach((doc, i) => {
            // An empty document (a leading `---`, a trailing one) holds nothing to lint, wherever it is; detection already
            // found a Kong document in this file, so skipping empties cannot make a file pass unread.
            if (doc.value === null || doc.value === undefined)
                return;
            if (!(0, detect_1.detectKong)(doc)) {
                const l = doc.locate([]);
                errors.push({ file, line: l.line, column: l.column, code: 'unknown-format', message: `YAML document ${i + 1} is not a Kong declarative configuration` });
                return;
            }
            const { state, errors: readErrors } = (0, deck_1.readDeckState)(file, doc);
            const built = (0, build_1.buildKongModel)(state, { file, flavor: 'kong' });
            model.endpoints.push(...built.endpoints);
            model.facts.push(...built.facts);
            errors.push(...readErrors);
        });
        return { models: [model], errors };
    },
};
exports.default = exports.kongAdapter;
//# sourceMappingURL=index.js.map