// Composes js-yaml 5's flat event stream into plain values and their positions (see parseYaml in ./yaml).
import {
  getScalarValue,
  EVENT_ID,
  SCALAR_STYLE,
  type AliasEvent,
  type Event,
  type MappingEvent,
  type ScalarEvent,
  type ScalarStyle,
  type SequenceEvent,
} from 'js-yaml';
import { InputProblem } from './errors';
import type { LineIndex } from './lines';
import { ContainerPos, YamlDocument } from './document';

// CloudFormation short-form intrinsics (https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/intrinsic-function-reference.html).
const CFN_TAGS: Record<string, string> = {
  '!Ref': 'Ref',
  '!Condition': 'Condition',
  '!GetAtt': 'Fn::GetAtt',
  '!Sub': 'Fn::Sub',
  '!Join': 'Fn::Join',
  '!Select': 'Fn::Select',
  '!Split': 'Fn::Split',
  '!If': 'Fn::If',
  '!Equals': 'Fn::Equals',
  '!And': 'Fn::And',
  '!Or': 'Fn::Or',
  '!Not': 'Fn::Not',
  '!FindInMap': 'Fn::FindInMap',
  '!Base64': 'Fn::Base64',
  '!Cidr': 'Fn::Cidr',
  '!GetAZs': 'Fn::GetAZs',
  '!ImportValue': 'Fn::ImportValue',
  '!Transform': 'Fn::Transform',
  '!ToJsonString': 'Fn::ToJsonString',
  '!Length': 'Fn::Length',
};

const STD_PREFIX = 'tag:yaml.org,2002:';
const STD_TAGS = new Set(['str', 'int', 'float', 'bool', 'null', 'map', 'seq', 'binary', 'timestamp']);

function resolvePlain(s: string): unknown {
  if (s.length === 0) return null;
  const c = s.charCodeAt(0);
  // Fast path: most plain scalars are words that start with a letter other than the few that can resolve.
  if (c >= 97 /* a */ && c <= 122 /* z */ && c !== 110 /* n */ && c !== 116 /* t */ && c !== 102 /* f */) return s;
  switch (s) {
    case '~':
    case 'null':
    case 'Null':
    case 'NULL':
      return null;
    case 'true':
    case 'True':
    case 'TRUE':
      return true;
    case 'false':
    case 'False':
    case 'FALSE':
      return false;
    case '.inf':
    case '.Inf':
    case '.INF':
    case '+.inf':
    case '+.Inf':
    case '+.INF':
      return Infinity;
    case '-.inf':
    case '-.Inf':
    case '-.INF':
      return -Infinity;
    case '.nan':
    case '.NaN':
    case '.NAN':
      return NaN;
  }
  if ((c >= 48 && c <= 57) || c === 45 || c === 43 || c === 46) {
    if (/^[-+]?[0-9]+$/.test(s)) return parseInt(s, 10);
    if (/^0o[0-7]+$/.test(s)) return parseInt(s.slice(2), 8);
    if (/^0x[0-9a-fA-F]+$/.test(s)) return parseInt(s.slice(2), 16);
    if (/^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$/.test(s)) return parseFloat(s);
  }
  return s;
}

interface Frame {
  kind: 'map' | 'seq';
  /** The mapping, filled as members arrive; a sequence's array is made when it closes. */
  value: Record<string, unknown> | unknown[] | undefined;
  /** Index of this container's first member on the member stack. */
  base: number;
  pos: ContainerPos;
  anchor?: string;
  /** CloudFormation intrinsic to wrap this container in when it closes. */
  wrapTag?: string;
  tagStart: number;
  tagEnd: number;
  // mapping state
  pendingKey?: { key: string; start: number; end: number } | undefined;
  merges?: { value: unknown; start: number }[];
  size: number;
}

function isQuoted(style: ScalarStyle): boolean {
  return style === SCALAR_STYLE.SINGLE_QUOTED || style === SCALAR_STYLE.DOUBLE_QUOTED;
}

/**
 * Builds plain values and their positions from js-yaml's flat event stream, one method per event kind. Per-document
 * state (positions, anchors, the node count) starts afresh at each document.
 */
