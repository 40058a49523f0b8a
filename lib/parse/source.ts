// Reading an input file: size limit, binary and encoding checks, BOM. Nothing here guesses: a file that cannot be
// read as UTF-8 text is a located error, never an empty scan.
import { readFileSync, statSync } from 'node:fs';
import { InputProblem } from './errors';

export const DEFAULT_MAX_BYTES = 20 * 1024 * 1024;

const decoder = new TextDecoder('utf-8', { fatal: true });

export function readSource(file: string, maxBytes = DEFAULT_MAX_BYTES): string {
  let size: number;
  try {
    const st = statSync(file);
    // A FIFO or device would block or never end: only regular files are configuration.
    if (!st.isFile()) throw new InputProblem('unreadable', st.isDirectory() ? 'is a directory' : 'not a regular file (a FIFO, socket or device)');
    size = st.size;
  } catch (e) {
    if (e instanceof InputProblem) throw e;
    throw new InputProblem('unreadable', `cannot read file: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
  }
  if (size > maxBytes)
    throw new InputProblem('too-large', `file is ${size} bytes, over the ${maxBytes}-byte limit (set maxFileBytes in cachelint.config.yaml to raise it)`);
  let buf: Buffer;
  try {
    buf = readFileSync(file);
  } catch (e) {
    throw new InputProblem('unreadable', `cannot read file: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
  }
  return decodeSource(buf);
}

export function decodeSource(buf: Buffer): string {
  const nul = buf.indexOf(0);
  if (nul !== -1) {
    const { line, column } = positionOfByte(buf, nul);
    throw new InputProblem('binary', 'binary content (a NUL byte): not a text configuration file', line, column);
  }
  let text: string;
  try {
    text = decoder.decode(buf);
  } catch {
    const bad = firstInvalidUtf8(buf);
    const { line, column } = positionOfByte(buf, bad);
    throw new InputProblem('encoding', 'not valid UTF-8 (YAML and JSON inputs must be UTF-8)', line, column);
  }
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

function positionOfByte(buf: Buffer, index: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < index; i++)
    if (buf[i] === 10) {
      line++;
      lineStart = i + 1;
    }
  // Columns count UTF-16 units like every other position (the bytes before `index` on its line are valid UTF-8).
  return { line, column: buf.toString('utf8', lineStart, index).length + 1 };
}

function firstInvalidUtf8(buf: Buffer): number {
  let i = 0;
  while (i < buf.length) {
    const b = buf[i];
    const n = b < 0x80 ? 1 : b >> 5 === 6 ? 2 : b >> 4 === 14 ? 3 : b >> 3 === 30 ? 4 : 0;
    if (n === 0) return i;
    for (let k = 1; k < n; k++) if (i + k >= buf.length || buf[i + k] >> 6 !== 2) return i;
    i += n;
  }
  return buf.length;
}
