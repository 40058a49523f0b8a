// Minimal glob → RegExp: `**` any depth, `*` within a segment, `?` one character. Enough for ignore lists and
// webhook path patterns; node's path.matchesGlob is still experimental on Node 20 and prints a warning.
export function globToRegExp(glob: string): RegExp {
  let re = '';
  for (let i = 0; i < glob.length; i++) {
    const c = glob[i];
    if (c === '*') {
      if (glob[i + 1] === '*') {
        i++;
        if (glob[i + 1] === '/') {
          i++;
          re += '(?:.*/)?';
        } else re += '.*';
      } else re += '[^/]*';
    } else if (c === '?') re += '[^/]';
    else re += c.replace(/[.+^${}()|[\]\\]/g, '\\$&');
  }
  return new RegExp(`^${re}$`);
}

export function matchesAny(value: string, patterns: readonly RegExp[]): boolean {
  for (const p of patterns) if (p.test(value)) return true;
  return false;
}