export class Composer {
  private readonly documents: YamlDocument[] = [];
  private positions = new Map<object, ContainerPos>();
  private anchors = new Map<string, { value: unknown; size: number }>();
  private nodes = 0;
  private docStart = 0;
  private readonly stack: Frame[] = [];
  private root: unknown = undefined;
  private rootSet = false;
  // The member stack: members of open containers, innermost on top (a child closes before its parent continues, so
  // each container's members are contiguous). Member j: key mKeys[j], offsets mOffs[4j..4j+3], sequence item mVals[j].
  private readonly mKeys: (string | undefined)[] = [];
  private readonly mOffs: number[] = [];
  private readonly mVals: unknown[] = [];
  private mTop = 0;

  constructor(
    private readonly text: string,
    private readonly lines: LineIndex,
    private readonly maxNodes: number,
    private readonly maxDepth: number,
    private readonly cfn: boolean,
  ) {}

  compose(events: Event[]): YamlDocument[] {
    for (let i = 0; i < events.length; i++) {
      const ev = events[i];
      switch (ev.type) {
        case EVENT_ID.DOCUMENT:
          // The previous document (if any) is complete.
          if (this.rootSet || this.documents.length > 0 || i > 0) this.flushDocument();
          this.docStart = nextContentOffset(events, i);
          break;
        case EVENT_ID.SEQUENCE:
        case EVENT_ID.MAPPING:
          this.open(ev);
          break;
        case EVENT_ID.SCALAR:
          this.scalar(ev);
          break;
        case EVENT_ID.ALIAS:
          this.alias(ev);
          break;
        case EVENT_ID.POP:
          this.close();
          break;
      }
    }
    this.flushDocument();
    return this.documents;
  }

  private open(ev: SequenceEvent | MappingEvent): void {
    const tag = this.tagText(ev.tagStart, ev.tagEnd);
    const wrap = tag ? this.checkTag(tag, ev.tagStart) : '';
    if (this.stack.length >= this.maxDepth) this.fail('too-deep', `nesting deeper than ${this.maxDepth} levels`, ev.start);
    this.count(1, ev.start);
    const seq = ev.type === EVENT_ID.SEQUENCE;
    this.stack.push({
      kind: seq ? 'seq' : 'map',
      value: seq ? undefined : {},
      base: this.mTop,
      pos: new ContainerPos(ev.start),
      anchor: ev.anchorStart >= 0 ? this.text.slice(ev.anchorStart, ev.anchorEnd) : undefined,
      wrapTag: wrap || undefined,
      tagStart: ev.tagStart,
      tagEnd: ev.tagEnd,
      size: 1,
    });
  }

  private scalar(ev: ScalarEvent): void {
    const raw = getScalarValue(this.text, ev);
    const tag = this.tagText(ev.tagStart, ev.tagEnd);
    let value: unknown = ev.style === SCALAR_STYLE.PLAIN && !tag ? resolvePlain(raw) : raw;
    if (tag) {
      const wrap = this.checkTag(tag, ev.tagStart);
      if (wrap) value = this.wrapIntrinsic(wrap, raw, ev.tagStart, ev.tagEnd, ev.valueStart, ev.valueEnd);
      else value = applyStdTag(tag, raw, value);
    }
    this.count(1, ev.valueStart);
    if (ev.anchorStart >= 0) {
      const anchor = this.text.slice(ev.anchorStart, ev.anchorEnd);
      if (anchor) this.anchors.set(anchor, { value, size: 1 });
    }
    if (ev.valueStart < 0) {
      // An empty scalar (`-` or `key:` with nothing after it) has no offset: its tag, its key's end or its container.
      const top = this.stack[this.stack.length - 1];
      const where = ev.tagStart >= 0 ? ev.tagStart : (top?.pendingKey?.end ?? top?.pos.start ?? this.docStart);
      this.add(value, 1, where, where);
      return;
    }
    // Quoted scalars: point at the opening quote, where the token starts for the reader.
    const quoted = isQuoted(ev.style);
    const valueStart = quoted ? ev.valueStart - 1 : ev.valueStart;
    const start = ev.tagStart >= 0 && ev.tagStart < valueStart ? ev.tagStart : valueStart;
    this.add(value, 1, start === ev.valueEnd && ev.anchorStart >= 0 ? ev.anchorStart : start, quoted ? ev.valueEnd + 1 : ev.valueEnd);
  }

