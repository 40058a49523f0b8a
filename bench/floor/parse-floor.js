#!/usr/bin/env node
// The parse floor for a YAML linter that reports positions: read the file and run js-yaml 5 `parseEvents` (a flat
// event stream with source offsets; no values, no line numbers, no rules, no output). Nothing real can be faster
// than this with the same parser, so cachelint / floor says how much the rest of the work costs.
// Usage: node bench/floor/parse-floor.js FILE
'use strict';
const { parseEvents } = require('js-yaml');
const text = require('node:fs').readFileSync(process.argv[2], 'utf8');
const events = parseEvents(text, {});
if (events.length === 0) process.exit(3);
