// Formats are loaded on demand: the CLI's cold start pays only for the one it prints.
import type { Reporter } from './types';

export const FORMATS = ['stylish', 'json', 'sarif', 'junit', 'github'] as const;
export type Format = (typeof FORMATS)[number];

/* eslint-disable @typescript-eslint/no-require-imports -- a static import would load every format at start-up */
const loaders: Record<string, () => Reporter> = {
  stylish: () => (require('./stylish') as typeof import('./stylish')).stylish,
  json: () => (require('./json') as typeof import('./json')).json,
  sarif: () => (require('./sarif') as typeof import('./sarif')).sarif,
  junit: () => (require('./junit') as typeof import('./junit')).junit,
  github: () => (require('./github') as typeof import('./github')).github,
};
/* eslint-enable @typescript-eslint/no-require-imports */

export function isFormat(name: string): name is Format {
  return name in loaders;
}

export function reporterFor(format: string): Reporter {
  const load = loaders[format];
  if (!load) throw new Error(`unknown format "${format}" (one of: ${Object.keys(loaders).join(', ')})`);
  return load();
}

export function availableFormats(): string[] {
  return Object.keys(loaders);
}
