"use strict";
// The one model every adapter produces and every rule reads: endpoints and the caches in front of them.
// Adapters own platform truth (plugin precedence, `*/*` method settings, managed policy IDs); rules stay
// platform-free wherever the concept is shared. Platform facts: docs/platforms/.
Object.defineProperty(exports, "__esModule", { value: true });
exports.isUnsafe = exports.carriesIdentity = exports.IDENTITY_HEADER = exports.unknown = exports.known = exports.UNSAFE_METHODS = exports.ALL_METHODS = void 0;
exports.ALL_METHODS = ['GET', 'HEAD', 'OPTIONS', 'POST', 'PUT', 'PATCH', 'DELETE'];
exports.UNSAFE_METHODS = ['POST', 'PUT', 'PATCH', 'DELETE'];
const known = (value) => ({ known: true, value });
exports.known = known;
const unknown = (why, at) => ({ known: false, why, at });
exports.unknown = unknown;
/** Request headers that identify the caller: where one reaches the origin without being in the key, callers share entries. */
exports.IDENTITY_HEADER = /^(authorization|proxy-authorization|cookie|x-api-key|api-?key|apikey|x-auth-token|x-access-token|x-id-token|x-session-(id|token)|x-csrf-token|x-consumer-id|x-consumer-username|x-credential-identifier|x-user(-?id|name)?|x-userinfo|x-tenant(-id)?|x-account(-id)?|x-amz-security-token)$/i;
/** A CloudFront `forwardedNotKeyed` entry that carries the caller: any cookie, or an identity header by name. */
const carriesIdentity = (entry) => entry.startsWith('cookie:') || (entry.startsWith('header:') && exports.IDENTITY_HEADER.test(entry.slice('header:'.length)));
exports.carriesIdentity = carriesIdentity;
const isUnsafe = (m) => exports.UNSAFE_METHODS.includes(m);
exports.isUnsafe = isUnsafe;
