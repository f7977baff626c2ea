// Development OpenID Provider simulating a Finnish identification broker (bank codes /
// mobile certificate over OpenID Connect) for the Heka portal: dev runs, demos and tests.
// NOT for production: in-memory storage, fictional test persons, no real authentication.
import crypto from 'node:crypto';
import http from 'node:http';

import Provider, { interactionPolicy } from 'oidc-provider';

const env = process.env;
const PORT = Number.parseInt(env.OIDC_PORT || '3900', 10);
const ISSUER = `http://127.0.0.1:${PORT}`;
const CLIENT_ID = 'heka-portal';
const CLIENT_SECRET = env.OIDC_CLIENT_SECRET || 'dev-oidc-secret-not-for-production';
const REDIRECT_URIS = (env.OIDC_REDIRECT_URIS
  || 'http://localhost:3000/register/callback,http://127.0.0.1:3000/register/callback')
  .split(',').map((uri) => uri.trim()).filter(Boolean);
// Tests whose app port is only known later may accept the same path on any loopback port.
const ANY_LOOPBACK_PORT = ['1', 'true', 'yes']
  .includes((env.OIDC_ALLOW_ANY_LOOPBACK_PORT || '').toLowerCase());
const IDENTITY_CLAIM = env.OIDC_IDENTITY_CLAIM || 'hetu';
const LOA2 = 'http://ftn.ficora.fi/2017/loa2';
const LOA3 = 'http://ftn.ficora.fi/2017/loa3';
const ACR = env.OIDC_ACR || LOA2; // what the "bank" asserts; override to test the app's check

// DVV-style test persons (individual numbers 900-999 are never given to real people).
const TEST_PERSONS = [
  { hetu: '010594Y9032', given: 'Tiina', family: 'Testaaja', note: 'aikuinen / adult' },
  { hetu: '020516C903K', given: 'Onni', family: 'Testaaja', note: 'lapsi / child' },
  { hetu: '010501E9032', given: 'Aapo', family: 'Esimerkki', note: 'aikuinen / adult' },
];

const CHECK_CHARS = '0123456789ABCDEFHJKLMNPRSTUVWXY';
const CENTURY = { '+': 1800, '-': 1900, Y: 1900, X: 1900, W: 1900, V: 1900, U: 1900 };
for (const sign of 'ABCDEF') CENTURY[sign] = 2000;

/** Canonical identity code and ISO birthdate, or null when the code is not valid. */
function parseHetu(raw) {
  const code = String(raw || '').trim().toUpperCase();
  const m = /^(\d{2})(\d{2})(\d{2})([-+A-FU-Y])(\d{3})([0-9A-Y])$/.exec(code);
  if (!m) return null;
  const [, dd, mm, yy, sign, nnn, check] = m;
  if (CHECK_CHARS[Number(`${dd}${mm}${yy}${nnn}`) % 31] !== check) return null;
  const birthdate = `${CENTURY[sign] + Number(yy)}-${mm}-${dd}`;
  const date = new Date(`${birthdate}T00:00:00Z`);
  if (Number.isNaN(date.getTime()) || date.toISOString().slice(0, 10) !== birthdate) return null;
  return { hetu: code, birthdate };
}

// accountId -> person. The sub is opaque and stable per person, as with a real broker;
// the identity code travels only in its own claim.
const accounts = new Map();
function remember(hetu, given, family) {
  const parsed = parseHetu(hetu);
  if (!parsed) return null;
  const id = crypto.createHash('sha256').update(`heka-dev-broker:${parsed.hetu}`)
    .digest('base64url').slice(0, 22);
  accounts.set(id, { id, ...parsed, given, family });
  return id;
}
for (const p of TEST_PERSONS) remember(p.hetu, p.given, p.family);

// A fresh signing key at every start: no private key lives in the repository, and the
// portal fetches the JWKS anyway (a restart only voids logins that were half-way through).
const { privateKey } = crypto.generateKeyPairSync('rsa', { modulusLength: 2048 });
const kid = `dev-${crypto.randomBytes(6).toString('hex')}`;
const signingJwk = { ...privateKey.export({ format: 'jwk' }), kid, alg: 'RS256', use: 'sig' };

