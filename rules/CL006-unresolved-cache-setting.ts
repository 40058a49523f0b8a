import type { Rule, RuleHit } from '../lib/findings';
import type { ConfigFact, Endpoint, SourceLocation, UnresolvedReason, Value } from '../lib/model';
import { cachedHere, joinAnd, settingId, unsafeAccepted } from './helpers';

// A value we cannot resolve statically (`!Ref`, a CDK token, `${{ env "DECK_X" }}`) is neither safe nor unsafe.
// Reporting it is the difference between "no findings" and "no findings we could see".
export const CL006: Rule = {
  id: 'CL006',
  name: 'unresolved-cache-setting',
  severity: 'warning',
  summary: "A value that decides another rule's outcome cannot be resolved statically.",
  rationale:
    'Parameters, CDK tokens and decK environment placeholders are decided at deploy time. cachelint never assumes them safe: ' +
    'it names the value and the rule it blocks, so the gap is visible in review.',
  docs: 'docs/rules/CL006.md',
  remediation: {
    kong: 'Lint the rendered file (`deck file render` with the DECK_ variables set) or use a literal for settings that decide caching; otherwise suppress with a reason.',
    'kong-ingress':
      'Use an inline `config` for settings that decide caching (a `configFrom` Secret is not visible to a static scan), or suppress with a reason.',
    cloudformation: 'Use a literal value for settings that decide caching, or constrain the parameter with AllowedValues; acknowledge with a reason otherwise.',
    cdk: 'Use a literal (not a token) for settings that decide caching, or acknowledge with a reason.',
  },
  check(endpoint: Endpoint): RuleHit[] {
    const unresolved: Unresolved[] = [];
    // `what` names the value in full; `again` names it after another value of the same layer (pronoun form).
    const report = (v: Value<unknown>, what: string, blocks: string[], subject = '', again = what, settingOf?: string) => {
      if (!v.known) unresolved.push({ at: v.at, what, again, subject, why: v.why, blocks, settingOf });
    };
    const writes = unsafeAccepted(endpoint);
    const mayWrite = writes === undefined || writes.length > 0;
    // The accepted methods decide CL001-CL003 only where a cache or a webhook path makes them matter: a route with
    // neither has nothing to decide, and reporting it would be noise (e.g. a KongIngress override no file defines).
    const methodsMatter = endpoint.caches.length > 0 || endpoint.webhook;
    if (methodsMatter) report(endpoint.methods, 'The accepted methods', ['CL001', 'CL002', 'CL003']);
    for (const layer of endpoint.caches) {
      const on = (v: Value<unknown>, what: string, again: string, blocks: string[]) => report(v, what, blocks, layer.name, again, settingId(endpoint, layer));
      on(layer.cachedMethods, `Which methods ${layer.name} caches`, 'which methods it caches', ['CL001']);
      const applies = cachedHere(endpoint, layer);
      if (applies && applies.length === 0) continue;
      if (mayWrite) on(layer.honorsOriginNoStore, `Whether ${layer.name} honours no-store`, 'whether it honours no-store', ['CL002']);
      if (mayWrite && layer.kind.startsWith('cloudfront-')) on(layer.ttl, `The TTL of ${layer.name}`, 'its TTL', ['CL005']);
      on(layer.keyIncludesIdentity, `Whether the key of ${layer.name} separates callers`, 'whether its key separates callers', ['CL004']);
    }
    if (mayWrite && methodsMatter) report(endpoint.noStore, 'The Cache-Control policy', ['CL003']);
    return groupByLocation(unresolved).map((group) => hitFor(endpoint, group));
  },
  checkFact(fact: ConfigFact): RuleHit[] {
    if (fact.kind !== 'unresolved-setting') return [];
    return [
      {
        at: fact.at,
        findingId: fact.findingId,
        resource: fact.resource,
        route: fact.route,
        platform: fact.platform,
        message: describeUnresolved(fact.reason) + (fact.blocks.length ? ` This decides ${fact.blocks.join(', ')}.` : ''),
        remediation: { summary: CL006.remediation[fact.flavor] ?? 'Use a literal value, or acknowledge with a reason.' },
      },
    ];
  },
};

