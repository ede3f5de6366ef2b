// SPDX-License-Identifier: Apache-2.0
// A real OpenID provider (npm oidc-provider) for Tessera's social sign-in tests, on 127.0.0.1 only.
//   node server.js <port>
// prints "listening <issuer>" once it accepts connections. Signing in needs no page: the interaction is finished at
// once as the user the test chose. Tests steer it through POST /_control (JSON, merged into the knobs below):
//   user                  the claims of whoever signs in next ({ sub, email, email_verified, given_name, ... })
//   redirect_uris         the client's registered redirect URIs (the Tessera server's port is known only after it starts)
//   authorize_error       e.g. "access_denied": the authorization answers the client with ?error=... instead of a code
//   token                 "ok" | "401" (invalid_client) | "500" (the token endpoint fails) | "garbage" (answers 200 with a non-JSON body) | "down" (drops the connection)
//   id_token              "ok" | "unknown_key" (signed by a key the JWKS does not have) | "wrong_audience"
//   userinfo              "ok" | "500" (the user info endpoint, /me, fails) | "garbage" (answers 200 with a non-JSON body) | "down" (drops the connection)
//   userinfo_claims       null | claims the user info answer carries over the user's (so it differs from the ID token)
//   interactive           false | true: the login prompt is the provider's own page (a form with "Sign in", #provider-sign-in)
//                         instead of finishing at once, for tests that drive a real browser through it
// POST /_control/reset puts every knob back.
import http from 'node:http';
import { generateKeyPair, exportJWK, SignJWT, decodeJwt, decodeProtectedHeader } from 'jose';
import Provider from 'oidc-provider';

const port = Number(process.argv[2]);
const issuer = `http://127.0.0.1:${port}`;
const defaults = () => ({
  user: { sub: 'provider-user-1', email: 'social@example.org', email_verified: true, given_name: 'Social', family_name: 'User' },
  redirect_uris: ['http://127.0.0.1/unset'],
  authorize_error: null,
  token: 'ok',
  id_token: 'ok',
  userinfo: 'ok',
  userinfo_claims: null,
  interactive: false,
});
let knobs = defaults();

const { privateKey } = await generateKeyPair('RS256', { extractable: true });
const signingJwk = { ...(await exportJWK(privateKey)), kid: 'fixture-key-1', alg: 'RS256', use: 'sig' };
const stranger = (await generateKeyPair('RS256', { extractable: true })).privateKey;

const storage = new Map();
class MemoryAdapter {
  constructor(name) { this.name = name; }
  key(id) { return `${this.name}:${id}`; }
  async upsert(id, payload) {
    storage.set(this.key(id), payload);
    if (payload.uid) storage.set(`${this.name}:uid:${payload.uid}`, id);
    if (payload.grantId) storage.set(`grant:${payload.grantId}:${this.key(id)}`, true);
  }
  async find(id) {
    if (this.name === 'Client') {
      return id === 'tessera' ? {
        client_id: 'tessera', client_secret: 'tessera-secret', redirect_uris: knobs.redirect_uris,
        grant_types: ['authorization_code'], response_types: ['code'], token_endpoint_auth_method: 'client_secret_basic',
      } : undefined;
    }
    return storage.get(this.key(id));
  }
  async findByUid(uid) { const id = storage.get(`${this.name}:uid:${uid}`); return id ? this.find(id) : undefined; }
  async findByUserCode() { return undefined; }
  async consume(id) { const found = storage.get(this.key(id)); if (found) found.consumed = Math.floor(Date.now() / 1000); }
  async destroy(id) { storage.delete(this.key(id)); }
  async revokeByGrantId() {}
}

const provider = new Provider(issuer, {
  adapter: MemoryAdapter,
  jwks: { keys: [signingJwk] },
  claims: { openid: ['sub'], email: ['email', 'email_verified'], profile: ['given_name', 'family_name', 'name'] },
  conformIdTokenClaims: false,
  findAccount: async (_ctx, sub) => ({
    accountId: sub,
    claims: async () => ({ ...knobs.user, sub }),
  }),
  features: { devInteractions: { enabled: false } },
  interactions: { url: (_ctx, interaction) => `/interaction/${interaction.uid}` },
  pkce: { required: () => true },
  cookies: { keys: ['fixture-cookie-key'] },
});
provider.proxy = false;

async function finishInteraction(req, res) {
  const details = await provider.interactionDetails(req, res);
  if (knobs.authorize_error) {
    return provider.interactionFinished(req, res,
      { error: knobs.authorize_error, error_description: 'The fixture was told to refuse' }, { mergeWithLastSubmission: false });
  }
  if (details.prompt.name === 'login') {
    return provider.interactionFinished(req, res, { login: { accountId: knobs.user.sub } }, { mergeWithLastSubmission: false });
  }
  const grant = new provider.Grant({ accountId: details.session.accountId, clientId: details.params.client_id });
  grant.addOIDCScope(details.params.scope);
  const grantId = await grant.save();
  return provider.interactionFinished(req, res, { consent: { grantId } }, { mergeWithLastSubmission: true });
}