// The broker identifies the person every time (no single sign-on between registrations).
const { Check } = interactionPolicy;
const policy = interactionPolicy.base();
policy.get('login').checks.add(new Check(
  'broker_always_identifies',
  'every authorization request identifies the person anew',
  (ctx) => (ctx.oidc.result?.login ? Check.NO_NEED_TO_PROMPT : Check.REQUEST_PROMPT),
));

const esc = (value) => String(value ?? '').replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

const provider = new Provider(ISSUER, {
  clients: [{
    client_id: CLIENT_ID,
    client_secret: CLIENT_SECRET,
    redirect_uris: REDIRECT_URIS,
    response_types: ['code'],
    grant_types: ['authorization_code'],
    token_endpoint_auth_method: 'client_secret_basic',
    id_token_signed_response_alg: 'RS256',
  }],
  jwks: { keys: [signingJwk] },
  cookies: { keys: [crypto.randomBytes(32).toString('base64url')] },
  pkce: { required: () => true }, // S256 is the only method oidc-provider 9 implements
  scopes: ['openid', 'profile'],
  claims: {
    // acr under openid: every ID token states the assurance level, as brokers' do (by
    // default oidc-provider adds acr only when the client sent acr_values).
    openid: ['sub', 'acr'],
    profile: ['name', 'given_name', 'family_name', 'birthdate', IDENTITY_CLAIM],
  },
  acrValues: [LOA2, LOA3],
  // Brokers put the person's claims in the ID token itself, not only behind userinfo.
  conformIdTokenClaims: false,
  enabledJWA: { idTokenSigningAlgValues: ['RS256'] },
  features: { devInteractions: { enabled: false } },
  interactions: { policy, url: (ctx, interaction) => `/interaction/${interaction.uid}` },
  ttl: {
    AccessToken: 600, AuthorizationCode: 60, IdToken: 600, Interaction: 600, Session: 600, Grant: 600,
  },
  async findAccount(ctx, id) {
    const person = accounts.get(id);
    if (!person) return undefined;
    const claims = {
      sub: id,
      name: `${person.given} ${person.family}`,
      given_name: person.given,
      family_name: person.family,
      birthdate: person.birthdate,
      [IDENTITY_CLAIM]: person.hetu,
    };
    return { accountId: id, claims: async () => claims };
  },
  // Identification implies consent at a broker: grant the requested scopes, no consent screen.
  async loadExistingGrant(ctx) {
    const grant = new ctx.oidc.provider.Grant({
      clientId: ctx.oidc.client.clientId,
      accountId: ctx.oidc.session.accountId,
    });
    grant.addOIDCScope('openid profile');
    await grant.save();
    return grant;
  },
  async renderError(ctx, out) {
    ctx.type = 'html';
    const message = `${esc(out.error)}: ${esc(out.error_description)}`;
    ctx.body = page('Virhe / Error', `<h1>Virhe / Error</h1><p role="alert">${message}</p>`);
  },
});

if (ANY_LOOPBACK_PORT) {
  const exact = provider.Client.prototype.redirectUriAllowed;
  const stripPort = (uri) => {
    try {
      const u = new URL(uri);
      if (u.protocol !== 'http:' || !['127.0.0.1', 'localhost'].includes(u.hostname)) return null;
      u.port = '';
      return u.href;
    } catch { return null; }
  };
  provider.Client.prototype.redirectUriAllowed = function redirectUriAllowed(value) {
    if (exact.call(this, value)) return true;
    const loose = stripPort(value);
    return loose !== null && this.redirectUris.some((u) => stripPort(u) === loose);
  };
}

function page(title, body) {
  return `<!doctype html><html lang="fi"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1"><title>${esc(title)}</title>
<style>body{font-family:system-ui,sans-serif;max-width:36rem;margin:2rem auto;padding:0 1rem;line-height:1.5;color:#111}
button{font:inherit;display:block;width:100%;margin:.5rem 0;padding:.75rem;border:2px solid #0000bf;border-radius:4px;background:#fff;color:#0000bf;text-align:left;cursor:pointer}
button:hover,button:focus-visible{background:#0000bf;color:#fff;outline:3px solid #ffbf47}
label{display:block;margin-top:.75rem;font-weight:600}input{font:inherit;width:100%;padding:.5rem;box-sizing:border-box;border:2px solid #555}
.error{color:#b00020;font-weight:600}.note{color:#444}</style></head><body><main>${body}</main></body></html>`;
}

