// Every real Kong file in the shared corpus, each named on its own, through scan(): nothing crashes, every file is
// scanned or rejected with a located error, and the rule ids per file are pinned (reviewed by hand: see the notes).
import { readdirSync } from 'node:fs';
import { scan } from '../../../lib/engine';
import { describeCorpus } from '../../helpers/corpus';

// Findings per file (rule id → count). Every other file must produce none.
const EXPECTED_FINDINGS: Record<string, Record<string, number>> = {
  // Third-party `response-cache` on a route without methods: unverifiable (CL006), and no no-store (CL003).
  'DanielRailean__kong-response-cache__spec.yaml': { CL003: 1, CL006: 1 },
  // graphql-proxy-cache-advanced on the POST GraphQL route: caches POST by design (CL001 at warning severity); it
  // stores those POSTs and nothing sets no-store on the route (CL003, reported beside CL001: another fix).
  'Kong__KongAir__PRD__kong__kong.yaml': { CL001: 1, CL003: 1 },
  'Kong__KongAir__experience__kong__experience-service.yaml': { CL001: 1, CL003: 1 },
  // /webhook route accepting POST/PUT/DELETE with no no-store (webhook path pattern).
  'Rezen351__enterprise-iot-modular-microservices__infra__kong__kong.yml': { CL003: 1 },
  // Third-party `response-cache` on a GET-only route: only whether its key separates callers is unknown.
  'allbarbos__kong-response-cache__kong-declarative-config.yaml': { CL006: 1 },
  // Supabase's /auth/v1/callback and /callback routes (OAuth redirects) are not webhooks: no longer in the default
  // webhook paths, so those files are clean.
  // proxy-cache-advanced (GET/HEAD, cache_control false, no auth) on two routes without methods.
  'mark-sivill-kong__kong-gateway-enterprise-3-0-new-features__demo-utility__files__kong_config__kong3.yaml': { CL002: 2, CL003: 2, CL004: 2 },
};

// Located errors per file (code@line).
const EXPECTED_ERRORS: Record<string, string[]> = {
  // Not valid YAML as published.
  'CAcquaviva__kong-ai-gateway-langgraph__konnect__kong_agent_multi_llm_plugins_extservices.yaml': ['parse@115'],
  'Song2017__kong-cache-redis__kong__kong.yml': ['parse@68'],
  // decK patch / add-plugins inputs named alone: recognised, but the state they change is not in the scan (at their
  // `patches:` / `add-plugins:` key).
  'KongHQ-CX__kw-platform-ops__.github__actions__publish-api-configuration__plugins__rate-limiting.yaml': ['deck-patch-without-base@3'],
  'Kong__KongAir__flight-data__routes__dev__kong__patches.yaml': ['deck-patch-without-base@3'],
  'rami-kong__kong-se-konnect-deck-demo__config__kong__plugins__ratelimit.yaml': ['deck-patch-without-base@2'],
  // Split decK files referring to a _plugin_configs entry or a service defined in another file.
  'Kong__KongAir__experience__kong__experience-service.yaml': ['unresolved-reference@7'],
  'Kong__kong_ai_gateway-portkey-litellm-benchmark__deck__kong.yaml': ['unresolved-reference@45'],
  'amey-admane__kong-deck-configuration__kong__routes__fleet-routes.yaml': [
    'unresolved-reference@4',
    'unresolved-reference@20',
    'unresolved-reference@36',
    'unresolved-reference@52',
    'unresolved-reference@69',
  ],
};

describeCorpus('kong', 'Kong corpus through scan()', (DIR) => {
  const files = readdirSync(DIR)
    .filter((f) => /\.ya?ml$/.test(f))
    .sort();
  it('has 75 files', () => expect(files).toHaveLength(75));

  it.each(files)('%s', (name) => {
    const r = scan([name], { cwd: DIR });
    expect(r.files).toHaveLength(1);
    for (const e of r.errors) {
      expect(e.code).not.toBe('internal');
      expect(e.line).toBeGreaterThan(0);
      expect(e.column).toBeGreaterThan(0);
    }
    expect(r.errors.map((e) => `${e.code}@${e.line}`)).toEqual(EXPECTED_ERRORS[name] ?? []);
    expect(r.files[0].status).toBe(EXPECTED_ERRORS[name] ? 'error' : 'scanned');
    const counts: Record<string, number> = {};
    for (const f of r.findings) counts[f.ruleId] = (counts[f.ruleId] ?? 0) + 1;
    expect(counts).toEqual(EXPECTED_FINDINGS[name] ?? {});
    for (const f of r.findings) expect(f.line).toBeGreaterThan(0);
  });
});