/** What an adapter could not resolve, in words: the value, why, and what that leaves unknown. */
export function describeUnresolved(r: UnresolvedReason): string {
  switch (r.kind) {
    case 'method-setting':
      return `The MethodSetting on stage ${r.stage} cannot be resolved: ${r.why}; whether it caches a write method is unknown.`;
    case 'method-setting-key':
      return `The MethodSetting's ${r.field} on stage ${r.stage} cannot be resolved: ${r.why}; which method it caches is unknown.`;
    case 'stage-caching':
      return `Whether stage ${r.stage} caches cannot be resolved: ${r.why}.`;
    case 'method-unresolved':
      return `Stage ${r.stage} ${r.cachesSurely ? 'caches' : 'may cache'}, and the ${r.part} of ${r.method} cannot be resolved${r.why === undefined ? '' : `: ${r.why}`}: whether its cache stores this method's responses is unknown.`;
    case 'methods-elsewhere':
      return `Stage ${r.stage} ${r.cachesSurely ? 'has caching on' : 'may cache'}, but the methods of API ${r.api} are not in this template (${r.why}): cachelint cannot tell which methods and keys the cache applies to.`;
    case 'foreach':
      return `${r.key} generates ${r.types.join(', ')} resources at deploy time (AWS::LanguageExtensions); cachelint does not expand Fn::ForEach, so their cache settings are not judged.`;
    case 'distribution-config':
      return `The DistributionConfig of ${r.distribution} cannot be resolved: ${r.why}.`;
    case 'cache-behaviour':
      return `A cache behaviour of ${r.distribution} cannot be resolved${r.why ? `: ${r.why}` : ''}; its methods and cache are unknown.`;
    case 'plugin-scope':
      return `The scope of ${r.plugin} cannot be resolved: ${r.why}.`;
  }
}

interface Unresolved {
  at: SourceLocation;
  what: string;
  again: string;
  subject: string;
  why: string;
  blocks: string[];
  /** The setting id of the layer the value belongs to: one finding for every route that layer serves. */
  settingOf?: string;
}

// One place in the file, one finding: a `configFrom` Secret hides every proxy-cache setting behind one line, and
// three findings there would ask for the same fix three times.
function groupByLocation(unresolved: Unresolved[]): Unresolved[][] {
  const groups = new Map<string, Unresolved[]>();
  for (const u of unresolved) {
    const key = `${u.at.file}:${u.at.line}:${u.at.column}`;
    const group = groups.get(key);
    if (!group) groups.set(key, [u]);
    else if (!group.some((g) => g.what === u.what && g.why === u.why)) group.push(u);
  }
  return [...groups.values()];
}

function hitFor(endpoint: Endpoint, group: Unresolved[]): RuleHit {
  const unique = (xs: string[]) => [...new Set(xs)];
  const whats = group.map((u, i) => (i === 0 ? u.what : u.subject && u.subject === group[i - 1].subject ? u.again : lowerFirst(u.what)));
  const blocks = unique(group.flatMap((u) => u.blocks));
  const message =
    `${joinAnd(whats)} ({routes}) cannot be resolved: ${commonWhy(unique(group.map((u) => u.why)))}. ` +
    `This decides ${blocks.join(', ')}; cachelint does not assume ${group.length > 1 ? 'them' : 'it'} safe.`;
  const settings = unique(group.map((u) => u.settingOf ?? ''));
  return {
    at: group[0].at,
    findingId: settings.length === 1 && settings[0] ? settings[0] : undefined,
    message,
    remediation: { summary: CL006.remediation[endpoint.flavor] ?? 'Use a literal value, or acknowledge with a reason.' },
  };
}

// Values hidden by one cause differ only in the field they name, e.g. "… cannot read (the request_method of
// proxy-cache)" and "… (the vary_headers of proxy-cache)": the cause is said once; the fields are in the message.
function commonWhy(whys: string[]): string {
  if (whys.length === 1) return whys[0];
  const bases = new Set(whys.map((w) => w.replace(/ \(the [^()]*\)$/, '')));
  return bases.size === 1 ? [...bases][0] : whys.join('; ');
}

function lowerFirst(s: string): string {
  return s.charAt(0).toLowerCase() + s.slice(1);
}
