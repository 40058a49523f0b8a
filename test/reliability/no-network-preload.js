// Preloaded into the CLI by security.test.ts: any network use fails loudly and is recorded.
'use strict';
const net = require('node:net');
const dns = require('node:dns');
const http = require('node:http');
const https = require('node:https');
const tripped = (what) => {
  process.stderr.write(`NETWORK ATTEMPT: ${what}\n`);
  throw new Error(`network access attempted: ${what}`);
};
net.Socket.prototype.connect = function () {
  tripped('net.Socket.connect');
};
dns.lookup = () => tripped('dns.lookup');
dns.resolve = () => tripped('dns.resolve');
http.request = () => tripped('http.request');
https.request = () => tripped('https.request');
globalThis.fetch = () => tripped('fetch');
