"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.FORMATS = void 0;
exports.isFormat = isFormat;
exports.reporterFor = reporterFor;
exports.availableFormats = availableFormats;
exports.FORMATS = ['stylish', 'json', 'sarif', 'junit', 'github'];
/* eslint-disable @typescript-eslint/no-require-imports -- a static import would load every format at start-up */
const loaders = {
    stylish: () => require('./stylish').stylish,
    json: () => require('./json').json,
    sarif: () => require('./sarif').sarif,
    junit: () => require('./junit').junit,
    github: () => require('./github').github,
};
/* eslint-enable @typescript-eslint/no-require-imports */
function isFormat(name) {
    return name in loaders;
}
function reporterFor(format) {
    const load = loaders[format];
    if (!load)
        throw new Error(`unknown format "${format}" (one of: ${Object.keys(loaders).join(', ')})`);
    return load();
}
function availableFormats() {
    return Object.keys(loaders);
}
