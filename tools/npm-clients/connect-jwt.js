#!/usr/bin/env node
// Atlassian's own JWT library (atlassian-jwt) as an oracle for accessgate's tests.
// Reads a JSON array of cases on stdin and writes a JSON array of results on stdout.
// Each case: { method, url, baseUrl?, now, leeway,
//              sign?: { secret | privateKeyPem, kid?, alg?, claims, url?, method?, tamper? },
//              verify?: { secret | publicKeyPem, aud? } }
// Result: { canonical, qsh, token?, accepted?, reason? }
// "accepted" is the reference verdict: the library's decoder (signature and algorithm), then
// exp/iat within the leeway, aud when asked, and qsh equal to the library's hash of the request.
'use strict';
const jwt = require('atlassian-jwt');

function b64url(text) {
  return Buffer.from(text).toString('base64').replace(/\+/g, '-').replace(/\//g, '_').replace(/=/g, '');
}

function sign(c) {
  const s = c.sign;
  const req = jwt.fromMethodAndUrl(s.method || c.method, s.url || c.url);
  const claims = Object.assign({ qsh: jwt.createQueryStringHash(req, false, c.baseUrl) }, s.claims);
  let token;
  if (s.alg === 'none') {
    token = b64url(JSON.stringify({ alg: 'none', typ: 'JWT' })) + '.' + b64url(JSON.stringify(claims)) + '.';
  } else if (s.privateKeyPem) {
    token = jwt.encodeAsymmetric(claims, s.privateKeyPem, s.alg || 'RS256', s.kid ? { kid: s.kid } : undefined);
  } else {
    token = jwt.encodeSymmetric(claims, s.secret, s.alg || 'HS256');
  }
  if (s.tamper) {
    const [header, , signature] = token.split('.');
    token = [header, b64url(JSON.stringify(Object.assign({}, claims, s.tamper))), signature].join('.');
  }
  return token;
}

function verdict(c, token) {
  const v = c.verify;
  let payload;
  try {
    payload = v.publicKeyPem ? jwt.decodeAsymmetric(token, v.publicKeyPem, 'RS256')
      : jwt.decodeSymmetric(token, v.secret, 'HS256');
  } catch (e) {
    return { accepted: false, reason: 'decoder: ' + e.message.split(' for input')[0] };
  }
  const now = c.now, leeway = c.leeway;
  if (typeof payload.exp !== 'number' || now - leeway > payload.exp) return { accepted: false, reason: 'exp' };
  if (typeof payload.iat !== 'number' || now + leeway < payload.iat) return { accepted: false, reason: 'iat' };
  if (v.aud && !(payload.aud || []).some(a => a.replace(/\/+$/, '') === v.aud.replace(/\/+$/, ''))) {
    return { accepted: false, reason: 'aud' };
  }
  const qsh = jwt.createQueryStringHash(jwt.fromMethodAndUrl(c.method, c.url), false, c.baseUrl);
  if (payload.qsh !== qsh) return { accepted: false, reason: 'qsh' };
  return { accepted: true };
}

let input = '';
process.stdin.setEncoding('utf8');
process.stdin.on('data', chunk => { input += chunk; });
process.stdin.on('end', () => {
  const results = JSON.parse(input).map(c => {
    const req = jwt.fromMethodAndUrl(c.method, c.url);
    const result = {
      canonical: jwt.createCanonicalRequest(req, false, c.baseUrl),
      qsh: jwt.createQueryStringHash(req, false, c.baseUrl),
    };
    if (c.sign) {
      result.token = sign(c);
      if (c.verify) Object.assign(result, verdict(c, result.token));
    }
    return result;
  });
  process.stdout.write(JSON.stringify(results));
});