  private alias(ev: AliasEvent): void {
    const name = this.text.slice(ev.anchorStart, ev.anchorEnd);
    const target = this.anchors.get(name);
    if (!target) return this.fail('parse', `alias *${name} refers to no anchor defined before it`, ev.anchorStart - 1);
    this.count(target.size, ev.anchorStart - 1);
    this.add(target.value, target.size, ev.anchorStart - 1, ev.anchorEnd);
  }

  /** A container closes (a pop with no open container ends a document: nothing to do). */
  private close(): void {
    const frame = this.stack.pop();
    if (!frame) return;
    if (frame.kind === 'map' && frame.merges) this.applyMerges(frame);
    // Exact-size member arrays (and the sequence itself) from the member stack.
    const pos = frame.pos;
    const top = this.mTop;
    if (top > frame.base) pos.offs = this.mOffs.slice(4 * frame.base, 4 * top);
    if (frame.kind === 'map') pos.keys = this.mKeys.slice(frame.base, top) as string[];
    else frame.value = this.mVals.slice(frame.base, top);
    this.mTop = frame.base;
    this.positions.set(frame.value!, pos);
    let value: unknown = frame.value;
    if (frame.wrapTag) value = this.wrapIntrinsic(frame.wrapTag, value, frame.tagStart, frame.tagEnd, pos.start, pos.start);
    if (frame.anchor) this.anchors.set(frame.anchor, { value, size: frame.size });
    this.add(value, frame.size, frame.tagStart >= 0 ? Math.min(frame.tagStart, pos.start) : pos.start, pos.start);
  }

  private flushDocument(): void {
    if (!this.rootSet) return;
    this.documents.push(new YamlDocument(this.root, this.positions, this.lines, this.docStart, this.documents.length));
    this.root = undefined;
    this.rootSet = false;
    this.positions = new Map();
    this.anchors = new Map();
    this.nodes = 0;
  }

  /** Adds a finished value to the parent container (or makes it the root). */
  private add(value: unknown, size: number, start: number, end: number): void {
    const top = this.stack[this.stack.length - 1];
    if (!top) {
      this.root = value;
      this.rootSet = true;
      return;
    }
    top.size += size;
    if (top.kind === 'seq') {
      this.pushMember(undefined, start, end, start, end, value);
      return;
    }
    if (!top.pendingKey) {
      // This value is a key.
      const key = value === null || typeof value !== 'object' ? String(value) : JSON.stringify(value);
      top.pendingKey = { key, start, end };
      return;
    }
    const { key, start: ks, end: ke } = top.pendingKey;
    top.pendingKey = undefined;
    if (key === '<<' && !isQuotedMergeKey(this.text, ks)) {
      (top.merges ??= []).push({ value, start: ks });
      return;
    }
    const map = top.value as Record<string, unknown>;
    // Merges are applied when the mapping closes, so until then the mapping holds exactly its explicit keys.
    if (Object.prototype.hasOwnProperty.call(map, key)) {
      const first = this.lines.position(this.mOffs[4 * this.mKeys.indexOf(key, top.base)]);
      this.fail('duplicate-key', `duplicate key "${key}" (first defined at line ${first.line}); YAML parsers keep only one of them, silently`, ks);
    }
    this.pushMember(key, ks, ke, start, end, undefined);
    if (key === '__proto__') Object.defineProperty(map, key, { value, enumerable: true, writable: true, configurable: true });
    else map[key] = value;
  }

  private pushMember(key: string | undefined, keyStart: number, keyEnd: number, valueStart: number, valueEnd: number, value: unknown): void {
    const j = this.mTop++;
    const offs = this.mOffs;
    this.mKeys[j] = key;
    this.mVals[j] = value;
    offs[4 * j] = keyStart;
    offs[4 * j + 1] = keyEnd;
    offs[4 * j + 2] = valueStart;
    offs[4 * j + 3] = valueEnd;
  }

