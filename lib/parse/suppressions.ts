// `# cachelint-disable-next-line CL001[, CL002] -- reason` comments. A reason is required: without one the comment
// suppresses nothing and is itself reported, so every silenced finding carries an audit trail. What a comment covers
// (the YAML node on the next line) is measured here; which findings it silences is decided in lib/suppress.ts.
import type { YamlFile } from './yaml';

export interface CommentSuppression {
  /** The 1-based line the comment is on. */
  line: number;
  column: number;
  /** Just past the comment's last character, for reports that underline it. */
  endColumn: number;
  /** The line it covers: the next line that is not blank or a comment. */
  target: number;
  ruleIds: string[]; // empty = all rules
  reason?: string;
  /** Lines of the node that starts on `target` (a plugin item, a route, a resource, a whole document); set by
   *  coverNodes. Without it the comment covers the target line only. */
  covers?: { line: number; endLine: number };
}

const MARKER = 'cachelint-disable-next-line';
const COMMENT = /^(\s*)#\s*cachelint-disable-next-line\b(.*)$/;

export function findSuppressions(text: string): CommentSuppression[] {
  if (!text.includes(MARKER)) return []; // the common case costs one scan
  const lines = text.split(/\r?\n/);
  const out: CommentSuppression[] = [];
  for (let i = 0; i < lines.length; i++) {
    const m = COMMENT.exec(lines[i]);
    if (!m) continue;
    const [spec, ...rest] = m[2].split('--');
    const reason = rest.join('--').trim() || undefined;
    const ruleIds = spec
      .split(/[\s,]+/)
      .map((s) => s.trim().toUpperCase())
      .filter(Boolean);
    let target = i + 1;
    while (target < lines.length && /^\s*(#.*)?$/.test(lines[target])) target++;
    out.push({ line: i + 1, column: m[1].length + 1, endColumn: lines[i].trimEnd().length + 1, target: target + 1, ruleIds, reason });
  }
  return out;
}

/**
 * Sets each comment's `covers`: the outermost mapping entry or sequence item that starts on its target line, or the
 * whole document when the target is the document's first line or its `---`. Only the lines below a comment are
 * measured, so a file pays for this only when it has comments.
 */
export function coverNodes(parsed: YamlFile, comments: readonly CommentSuppression[]): void {
  for (const c of comments) {
    let covers: CommentSuppression['covers'];
    if (/^---(\s|$)/.test(parsed.lines.lineText(c.target))) {
      // A `---` starts the next document: cover all of it (a Kong Ingress manifest, one of several in a file).
      const doc = parsed.documents.find((d) => parsed.lines.position(d.start).line >= c.target);
      const root = doc && parsed.lines.position(doc.start).line;
      if (doc) covers = { line: c.target, endLine: doc.extentAt(root!)?.endLine ?? root! };
    } else {
      for (const doc of parsed.documents) if ((covers = doc.extentAt(c.target))) break;
    }
    if (covers) c.covers = covers;
  }
}
