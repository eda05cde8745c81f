#!/usr/bin/env node
// A tiny HTTP handler for accessgate's tests: answers like a Forge function, using the real
// InvocationError of @forge/events. Listens on 127.0.0.1 only.
//
//   node forge-handler.js <port>        (0 = any free port; prints "listening <port>")
//
// POST /h/ok                      200 {"ok":true}
// POST /h/retry?after=&reason=&bigdata=1
//                                 200 + JSON of new InvocationError({retryAfter, retryReason, retryData})
//                                 retryData = {"previousRetryCount": <n or 0>, "userName": "john"}
//                                 (bigdata=1: a 5,000-character string inside it)
// POST /h/default-retry           200 + JSON of new InvocationError() (Forge's default options)
// POST /h/status/<code>           that status, a short text body
// POST /h/sleep/<ms>              waits, then 200 {"ok":true}
// GET  /calls                     every POST received so far: [{path, at, headers, body}]
'use strict';
const http = require('http');
const { InvocationError } = require('@forge/events');

const port = Number(process.argv[2] || 0);
const calls = [];

function json(res, status, value) {
  const text = JSON.stringify(value);
  res.writeHead(status, { 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(text) });
  res.end(text);
}

function answer(url, event, res) {
  const parts = url.pathname.split('/').filter(Boolean); // ['h', scenario, arg]
  const scenario = parts[1];
  if (scenario === 'ok') {
    return json(res, 200, { ok: true });
  }
  if (scenario === 'retry') {
    const options = {};
    if (url.searchParams.has('after')) options.retryAfter = Number(url.searchParams.get('after'));
    if (url.searchParams.has('reason')) options.retryReason = url.searchParams.get('reason');
    options.retryData = {
      previousRetryCount: event && event.retryContext ? event.retryContext.retryCount : 0,
      userName: 'john',
    };
    if (url.searchParams.get('bigdata') === '1') options.retryData.padding = 'x'.repeat(5000);
    return json(res, 200, new InvocationError(options));
  }
  if (scenario === 'default-retry') {
    return json(res, 200, new InvocationError());
  }
  if (scenario === 'status') {
    const status = Number(parts[2]);
    res.writeHead(status, { 'Content-Type': 'text/plain' });
    return res.end('status ' + status);
  }
  if (scenario === 'sleep') {
    return setTimeout(() => json(res, 200, { ok: true }), Number(parts[2]));
  }
  return json(res, 404, { error: 'unknown scenario ' + scenario });
}

const server = http.createServer((req, res) => {
  const url = new URL(req.url, 'http://127.0.0.1');
  if (req.method === 'GET' && url.pathname === '/calls') {
    return json(res, 200, calls);
  }
  const chunks = [];
  req.on('data', (chunk) => chunks.push(chunk));
  req.on('end', () => {
    const text = Buffer.concat(chunks).toString('utf8');
    let event = null;
    try {
      event = JSON.parse(text);
    } catch (e) {
      event = null;
    }
    const headers = {};
    for (const [name, value] of Object.entries(req.headers)) {
      if (name.startsWith('x-accessgate-') || name === 'content-type') headers[name] = value;
    }
    calls.push({ path: url.pathname + url.search, at: Date.now(), headers, body: event, raw: text });
    answer(url, event, res);
  });
});

server.listen(port, '127.0.0.1', () => {
  process.stdout.write('listening ' + server.address().port + '\n');
});
process.on('SIGTERM', () => server.close(() => process.exit(0)));
