// `--format json`: the contract of `ScanResult` in lib/findings.ts. Suppressed findings stay in the list
// with their `suppressed.reason`, so an audit sees them.
import type { Reporter } from './types';
import { summarize } from './summary';
import { TOOL_NAME, VERSION } from '../meta';

export const json: Reporter = (result) =>
  JSON.stringify(
    {
      tool: { name: TOOL_NAME, version: VERSION },
      files: result.files,
      findings: result.findings,
      errors: result.errors,
      summary: summarize(result),
    },
    null,
    2,
  ) + '\n';
