// Which resources a value refers to: the logical ids behind Ref, GetAtt and Sub, read without resolving anything.

/**
 * The logical id a value refers to and the attribute it reads: `!Ref X` → { id: X }, `!GetAtt X.Attr` →
 * { id: X, attr: Attr }, and the same written as a Sub (`!Sub ${X}`, `!Sub ${X.Attr}`). Undefined otherwise.
 */
export function refTarget(raw: unknown): { id: string; attr?: string } | undefined {
  if (!raw || typeof raw !== 'object' || Array.isArray(raw)) return undefined;
  const r = raw as Record<string, unknown>;
  if (typeof r.Ref === 'string') return { id: r.Ref };
  const ga = r['Fn::GetAtt'];
  const parts: unknown[] | undefined = Array.isArray(ga) ? ga : typeof ga === 'string' ? ga.split('.') : undefined;
  if (parts?.length === 2 && typeof parts[0] === 'string' && typeof parts[1] === 'string') return { id: parts[0], attr: parts[1] };
  const sub = typeof r['Fn::Sub'] === 'string' ? /^\$\{([^}.!]+)(?:\.([^}]+))?\}$/.exec(r['Fn::Sub'].trim()) : null;
  if (!sub) return undefined;
  return sub[2] === undefined ? { id: sub[1] } : { id: sub[1], attr: sub[2] };
}

/** Logical ids a value refers to (Ref, Fn::GetAtt, `${X}` / `${X.Attr}` in Fn::Sub), for cross-resource links. */
export function referencedIds(v: unknown, out = new Set<string>()): Set<string> {
  if (Array.isArray(v)) {
    for (const x of v) referencedIds(x, out);
    return out;
  }
  if (v === null || typeof v !== 'object') return out;
  for (const [key, val] of Object.entries(v as Record<string, unknown>)) {
    if (key === 'Ref' && typeof val === 'string') out.add(val);
    else if (key === 'Fn::GetAtt') {
      const first: unknown = Array.isArray(val) ? (val as unknown[])[0] : typeof val === 'string' ? val.split('.')[0] : undefined;
      if (typeof first === 'string') out.add(first);
    } else if (key === 'Fn::Sub') {
      const text: unknown = Array.isArray(val) ? (val as unknown[])[0] : val;
      if (typeof text === 'string') for (const m of text.matchAll(/\$\{([^!}][^}.]*)(\.[^}]*)?\}/g)) out.add(m[1].trim());
      if (Array.isArray(val)) referencedIds(val[1], out);
      if (typeof text !== 'string') referencedIds(text, out);
    } else referencedIds(val, out);
  }
  return out;
}
