// Formats are loaded on demand: the CLI's cold start pays only for the one it prints.
import type { Reporter } from './types';

export const FORMATS = ['stylish', 'json', 'sarif', 'junit', 'github'] as const;
export type Format = (typeof FORMATS)[number];

const loaders: Record<string, () => Reporter> = {
  stylish: () => require('./stylish').stylish,
  json: () => require('./json').json,
  sarif: () => require('./sarif').sarif,
  junit: () => require('./junit').junit,
  github: () => require('./github').github,
};

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
