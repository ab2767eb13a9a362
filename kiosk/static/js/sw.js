/* The stand's service worker: it keeps a copy of the published revision (every page
   in every language and mode, the styles, fonts, icons and scripts, and the speech of
   what the pages say), so that a stand whose server cannot be reached goes on working
   from that copy, with a notice, and returns to live content by itself.

   The server serves this file at /stand/<location>/sw.js with its settings written
   above it (self.KIOSK_OFFLINE; see kiosk/public/offline.py). The settings carry the
   published revision: a new publication is a new worker, which copies the new
   revision and then takes over. docs/stand.md describes what a visitor sees. */
(function () {
  "use strict";

  const C = self.KIOSK_OFFLINE;
  const PREFIX = "kiosk-offline-" + C.location + "-";
  const PAGES = PREFIX + "r" + C.revision;
  /* Speech is named by a hash of its words, so it is kept across revisions: a new
     publication fetches only the sentences that changed. */
  const AUDIO = "kiosk-speech-" + C.location;

  /* A page on the stand's own network comes in milliseconds; waiting longer than this
     for one only keeps a visitor looking at a screen that does not change. */
  const NETWORK_TIMEOUT_MS = 4000;
  /* A form is given longer: a call for assistance that does arrive is worth the wait. */
  const SEND_TIMEOUT_MS = 8000;
  /* Parts of the pages change with the day (this week's hours, today's announcements):
     while the server answers, the copy is renewed when it is older than this. */
  const REFRESH_AFTER_MS = 60 * 60 * 1000;
  const PARALLEL = 4;

  if (C.off) {
    /* The server no longer keeps a copy for this location: remove it and this worker. */
    self.addEventListener("install", (event) => event.waitUntil(self.skipWaiting()));
    self.addEventListener("activate", (event) => event.waitUntil((async () => {
      for (const name of await caches.keys()) {
        if (name.startsWith(PREFIX) || name === AUDIO) { await caches.delete(name); }
      }
      await self.registration.unregister();
    })()));
    return;
  }

  /* ---- What the last attempt to reach the server found, told to every page. */
  let online = true;

  async function broadcast(message) {
    for (const client of await self.clients.matchAll({ type: "window" })) {
      client.postMessage(message);
    }
  }

  function setOnline(value) {
    if (value === online) { return; }
    online = value;
    broadcast({ type: "kiosk-connection", online: online });
  }

  /* A proxy in front of a stopped server answers for it: that is no answer either. */
  function unreachable(response) { return [502, 503, 504].indexOf(response.status) !== -1; }

  function fromNetwork(request, timeout, abortable) {
    const controller = abortable ? new AbortController() : null;
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        if (controller) { controller.abort(); }
        reject(new Error("no answer within " + timeout + " ms"));
      }, timeout);
      fetch(request, controller ? { signal: controller.signal } : undefined).then(
        (response) => { clearTimeout(timer); resolve(response); },
        (error) => { clearTimeout(timer); reject(error); });
    });
  }

  /* ---- The copy: its manifest (kept in the pages' cache, see fill()). */
  let manifestPromise = null;

  function manifest() {
    if (!manifestPromise) {
      manifestPromise = caches.open(PAGES)
        .then((cache) => cache.match(C.manifest))
        .then((response) => (response ? response.json() : null));
    }
    return manifestPromise;
  }

  async function inParallel(items, work) {
    let next = 0;
    async function lane() {
      while (next < items.length) {
        const item = items[next];
        next += 1;
        await work(item);
      }
    }
    const lanes = [];
    for (let i = 0; i < Math.min(PARALLEL, items.length); i += 1) { lanes.push(lane()); }
    await Promise.all(lanes);
  }

  function decode(text) { return text.replace(/&amp;/g, "&").replace(/&#34;|&quot;/g, "\""); }

  function sameOrigin(href, base) {
    const url = new URL(decode(href), base);
    return url.origin === self.location.origin ? url.pathname + url.search : null;
  }

  /* The styles, scripts, icons and fonts a page or a stylesheet names. */
  function assetsIn(text, base, prefixes, pattern) {
    const found = [];
    for (const match of text.matchAll(pattern)) {
      const path = sameOrigin(match[1].split("#")[0], base);
      if (path && prefixes.some((prefix) => path.startsWith(prefix))) { found.push(path); }
    }
    return found;
  }
  const ATTRIBUTE = /\b(?:src|href)="([^"]+)"/g;
  const CSS_URL = /url\(\s*["']?([^"')]+)["']?\s*\)/g;
  /* Every speech key of a page: data-say and data-help attributes, and the spoken words
     in its settings, are all quoted 24-digit hexadecimal names. */
  const KEY = /"([0-9a-f]{24})"/g;

  const NOTICE = /data-offline="notice"[\s\S]*?<\/div>/;

  function keysIn(text, into) {
    for (const match of text.matchAll(KEY)) { into.add(match[1]); }
  }

  function audioUrl(rate, key) { return C.speechPrefix.replace("RATE", rate).replace("KEY", key); }

  async function fetchOk(url) {
    const response = await fetch(url, { cache: "no-store" });
    if (!response.ok) { throw new Error(url + ": " + response.status); }
    return response;
  }

  /* Copy the revision's pages and what they use; the manifest goes in last, so a copy
     with a manifest is a whole one. */
  async function fill() {
    const data = await (await fetchOk(C.manifest)).json();
    if (data.revision !== C.revision) {
      /* Published again meanwhile: the next worker copies that revision. */
      self.registration.update();
      throw new Error("revision " + data.revision + " published meanwhile");
    }
    data.fetchedAt = Date.now();
    const cache = await caches.open(PAGES);
    const assets = new Set();
    const interfaceKeys = new Set();
    const pageKeys = new Set();
    await inParallel(data.pages, async (page) => {
      const response = await fetchOk(page.url);
      const text = await response.clone().text();
      await cache.put(page.url, response);
      const base = new URL(page.url, self.location.href);
      assetsIn(text, base, data.assetPrefixes, ATTRIBUTE).forEach((url) => assets.add(url));
      keysIn(text, page.interface ? interfaceKeys : pageKeys);
      /* The notice of the page's age is part of the interface on every page. */
      const notice = NOTICE.exec(text);
      if (notice) { keysIn(notice[0], interfaceKeys); }
    });
    const styles = [];
    await inParallel(Array.from(assets), async (url) => {
      const response = await fetchOk(url);
      if ((response.headers.get("Content-Type") || "").indexOf("text/css") === 0) {
        const text = await response.clone().text();
        styles.push.apply(styles, assetsIn(text, new URL(url, self.location.href),
          data.assetPrefixes, CSS_URL));
      }
      await cache.put(url, response);
    });
    await inParallel(styles.filter((url) => !assets.has(url)), async (url) => {
      await cache.put(url, await fetchOk(url));
    });
    /* The date and the open/closed line of the days ahead are spoken too. */
    Object.keys(data.live).forEach((lang) => {
      data.live[lang].status.concat(data.live[lang].date).forEach((entry) => interfaceKeys.add(entry[1]));
      interfaceKeys.add(data.unsaid[lang][0]);
    });
    interfaceKeys.forEach((key) => pageKeys.delete(key));
    data.interfaceKeys = Array.from(interfaceKeys);
    data.pageKeys = data.speech === "full" ? Array.from(pageKeys) : [];
    await fillAudio(data.interfaceKeys, true);
    await cache.put(C.manifest, new Response(JSON.stringify(data),
      { headers: { "Content-Type": "application/json" } }));
    manifestPromise = null;
    return data;
  }

  /* Speech at the normal rate; another rate falls back to it offline (see audio()). */
  async function fillAudio(keys, required) {
    const cache = await caches.open(AUDIO);
    await inParallel(keys, async (key) => {
      const url = audioUrl("normal", key);
      if (await cache.match(url)) { return; }
      try {
        await cache.put(url, await fetchOk(url));
      } catch (error) {
        if (required) { throw error; }
      }
    });
  }

  /* The speech of the pages' own texts is many times that of the controls: it is
     copied after the worker has taken over, a little at a time, and resumed whenever a
     page asks (a worker may be stopped while it is idle). */
  let pageAudio = null;
  let pageAudioDone = false;

  function fillPageAudio() {
    if (pageAudioDone) { return Promise.resolve(); }
    if (!pageAudio) {
      pageAudio = manifest().then((data) => (data ? fillAudio(data.pageKeys, false) : null))
        .then(() => { pageAudioDone = true; }, () => {})
        .then(() => { pageAudio = null; });
    }
    return pageAudio;
  }

  async function pruneAudio(data) {
    const keep = new Set(data.interfaceKeys.concat(data.pageKeys));
    const cache = await caches.open(AUDIO);
    for (const request of await cache.keys()) {
      const match = /([0-9a-f]{24})\.ogg$/.exec(new URL(request.url).pathname);
      if (!match || !keep.has(match[1])) { await cache.delete(request); }
    }
  }

  let refreshing = null;

  function refreshIfOld() {
    return manifest().then((data) => {
      if (!data || refreshing || Date.now() - data.fetchedAt < REFRESH_AFTER_MS) { return null; }
      refreshing = fill().catch(() => {}).then(() => { refreshing = null; });
      return refreshing;
    });
  }

  self.addEventListener("install", (event) => {
    event.waitUntil(fill().then(() => self.skipWaiting()));
  });

  self.addEventListener("activate", (event) => {
    event.waitUntil((async () => {
      for (const name of await caches.keys()) {
        if (name.startsWith(PREFIX) && name !== PAGES) { await caches.delete(name); }
      }
      const data = await manifest();
      if (data) { await pruneAudio(data); }
      await self.clients.claim();
      await broadcast(await state());
    })());
  });

  async function state() {
    const data = await manifest();
    return {
      type: "kiosk-state", online: online, revision: C.revision, ready: Boolean(data),
      speech: data ? data.speech : null, pageAudioDone: pageAudioDone,
    };
  }

  self.addEventListener("message", (event) => {
    const message = event.data || {};
    if (message.type === "kiosk-state") {
      event.waitUntil(state().then((answer) => event.source.postMessage(answer)));
    } else if (message.type === "kiosk-fill") {
      event.waitUntil(fillPageAudio());
    }
  });

  /* ---- Answering the stand's requests. */
  function marked(response) {
    /* The page reads this (performance.getEntriesByType("navigation")) to know that it
       is the copy and to show the notice at once. */
    const headers = new Headers(response.headers);
    headers.set("Server-Timing", "kiosk-offline");
    return new Response(response.body, {
      status: response.status, statusText: response.statusText, headers: headers,
    });
  }

  /* When even the copy is missing (a browser that dropped its storage): a page that
     tries again by itself, never the browser's own error page. */
  function lastResort() {
    const html = "<!doctype html><html lang=\"kk\"><head><meta charset=\"utf-8\">" +
      "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">" +
      "<meta http-equiv=\"refresh\" content=\"10\"><title>Ақпараттық стенд</title></head>" +
      "<body><main><h1>Сервермен байланыс жоқ</h1>" +
      "<p>Стенд серверге қайта қосылып жатыр. Көмек керек болса, кіреберістегі қызметкерлерге жүгініңіз.</p>" +
      "<p lang=\"ru\">Нет связи с сервером. Стенд подключается снова. Если нужна помощь, обратитесь к сотрудникам у входа.</p>" +
      "<p lang=\"en\">No connection to the server. The stand is trying again. If you need help, please ask the staff at the entrance.</p>" +
      "</main></body></html>";
    return new Response(html, { status: 503, headers: {
      "Content-Type": "text/html; charset=utf-8",
      "Content-Security-Policy": "default-src 'none'",
      "Server-Timing": "kiosk-offline",
    } });
  }

  async function offlineCopy(url) {
    const data = await manifest();
    if (!data) { return lastResort(); }
    const parts = url.pathname.slice(C.scope.length).split("/");
    const lang = parts[0];
    if (data.languages.indexOf(lang) === -1) {
      /* The stand's start address, /stand/<location>/, leads home as the server's does. */
      const stand = url.searchParams.get("stand");
      return Response.redirect(C.scope + data.defaultLanguage + "/" +
        (stand ? "?stand=" + encodeURIComponent(stand) : ""), 302);
    }
    const mode = url.searchParams.get("mode");
    const query = mode ? "?mode=" + encodeURIComponent(mode) : "";
    const rest = parts.slice(1).join("/");
    const form = data.forms.find((name) => rest === name || rest.indexOf(name + "/") === 0);
    const home = C.scope + lang + "/";
    const cache = await caches.open(PAGES);
    const found = await cache.match(form ? home + "offline/" + form + query : url.pathname + query) ||
      await cache.match(home + query) || await cache.match(home);
    return found ? marked(found) : lastResort();
  }

  async function navigate(request) {
    /* Once the server is known to be away, the copy answers at once; the pages' live
       polls find out when it is back. */
    if (online) {
      try {
        const response = await fromNetwork(request, NETWORK_TIMEOUT_MS, true);
        if (!unreachable(response)) { return response; }
      } catch (error) { /* the copy answers */ }
      setOnline(false);
    }
    return offlineCopy(new URL(request.url));
  }

  async function send(request) {
    try {
      const response = await fromNetwork(request, SEND_TIMEOUT_MS, false);
      if (!unreachable(response)) { setOnline(true); return response; }
    } catch (error) { /* nobody received it */ }
    setOnline(false);
    /* The form's own page, which the copy answers with its offline page. A redirect, so
       that the page a visitor then sees reloads as a page, never as a form sent again. */
    const url = new URL(request.url);
    url.pathname = url.pathname.replace(/\/withdraw$/, "");
    return Response.redirect(url.href, 303);
  }

  /* ---- live.json: the page's poll for the clock, the date, the open/closed line and
     new publications. While the server is away the worker answers it from the
     manifest's timeline, so the page's own script keeps all three true. */
  const lastLive = {};

  function at(entries, now, until) {
    if (now > until) { return null; }
    let found = null;
    for (const entry of entries) {
      if (Date.parse(entry[0]) <= now) { found = entry; } else { break; }
    }
    return found;
  }

  async function offlineLive(lang) {
    const data = await manifest();
    if (!data || !data.live[lang]) { return new Response("", { status: 503 }); }
    /* The server's clock, not the stand's: a stand whose clock is wrong still shows the
       right time, as it does online. */
    const now = Date.now() + (Date.parse(data.now) - data.fetchedAt);
    const until = Date.parse(data.until);
    const answer = Object.assign({}, lastLive[lang] || {}, { revision: C.revision, offline: true });
    /* There is no speech for every minute of the day: the time is shown, not said. */
    answer.time = ["", new Intl.DateTimeFormat("en-GB", {
      timeZone: data.timeZone, hour: "2-digit", minute: "2-digit", hourCycle: "h23",
    }).format(new Date(now))];
    const date = at(data.live[lang].date, now, until);
    const status = at(data.live[lang].status, now, until);
    /* Beyond the timeline the page keeps what its copy says (and the notice its age). */
    if (date) { answer.date = [date[1], date[2]]; } else { delete answer.date; }
    if (status) {
      answer.status = [status[1], status[2]];
      answer.is_open = status[3];
    } else {
      delete answer.status;
      delete answer.is_open;
    }
    return new Response(JSON.stringify(answer), {
      headers: { "Content-Type": "application/json", "Cache-Control": "no-store" },
    });
  }

  async function live(event, lang) {
    try {
      const response = await fromNetwork(event.request, NETWORK_TIMEOUT_MS, true);
      if (response.ok) {
        setOnline(true);
        lastLive[lang] = await response.clone().json();
        event.waitUntil(refreshIfOld());
        return response;
      }
      if (!unreachable(response)) { return response; }
    } catch (error) { /* the worker answers */ }
    setOnline(false);
    return offlineLive(lang);
  }

  /* Speech: from the copy first (its address never changes its sound). */
  const SPEECH = /\/speech\/([a-z]+)\/([0-9a-f]{24})\.ogg$/;

  async function audio(event, url, match) {
    const cache = await caches.open(AUDIO);
    const kept = await cache.match(url.pathname);
    if (kept) { return kept; }
    if (online) {
      try {
        const response = await fromNetwork(url.pathname, NETWORK_TIMEOUT_MS, true);
        if (response.ok) {
          await cache.put(url.pathname, response.clone());
          return response;
        }
        if (!unreachable(response)) { return response; }
      } catch (error) { /* offline */ }
      setOnline(false);
    }
    /* Offline, the same words at the normal rate are better than silence; words not
       kept at all are answered by a sentence saying so, in the page's language. */
    const normal = await cache.match(audioUrl("normal", match[2]));
    if (normal) { return normal; }
    const data = await manifest();
    const client = event.clientId ? await self.clients.get(event.clientId) : null;
    const lang = client ? new URL(client.url).pathname.slice(C.scope.length).split("/")[0] : "";
    const instead = data && data.unsaid[lang] ? await cache.match(audioUrl("normal", data.unsaid[lang][0])) : null;
    return instead || new Response("", { status: 503 });
  }

  async function kept(request) {
    const cache = await caches.open(PAGES);
    return (await cache.match(request)) || fetch(request);
  }

  self.addEventListener("fetch", (event) => {
    const request = event.request;
    const url = new URL(request.url);
    if (url.origin !== self.location.origin) { return; }
    if (request.mode === "navigate") {
      if (url.pathname.indexOf(C.scope) !== 0) { return; }
      event.respondWith(request.method === "GET" ? navigate(request) : send(request));
      return;
    }
    if (request.method !== "GET") { return; }
    const path = url.pathname.slice(C.scope.length).split("/");
    if (url.pathname.indexOf(C.scope) === 0 && path.length === 2 && path[1] === "live.json") {
      event.respondWith(live(event, path[0]));
      return;
    }
    const speech = SPEECH.exec(url.pathname);
    if (speech) {
      event.respondWith(audio(event, url, speech));
      return;
    }
    event.respondWith(kept(request));
  });
}());
