// Readable text of KongState parts for the Kong and Kong Ingress state tests.
import type { KongEntity, KongPlugin } from '../../lib/sources/kong/state';

/** A plugin instance's scope as `route=… consumer=…`, or `global`. */
export const scopeOf = (p: KongPlugin): string =>
  Object.entries(p.scope)
    .map(([k, e]) => `${k}=${(e as KongEntity).label}`)
    .join(' ') || 'global';
