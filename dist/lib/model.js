"use strict";
// The one model every adapter produces and every rule reads: endpoints and the caches in front of them.
// Adapters own platform truth (plugin precedence, `*/*` method settings, managed policy IDs); rules stay
// platform-free wherever the concept is shared. Platform facts: docs/platforms/.
Object.defineProperty(exports, "__esModule", { value: true });
exports.isUnsafe = exports.unknown = exports.known = exports.UNSAFE_METHODS = exports.ALL_METHODS = void 0;
exports.ALL_METHODS = ['GET', 'HEAD', 'OPTIONS', 'POST', 'PUT', 'PATCH', 'DELETE'];
exports.UNSAFE_METHODS = ['POST', 'PUT', 'PATCH', 'DELETE'];
const known = (value) => ({ known: true, value });
exports.known = known;
const unknown = (why, at) => ({ known: false, why, at });
exports.unknown = unknown;
const isUnsafe = (m) => exports.UNSAFE_METHODS.includes(m);
exports.isUnsafe = isUnsafe;
//# sourceMappingURL=model.js.map