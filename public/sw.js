// Heard's service worker: a child's turn goes on when a school hall's Wi-Fi drops.
//
// Pages. The start page, the pages of the child's turn (/take/…) and the app's own files come
// from the network first and a copy is kept; when the network is gone (or too slow) the copy is
// shown. A page shown from the copy gets fresh answer ids, made here on the tablet.
//
// Answers. A child's form that can wait carries a `then` field: the page that comes next. When
// such a post cannot reach the server, its body is kept on the tablet (IndexedDB) and the child
// goes on to `then`. Kept posts are sent again oldest first, one at a time, and deleted as soon
// as the server has answered: stored, or refused for good (then the reason is kept for the adult
// to read and dismiss). The server stores each answer, press and upload under an id made with the
// page, so a post that arrived but whose reply was lost is stored once, not twice.
//
// Kiosk. The start page means a new child: the kept pages of the last turn are deleted. What is
// still waiting to be sent stays until it is sent, and for a week at most.

const APP_CACHE = 'heard-app';
const TURN_CACHE = 'heard-turn';
const KEEP_FOR_MS = 7 * 24 * 60 * 60 * 1000;
// How long a page may take before the kept copy is shown instead.
const PAGE_WAIT_MS = 4000;
// How long a post may take before it is kept on the tablet; uploads get longer.
const POST_WAIT_MS = 10000;
const UPLOAD_WAIT_MS = 60000;
// Hidden fields holding ids made with the page (see `contribution` and `request` in the app).
const FRESH_ID = /name="(?:contribution|request)" value="([0-9a-f-]{36})"/g;

self.addEventListener('install', () => self.skipWaiting());
self.addEventListener('activate', (event) => event.waitUntil(self.clients.claim()));

self.addEventListener('fetch', (event) => {
  const request = event.request;
  const url = new URL(request.url);
  if (url.origin !== self.location.origin) return;
  if (request.method === 'POST' && request.mode === 'navigate' && fromChildPage(request)) {
    event.respondWith(post(request));
  } else if (request.method === 'GET' && keeps(url)) {
    event.respondWith(get(request, url));
  }
  // Anything else (staff pages, server functions called by the page, uploads with progress)
  // goes to the network untouched.
});

self.addEventListener('message', (event) => {
  const message = event.data || {};
  if (message.keep) event.waitUntil(keepPages(message.keep));
  if (message.send) event.waitUntil(sendWaiting());
  if (message.dismiss) event.waitUntil(dismissRefused());
  if (message.status) event.waitUntil(tellPages());
});

function keeps(url) {
  const path = url.pathname;
  return path === '/' || path === '/worried' || path.startsWith('/take/')
    || path.startsWith('/pkg/') || path.startsWith('/symbols/') || path === '/heard-offline.js';
}

function fromChildPage(request) {
  try {
    return keeps(new URL(request.referrer));
  } catch {
    return false;
  }
}

function cacheFor(url) {
  return url.pathname.startsWith('/take/') ? TURN_CACHE : APP_CACHE;
}

// ---- Pages and files -------------------------------------------------------------------------

async function get(request, url) {
  if (request.mode === 'navigate' && url.pathname === '/') {
    // A clean start for the next child.
    await caches.delete(TURN_CACHE);
  }
  const network = fetch(request).then(async (response) => {
    if (response.ok) {
      const cache = await caches.open(cacheFor(url));
      await cache.put(request, response.clone());
    }
    return response;
  });
  const kept = await caches.match(request);
  if (!kept) {
    return network.catch(() => offlinePage(request));
  }
  const timeout = new Promise((resolve) => setTimeout(() => resolve(null), PAGE_WAIT_MS));
  const fresh = await Promise.race([network.catch(() => null), timeout]);
  if (fresh) return fresh;
  return request.mode === 'navigate' ? withFreshIds(kept) : kept;
}

// A kept page's answer ids were used by whoever answered it first: each showing gets new ones.
async function withFreshIds(response) {
  const html = await response.text();
  let fresh = html;
  for (const [, id] of html.matchAll(FRESH_ID)) {
    fresh = fresh.replaceAll(id, crypto.randomUUID());
  }
  return new Response(fresh, { status: response.status, headers: response.headers });
}

async function keepPages(paths) {
  const cache = await caches.open(TURN_CACHE);
  for (const path of paths) {
    if (await cache.match(path)) continue;
    try {
      const response = await fetch(path, { credentials: 'same-origin' });
      if (!response.ok) continue;
      await cache.put(path, response.clone());
      await keepFilesOf(await response.text());
    } catch {
      return; // The network went; what was kept so far is what there is.
    }
  }
}

// The pictures and app files a kept page needs.
async function keepFilesOf(html) {
  const cache = await caches.open(APP_CACHE);
  const files = new Set(html.match(/\/(?:symbols|pkg)\/[A-Za-z0-9._-]+/g) || []);
  for (const file of files) {
    if (!(await cache.match(file))) {
      const response = await fetch(file);
      if (response.ok) await cache.put(file, response);
    }
  }
  // Built files are named after their content: those of an earlier release are never asked
  // for again, so they go once a page of this release names its own.
  const current = [...files].filter((file) => file.startsWith('/pkg/'));
  if (current.length === 0) return;
  for (const request of await cache.keys()) {
    const path = new URL(request.url).pathname;
    if (path.startsWith('/pkg/') && !files.has(path)) await cache.delete(request);
  }
}

