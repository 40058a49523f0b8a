// One line for a command line that util.parseArgs rejects. Its own message for an unknown option ends in advice about
// `--` ("as in '-- "--fix"'") that reads as garbage to someone who typed an option cachelint does not have.
export function argvProblem(error: unknown, command: string): string {
  // Not `instanceof Error`: parseArgs throws node's own TypeError, from another realm under jest's vm contexts.
  const message = String((error as { message?: unknown } | undefined)?.message ?? error);
  const unknown = /^Unknown option '([^']*)'/.exec(message);
  const what = unknown
    ? `unknown option '${unknown[1]}'`
    : message
        .split('\n')[0]
        .replace(/^Option\b/, 'option')
        .replace(/\.$/, '');
  return `${command}: ${what} (see ${command} --help)`;
}