function loginPage(uid, error) {
  // The button's name is exactly "Given Family (code)"; the note is its description.
  const persons = TEST_PERSONS.map((p, i) => `<li><form method="post" action="/interaction/${esc(uid)}/login">
<input type="hidden" name="hetu" value="${esc(p.hetu)}"><button type="submit" aria-describedby="note-${i}">${esc(`${p.given} ${p.family} (${p.hetu})`)}</button>
<span class="note" id="note-${i}">${esc(p.note)}</span></form></li>`).join('');
  return page('Tunnistautuminen / Identification', `<h1>Testitunnistus / Test identification</h1>
<p>Kehitysympäristön tunnistusvälittäjä: valitse testihenkilö. / Development identification broker: pick a test person.</p>
${error ? `<p class="error" role="alert">${esc(error)}</p>` : ''}
<h2>Testihenkilöt / Test persons</h2><ul style="list-style:none;padding:0">${persons}</ul>
<h2>Muu henkilötunnus / Other identity code</h2>
<form method="post" action="/interaction/${esc(uid)}/login">
<label for="hetu">Henkilötunnus / Identity code</label><input id="hetu" name="hetu" required autocomplete="off" spellcheck="false">
<label for="given">Etunimi / Given name</label><input id="given" name="given_name" autocomplete="off">
<label for="family">Sukunimi / Family name</label><input id="family" name="family_name" autocomplete="off">
<button type="submit">Tunnistaudu / Identify</button></form>
<form method="post" action="/interaction/${esc(uid)}/abort"><button type="submit">Keskeytä / Cancel</button></form>`);
}

function sendHtml(res, html) {
  res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' });
  res.end(html);
}

async function readForm(req) {
  let raw = '';
  for await (const chunk of req) {
    raw += chunk;
    if (raw.length > 8192) throw new Error('form too large');
  }
  return new URLSearchParams(raw);
}

async function interaction(req, res, uid, action) {
  const details = await provider.interactionDetails(req, res);
  if (details.uid !== uid || details.prompt.name !== 'login') {
    res.writeHead(400, { 'content-type': 'text/plain' }).end('unexpected interaction');
    return;
  }
  if (req.method === 'GET' && !action) {
    sendHtml(res, loginPage(uid));
    return;
  }
  if (req.method !== 'POST') return void res.writeHead(405).end();
  if (action === 'abort') {
    const cancelled = { error: 'access_denied', error_description: 'End-User cancelled' };
    await provider.interactionFinished(req, res, cancelled, { mergeWithLastSubmission: false });
    return;
  }
  const form = await readForm(req);
  const typed = String(form.get('hetu') || '').trim().toUpperCase();
  const known = TEST_PERSONS.find((p) => p.hetu === typed);
  const given = known?.given || String(form.get('given_name') || '').trim() || 'Testi';
  const family = known?.family || String(form.get('family_name') || '').trim() || 'Henkilö';
  const accountId = remember(typed, given.slice(0, 100), family.slice(0, 100));
  if (!accountId) {
    sendHtml(res, loginPage(uid, 'Virheellinen henkilötunnus / Invalid identity code'));
    return;
  }
  const login = { accountId, acr: ACR, amr: ['bank'] };
  await provider.interactionFinished(req, res, { login }, { mergeWithLastSubmission: false });
}

const oidcCallback = provider.callback();
const server = http.createServer((req, res) => {
  const { pathname } = new URL(req.url, ISSUER);
  const match = /^\/interaction\/([\w-]+)(?:\/(login|abort))?$/.exec(pathname);
  if (!match) {
    oidcCallback(req, res);
    return;
  }
  interaction(req, res, match[1], match[2]).catch((err) => {
    console.error('interaction failed:', err.message);
    if (!res.headersSent) res.writeHead(400, { 'content-type': 'text/plain' });
    res.end('interaction failed (expired or unknown session): start the identification again');
  });
});

server.listen(PORT, '127.0.0.1', () => {
  console.log(`oidc-provider listening on ${ISSUER}`);
});
// Everything is in memory: nothing to flush, so stop at once (no wait for keep-alives).
process.on('SIGINT', () => process.exit(0)).on('SIGTERM', () => process.exit(0));