  private applyMerges(frame: Frame): void {
    const map = frame.value as Record<string, unknown>;
    for (const m of frame.merges!) {
      const sources = Array.isArray(m.value) ? m.value : [m.value];
      for (const src of sources) {
        if (src === null || typeof src !== 'object' || Array.isArray(src))
          this.fail('parse', 'merge key "<<" must refer to a mapping or a list of mappings', m.start);
        const srcPos = this.positions.get(src as object);
        for (const k of Object.keys(src as object)) {
          if (Object.prototype.hasOwnProperty.call(map, k)) continue; // explicit keys and earlier merges win
          this.count(1, m.start);
          map[k] = (src as Record<string, unknown>)[k];
          const p = srcPos ? srcPos.find(k) : -1;
          if (p >= 0) this.pushMember(k, srcPos!.offs[4 * p], srcPos!.offs[4 * p + 1], srcPos!.offs[4 * p + 2], srcPos!.offs[4 * p + 3], undefined);
          else this.pushMember(k, m.start, m.start, m.start, m.start, undefined);
        }
      }
    }
  }

  private wrapIntrinsic(tag: string, value: unknown, tagStart: number, tagEnd: number, valueStart: number, valueEnd: number): unknown {
    const fn = CFN_TAGS[tag];
    if (fn === 'Fn::GetAtt' && typeof value === 'string') {
      const dot = value.indexOf('.');
      value = dot > 0 ? [value.slice(0, dot), value.slice(dot + 1)] : [value];
    }
    const wrapper = { [fn]: value };
    const pos = new ContainerPos(tagStart);
    pos.keys = [fn];
    pos.offs = [tagStart, tagEnd, valueStart, valueEnd];
    this.positions.set(wrapper, pos);
    return wrapper;
  }

  /** The CloudFormation tag to wrap with, '' for a standard tag; throws for an unknown tag. */
  private checkTag(tag: string, offset: number): string {
    if (!tag || tag === '!') return '';
    if (STD_TAGS.has(tag.startsWith('!!') ? tag.slice(2) : tag.startsWith('!<' + STD_PREFIX) ? tag.slice(2 + STD_PREFIX.length, -1) : '')) return '';
    if (this.cfn && CFN_TAGS[tag]) return tag;
    return this.fail(
      'unknown-tag',
      this.cfn
        ? `unknown YAML tag ${tag}: not a CloudFormation intrinsic function`
        : `unknown YAML tag ${tag}: cachelint does not guess what a custom tag means`,
      offset,
    );
  }

  private tagText(start: number, end: number): string {
    return start >= 0 ? this.text.slice(start, end) : '';
  }

  private count(n: number, offset: number): void {
    this.nodes += n;
    if (this.nodes > this.maxNodes)
      this.fail('alias-limit', `document expands to more than ${this.maxNodes} nodes through aliases or merge keys (an alias bomb?)`, offset);
  }

  private fail(code: string, message: string, offset: number): never {
    const p = this.lines.position(offset);
    throw new InputProblem(code, message, p.line, p.column);
  }
}

function nextContentOffset(events: Event[], i: number): number {
  const e = events[i + 1];
  if (!e) return 0;
  const start = e.type === EVENT_ID.SEQUENCE || e.type === EVENT_ID.MAPPING ? e.start : e.type === EVENT_ID.SCALAR ? e.valueStart : 0;
  return Math.max(0, start); // an empty document (`---` alone) has no offset: the top
}

function isQuotedMergeKey(text: string, keyStart: number): boolean {
  const c = text.charCodeAt(keyStart);
  return c === 34 || c === 39;
}

function applyStdTag(tag: string, raw: string, resolved: unknown): unknown {
  const name = tag.startsWith('!!') ? tag.slice(2) : tag.startsWith('!<') ? tag.slice(2 + STD_PREFIX.length, -1) : '';
  switch (name) {
    case 'str':
    case 'binary':
    case 'timestamp':
      return raw;
    case 'int': {
      const n = Number(raw);
      return Number.isNaN(n) ? raw : n;
    }
    case 'float': {
      const n = parseFloat(raw);
      return Number.isNaN(n) ? raw : n;
    }
    case 'bool':
      return /^(true|True|TRUE)$/.test(raw) ? true : /^(false|False|FALSE)$/.test(raw) ? false : raw;
    case 'null':
      return null;
    default:
      return resolved;
  }
}
