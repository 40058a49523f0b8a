"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.ADAPTERS = void 0;
exports.looksLikeOurs = looksLikeOurs;
exports.tagModeFor = tagModeFor;
const cloudformation_1 = require("./cloudformation");
const kong_1 = require("./kong");
// CloudFormation first: a template never looks like Kong, but a Kong sniffer could claim a template's `Resources`.
exports.ADAPTERS = [cloudformation_1.cloudFormationAdapter, kong_1.kongAdapter];
/** Cheap text prefilter for directory walks, so package-lock.json and friends are never parsed. */
function looksLikeOurs(text) {
    return (/AWSTemplateFormatVersion|"?AWS::[A-Za-z0-9]+::/.test(text) ||
        /(^|\n)["']?(_format_version|services|routes|plugins|consumers|consumer_groups)["']?\s*:/.test(text) ||
        /configuration\.konghq\.com|konghq\.com\/|kind:\s*(Ingress|HTTPRoute|Service|List)\b/.test(text));
}
function tagModeFor(text) {
    return /AWSTemplateFormatVersion|AWS::|!Ref\b|!GetAtt\b|!Sub\b/.test(text) ? 'cloudformation' : 'plain';
}
//# sourceMappingURL=index.js.map