// Reading the docs pages in tests: sections by heading (headings inside code fences are not headings) and fenced
// code blocks with their language and line.
export interface Page {
  lines: string[];
  /** H2 title → body lines (fenced code blocks included). */
  sections: Map<string, string[]>;
  h2: string[];
}

export interface Fence {
  lang: string;
  text: string;
  /** 1-based line of the opening fence within the lines given. */
  line: number;
}

/** Headings of one level (`## ` or `### `) → the lines under each, up to the next heading of that level. */
export function headings(lines: string[], marker: '## ' | '### '): Map<string, string[]> {
  const out = new Map<string, string[]>();
  let current: string[] | undefined;
  let inFence = false;
  for (const line of lines) {
    if (line.startsWith('```')) inFence = !inFence;
    if (!inFence && line.startsWith(marker)) {
      out.set(line.slice(marker.length).trim(), (current = []));
      continue;
    }
    current?.push(line);
  }
  return out;
}

export function parsePage(text: string): Page {
  const lines = text.split('\n');
  // h2 keeps repeats and order (the sections map cannot): a page with a section twice must fail its checks.
  const h2: string[] = [];
  let inFence = false;
  for (const line of lines) {
    if (line.startsWith('```')) inFence = !inFence;
    else if (!inFence && line.startsWith('## ')) h2.push(line.slice(3).trim());
  }
  return { lines, sections: headings(lines, '## '), h2 };
}

export const subsections = (body: string[]) => headings(body, '### ');

export function fences(lines: string[]): Fence[] {
  const out: Fence[] = [];
  let open: { lang: string; start: number; body: string[] } | undefined;
  lines.forEach((line, i) => {
    if (!line.startsWith('```')) return open?.body.push(line);
    if (open) {
      out.push({ lang: open.lang, text: open.body.join('\n'), line: open.start + 1 });
      open = undefined;
    } else open = { lang: line.slice(3).trim(), start: i, body: [] };
  });
  if (open) throw new Error(`unclosed code fence at line ${open.start + 1}`);
  return out;
}
