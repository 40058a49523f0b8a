// Every real Kong file in the shared corpus: parse once, detect, convert. Only InputProblem may be thrown (two files
// are not valid YAML as published); everything else must produce a model, and detect() must claim every state file.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseYaml, type YamlFile } from '../../../lib/parse/yaml';
import { InputProblem } from '../../../lib/parse/errors';
import { kongAdapter } from '../../../lib/sources/kong';
import { describeCorpus } from '../../helpers/corpus';

// Not Kong state files: decK patch inputs (`deck file patch` / `deck file add-plugins`). Claimed, and alone they have
// no state to change: reported as unjudged, with no model.
const NOT_STATE_FILES = new Set([
  'Kong__KongAir__flight-data__routes__dev__kong__patches.yaml',
  'rami-kong__kong-se-konnect-deck-demo__config__kong__plugins__ratelimit.yaml',
  'KongHQ-CX__kw-platform-ops__.github__actions__publish-api-configuration__plugins__rate-limiting.yaml',
]);
const INVALID_YAML = new Set([
  'CAcquaviva__kong-ai-gateway-langgraph__konnect__kong_agent_multi_llm_plugins_extservices.yaml',
  'Song2017__kong-cache-redis__kong__kong.yml',
]);

describeCorpus('kong', 'Kong corpus', (DIR) => {
  const files = readdirSync(DIR)
    .filter((f) => /\.ya?ml$/.test(f))
    .sort();
  it('has the 75 files the brief names', () => expect(files).toHaveLength(75));

  const summary: string[] = [];
  afterAll(() => {
    if (process.env.CORPUS_SUMMARY) console.log(summary.join('\n'));
  });

  it.each(files)('%s', (name) => {
    const text = readFileSync(join(DIR, name), 'utf8');
    let parsed: YamlFile;
    try {
      parsed = parseYaml(text, { tags: 'plain' });
    } catch (e) {
      expect(e).toBeInstanceOf(InputProblem);
      expect((e as InputProblem).line).toBeGreaterThan(0);
      expect(INVALID_YAML.has(name)).toBe(true);
      summary.push(`${name}: parse error line ${(e as InputProblem).line}: ${(e as Error).message}`);
      return;
    }
    expect(INVALID_YAML.has(name)).toBe(false);
    expect(kongAdapter.detect(parsed.documents[0], name)).toBe(true);
    const out = kongAdapter.toModels({ file: name, parsed });
    if (NOT_STATE_FILES.has(name)) {
      expect(out.models).toEqual([]);
      expect(out.errors).toEqual([]);
      expect(out.unjudged?.map((u) => `${u.file}:${u.code}`)).toEqual([`${name}:deck-patch-without-base`]);
      summary.push(`${name}: decK patch file without its base`);
      return;
    }
    expect(out.models).toHaveLength(1);
    for (const e of out.errors) {
      expect(e.file).toBe(name);
      expect(e.line).toBeGreaterThan(0);
    }
    const m = out.models[0];
    for (const ep of m.endpoints) {
      expect(ep.at.line).toBeGreaterThan(0);
      for (const l of ep.caches) expect(l.at.line).toBeGreaterThan(0);
    }
    summary.push(
      `${name}: ${m.endpoints.length} routes, ${m.endpoints.reduce((n, e) => n + e.caches.length, 0)} cache layers, ` +
        `${m.endpoints.filter((e) => e.noStore.known && e.noStore.value).length} no-store, errors: ${out.errors.map((e) => `${e.code}@${e.line}`).join(' ') || '-'}`,
    );
  });
});