// The stylesheet of the release whose pages were kept (its name holds a hash of its content).
async function keptStylesheet() {
  const cache = await caches.open(APP_CACHE);
  const css = (await cache.keys())
    .map((request) => new URL(request.url).pathname)
    .find((path) => path.startsWith('/pkg/') && path.endsWith('.css'));
  return css || '/pkg/heard.css';
}

async function offlinePage() {
  const html = `<!DOCTYPE html><html lang="en-GB"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>No Wi-Fi</title><link rel="stylesheet" href="${await keptStylesheet()}"></head>
<body><main class="child page"><h1>The Wi-Fi is not working</h1>
<p class="big-text">This needs the Wi-Fi. Answers already given are safe on this tablet.</p>
<p><button type="button" class="big-button" data-action="back">Go back</button></p>
</main><script src="/heard-offline.js" defer></script></body></html>`;
  return new Response(html, {
    status: 503,
    headers: { 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'no-store' },
  });
}

// ---- Answers that wait on the tablet ---------------------------------------------------------

async function post(request) {
  const contentType = request.headers.get('Content-Type') || '';
  const body = await request.clone().arrayBuffer();
  const form = await formOf(request.clone());
  const then = thenOf(form);
  const upload = contentType.startsWith('multipart/');
  try {
    return await withTimeout(fetch(request), upload ? UPLOAD_WAIT_MS : POST_WAIT_MS);
  } catch {
    if (!then) return offlinePage();
    await store('readwrite', (waiting) => waiting.add({
      url: request.url,
      contentType,
      body,
      keptAt: Date.now(),
      // Only "I'm worried" carries a press id: the adult must know it has not reached anyone.
      worry: form?.has('request') ?? false,
    }));
    await tellPages();
    return Response.redirect(then, 303);
  }
}

async function formOf(request) {
  try {
    return await request.formData();
  } catch {
    return null;
  }
}

function thenOf(form) {
  const then = form?.get('then');
  // Only a page of this site.
  return typeof then === 'string' && then.startsWith('/') && !then.startsWith('//') ? then : null;
}

function withTimeout(promise, ms) {
  return Promise.race([
    promise,
    new Promise((_, reject) => setTimeout(() => reject(new Error('timed out')), ms)),
  ]);
}

let sending = null;
// One sender at a time, so no post is sent twice at once.
function sendWaiting() {
  sending ??= sendInOrder().finally(() => { sending = null; });
  return sending;
}

async function sendInOrder() {
  const items = (await store('readonly', (waiting) => waiting.getAll()))
    .sort((a, b) => a.keptAt - b.keptAt);
  for (const item of items) {
    if (Date.now() - item.keptAt > KEEP_FOR_MS) {
      await store('readwrite', (waiting) => waiting.delete(item.id));
      continue;
    }
    if (item.refused) continue;
    const outcome = await resend(item);
    if (outcome.retry) break;
    await store('readwrite', (waiting) => (outcome.refused
      ? waiting.put({ id: item.id, keptAt: item.keptAt, refused: outcome.refused })
      : waiting.delete(item.id)));
  }
  await tellPages();
}

// Sent, refused for good (with a reason a person can read), or to try again later.
async function resend(item) {
  let response;
  try {
    response = await withTimeout(fetch(item.url, {
      method: 'POST',
      body: item.body,
      credentials: 'same-origin',
      redirect: 'manual',
      headers: {
        'Content-Type': item.contentType,
        Accept: 'application/json',
        'X-Heard-Queued': '1',
      },
    }), UPLOAD_WAIT_MS);
  } catch {
    return { retry: true };
  }
  if (response.ok) return {};
  // Too many tries just now, or trouble on our side: a later try may work.
  if (response.status === 429 || response.status >= 500 || response.status === 0) return { retry: true };
  return { refused: messageOf(await response.text()) };
}

// A refusal is the app's error as JSON: a child's problem as a code, which the page words in its
// language ("code:" and the code as JSON), or a message a person can act on; or plain text.
function messageOf(text) {
  try {
    const error = JSON.parse(text);
    if (typeof error === 'object' && error !== null) {
      if ('Coded' in error) return `code:${JSON.stringify(error.Coded)}`;
      const message = Object.values(error)[0];
      if (typeof message === 'string') return message;
      if (typeof message?.message === 'string') return message.message;
    }
  } catch { /* plain text */ }
  return text;
}

async function dismissRefused() {
  const items = await store('readonly', (waiting) => waiting.getAll());
  for (const item of items.filter((item) => item.refused)) {
    await store('readwrite', (waiting) => waiting.delete(item.id));
  }
  await tellPages();
}

async function tellPages() {
  const items = await store('readonly', (waiting) => waiting.getAll());
  const status = {
    waiting: items.filter((item) => !item.refused).length,
    worries: items.filter((item) => item.worry && !item.refused).length,
    refused: items.filter((item) => item.refused).map((item) => item.refused),
  };
  for (const client of await self.clients.matchAll()) client.postMessage(status);
}

function store(mode, use) {
  return new Promise((resolve, reject) => {
    const open = indexedDB.open('heard', 1);
    open.onupgradeneeded = () => open.result.createObjectStore('waiting', { keyPath: 'id', autoIncrement: true });
    open.onerror = () => reject(open.error);
    open.onsuccess = () => {
      const db = open.result;
      const transaction = db.transaction('waiting', mode);
      const request = use(transaction.objectStore('waiting'));
      transaction.oncomplete = () => { db.close(); resolve(request.result); };
      transaction.onerror = () => { db.close(); reject(transaction.error); };
    };
  });
}