// The token endpoint's answer, changed as the knobs say (the ID token re-signed with a stranger's key or another audience).
async function tamperedTokenResponse(body) {
  const tokens = JSON.parse(body);
  if (tokens.id_token && knobs.id_token !== 'ok') {
    const claims = decodeJwt(tokens.id_token);
    const header = decodeProtectedHeader(tokens.id_token);
    const key = knobs.id_token === 'unknown_key' ? stranger : privateKey;
    const kid = knobs.id_token === 'unknown_key' ? 'stranger-key' : header.kid;
    if (knobs.id_token === 'wrong_audience') claims.aud = 'someone-else';
    tokens.id_token = await new SignJWT(claims).setProtectedHeader({ alg: 'RS256', kid }).sign(key);
  }
  return JSON.stringify(tokens);
}

// Lets oidc-provider answer, then hands its body to change (string or promise) before it is sent.
function rewriteAnswer(res, change) {
  const chunks = [];
  const { write, end } = res;
  res.write = (c) => { chunks.push(Buffer.from(c)); return true; };
  res.end = (c) => {
    if (c) chunks.push(Buffer.from(c));
    const body = Buffer.concat(chunks).toString();
    Object.assign(res, { write, end });
    Promise.resolve(res.statusCode === 200 ? change(body) : body).then((changed) => {
      res.setHeader('content-length', Buffer.byteLength(changed));
      res.end(changed);
    });
    return res;
  };
}

function readBody(req) {
  return new Promise((resolve) => { let data = ''; req.on('data', (c) => { data += c; }); req.on('end', () => resolve(data)); });
}

const oidc = provider.callback();
const server = http.createServer(async (req, res) => {
  try {
    const path = req.url.split('?')[0];
    if (req.method === 'POST' && path === '/_control/reset') {
      knobs = defaults();
      res.writeHead(204).end();
      return;
    }
    if (req.method === 'POST' && path === '/_control') {
      knobs = { ...knobs, ...JSON.parse(await readBody(req)) };
      res.writeHead(204).end();
      return;
    }
    if (path.startsWith('/interaction/')) {
      if (knobs.interactive && req.method === 'GET') {
        const details = await provider.interactionDetails(req, res);
        if (details.prompt.name === 'login') {
          res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(
            `<!doctype html><html><head><title>Fixture provider sign-in</title></head><body><h1>Fixture provider</h1>`
            + `<p id="provider-account">${knobs.user.email ?? knobs.user.sub}</p><form method="post" action="${path}">`
            + `<button type="submit" id="provider-sign-in">Sign in</button></form></body></html>`);
          return;
        }
      }
      if (req.method === 'POST') await readBody(req);
      await finishInteraction(req, res);
      return;
    }
    if (path === '/me') {
      if (knobs.userinfo === 'down') { req.socket.destroy(); return; }
      if (knobs.userinfo === '500') { res.writeHead(500, { 'content-type': 'text/plain' }).end('internal error'); return; }
      if (knobs.userinfo === 'garbage') { res.writeHead(200, { 'content-type': 'application/json' }).end('<html>not json'); return; }
      if (knobs.userinfo_claims) rewriteAnswer(res, (body) => JSON.stringify({ ...JSON.parse(body), ...knobs.userinfo_claims }));
    }
    if (path === '/token') {
      if (knobs.token === 'down') { req.socket.destroy(); return; }
      if (knobs.token === '401') {
        res.writeHead(401, { 'content-type': 'application/json' }).end('{"error":"invalid_client","error_description":"client authentication failed"}');
        return;
      }
      if (knobs.token === '500') { res.writeHead(500, { 'content-type': 'text/plain' }).end('internal error'); return; }
      if (knobs.token === 'garbage') { res.writeHead(200, { 'content-type': 'application/json' }).end('<html>not json'); return; }
      if (knobs.id_token !== 'ok') rewriteAnswer(res, tamperedTokenResponse);
    }
    oidc(req, res);
  } catch (e) {
    res.writeHead(500, { 'content-type': 'text/plain' }).end(String(e));
  }
});

server.listen(port, '127.0.0.1', () => { process.stdout.write(`listening ${issuer}\n`); });
// The test process ends the provider by closing its stdin (or killing it); either way it never outlives the tests.
process.stdin.on('end', () => process.exit(0));
process.stdin.resume();
