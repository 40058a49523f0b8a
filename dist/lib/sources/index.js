"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.ADAPTERS = void 0;
exports.lazyAdapter = lazyAdapter;
exports.looksLikeOurs = looksLikeOurs;
exports.tagModeFor = tagModeFor;
exports.screenText = screenText;
const detect_1 = require("./cloudformation/detect");
const detect_2 = require("./kong/detect");
const detect_3 = require("./kong-ingress/detect");
/** An adapter whose `toModels` module is required on the first file it converts. */
function lazyAdapter(format, detect, load, extra = {}) {
    let adapter;
    const lazy = { format, detect, toModels: (input) => (adapter ??= load()).toModels(input) };
    if (extra.together)
        lazy.toModelsTogether = (inputs) => (adapter ??= load()).toModelsTogether(inputs);
    if (extra.screenText)
        lazy.screenText = extra.screenText;
    return lazy;
}
/* eslint-disable @typescript-eslint/no-require-imports */
// CloudFormation first: a template never looks like Kong, but a Kong sniffer could claim a template's `Resources`.
exports.ADAPTERS = [
    lazyAdapter('cloudformation', (doc, file) => (0, detect_1.isTemplate)(doc.value, file), () => require('./cloudformation').cloudFormationAdapter),
    // decK patch / add-plugins files are Kong's too: read together with the state files they change.
    lazyAdapter('kong', (doc) => (0, detect_2.detectKong)(doc) || (0, detect_2.detectDeckPatch)(doc), () => require('./kong').kongAdapter, { together: true }),
    // Kubernetes manifests (apiVersion + kind) never look like decK files, and decK never has apiVersion/kind.
    lazyAdapter('kong-ingress', (doc) => (0, detect_3.detectKongIngress)(doc), () => require('./kong-ingress').kongIngressAdapter, {
        together: true,
        screenText: detect_3.screenKongIngressText,
    }),
];
/* eslint-enable @typescript-eslint/no-require-imports */
/** Cheap text prefilter for directory walks, so package-lock.json and friends are never parsed. */
function looksLikeOurs(text) {
    return (/AWSTemplateFormatVersion|"?AWS::[A-Za-z0-9]+::/.test(text) ||
        /(^|\n)["']?(_format_version|services|routes|plugins|consumers|consumer_groups|add-plugins|patches)["']?\s*:/.test(text) ||
        /configuration\.konghq\.com|konghq\.com\/|kind:\s*(Ingress|HTTPRoute|Service|List)\b/.test(text));
}
function tagModeFor(text) {
    return /AWSTemplateFormatVersion|AWS::|!Ref\b|!GetAtt\b|!Sub\b/.test(text) ? 'cloudformation' : 'plain';
}
/** The first adapter's verdict on a file's raw text before parsing (see SourceAdapter.screenText). */
function screenText(text, file) {
    for (const a of exports.ADAPTERS) {
        const verdict = a.screenText?.(text, file);
        if (verdict)
            return verdict;
    }
    return undefined;
}
