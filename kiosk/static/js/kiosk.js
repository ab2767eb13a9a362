/* Behaviour the stand adds on top of pages that work without it:
   keypad focus movement, the live clock, picking up new content, and the idle reset. */
(function () {
  "use strict";

  var settingsNode = document.getElementById("kiosk-settings");
  if (!settingsNode) { return; }
  var settings = JSON.parse(settingsNode.textContent);
  document.documentElement.classList.add("js");

  /* ---- Nothing a visitor could get stuck in: context menu, drag, text selection. */
  document.addEventListener("contextmenu", function (event) { event.preventDefault(); });
  document.addEventListener("dragstart", function (event) { event.preventDefault(); });

  /* ---- Keypad: arrows move focus through every control, Enter activates it. */
  /* Every control a page may hold, form fields included (a visitor's feedback form). */
  var FOCUSABLE = "a[href], button:not([disabled]), input:not([type='hidden']):not([disabled]), " +
    "select:not([disabled]), textarea:not([disabled]), summary, [tabindex='0']";

  function focusables() {
    var dialog = document.querySelector("dialog[open]");
    var scope = dialog || document;
    return Array.prototype.filter.call(scope.querySelectorAll(FOCUSABLE), function (el) {
      /* Not offsetParent: it is null for fixed elements. */
      return el.getClientRects().length > 0 || el === document.activeElement;
    });
  }

  function moveFocus(step) {
    var items = focusables();
    if (!items.length) { return; }
    var index = items.indexOf(document.activeElement);
    var next = index === -1 ? (step > 0 ? 0 : items.length - 1)
      : Math.min(items.length - 1, Math.max(0, index + step));
    items[next].focus();
    items[next].scrollIntoView({ block: "nearest" });
  }

  /* The region the page scrolls in, above the bar (a phone scrolls the whole page). Page
     Down and Page Up (the keypad's Next key sends Page Down) scroll it a screen at a time
     wherever the focus is, the bar included: text without any control, such as the
     week's hours, is read to its end without a pointer. */
  var region = document.getElementById("page-content");

  function page(step) {
    if (!region || !/(auto|scroll)/.test(getComputedStyle(region).overflowY)) { return false; }
    /* The focus stays where it is: the next arrow goes on from it. */
    region.scrollTop += step * Math.round(region.clientHeight * 0.85);
    return true;
  }

  document.addEventListener("keydown", function (event) {
    if (event.altKey || event.ctrlKey || event.metaKey) { return; }
    /* A held key does not repeat (EN 301 549 5.7): one press, one step. */
    if (event.repeat) { event.preventDefault(); return; }
    /* In a text field Left and Right move the caret; Up and Down still move on, and
       Escape leaves it for the next control (docs/stand.md). */
    var inText = document.activeElement && document.activeElement.matches("textarea, input");
    if (event.key === "ArrowDown" || (event.key === "ArrowRight" && !inText) ||
        (event.key === "Escape" && inText)) {
      event.preventDefault(); moveFocus(1);
    } else if (event.key === "ArrowUp" || (event.key === "ArrowLeft" && !inText)) {
      event.preventDefault(); moveFocus(-1);
    } else if ((event.key === "PageDown" || event.key === "PageUp") && !inText &&
               page(event.key === "PageDown" ? 1 : -1)) {
      event.preventDefault();
    } else if (event.key === " " && document.activeElement &&
               document.activeElement.tagName === "A") {
      /* Space activates a link too, as it does a button: one key fewer to learn. */
      event.preventDefault(); document.activeElement.click();
    }
  });

  /* ---- Live clock and open/closed line, and new content within a minute. */
  function setText(selector, said) {
    /* said is [audio key, text]; the sentence span keeps its key in step with its text. */
    var container = document.querySelector(selector);
    if (!container) { return; }
    var spans = container.querySelectorAll("[data-say]");
    var node = spans[0] || container;
    /* The new text is one utterance: a text rendered as several sentences keeps one. */
    for (var i = 1; i < spans.length; i += 1) { spans[i].remove(); }
    if (node && said && node.textContent !== said[1]) {
      node.textContent = said[1];
      if (node.dataset.say) { node.dataset.say = said[0]; }
    }
  }

  /* A stand is started at /stand/<location>/?stand=<id>; it remembers its id across
     idle resets, and its polls tell the server it is alive and what it shows. */
  var standId = new URLSearchParams(window.location.search).get("stand");
  try {
    if (standId) { localStorage.setItem("kiosk-stand", standId); }
    standId = localStorage.getItem("kiosk-stand");
  } catch (error) { /* storage may be disabled */ }

  /* A registered stand is started with its credential in the address's fragment
     (#stand-key=…), which no server ever sees. It is kept as a cookie for the session,
     so polls, links and forms all prove which stand they come from, and taken out of
     the address, so it is never shown or copied from the screen. */
  var keyMatch = /(?:^#|&)stand-key=([A-Za-z0-9_-]{20,100})(?:&|$)/.exec(window.location.hash);
  if (keyMatch && standId) {
    document.cookie = "kiosk_stand=" + standId + "." + keyMatch[1] +
      "; path=/stand/; SameSite=Strict" + (window.location.protocol === "https:" ? "; Secure" : "");
    window.history.replaceState(null, "", window.location.pathname + window.location.search);
  }

  /* A call for assistance names the stand it comes from, so staff know where to go, and
     feedback where it was hard: every way to those pages carries the id (links, and the
     GET forms of the modes). */
  function isAssistancePath(path) { return /\/(assistance|feedback)$/.test(path); }
  if (standId) {
    Array.prototype.forEach.call(document.querySelectorAll("a[href]"), function (link) {
      var url = new URL(link.href, window.location.href);
      /* A link within the page (the skip links of these very pages) keeps its target. */
      if (link.getAttribute("href").charAt(0) === "#") { return; }
      if (url.origin !== window.location.origin || !isAssistancePath(url.pathname)) { return; }
      url.searchParams.set("stand", standId);
      link.href = url.pathname + url.search;
    });
    Array.prototype.forEach.call(document.querySelectorAll("form[method='get']"), function (form) {
      if (!isAssistancePath(new URL(form.action, window.location.href).pathname)) { return; }
      var input = document.createElement("input");
      input.type = "hidden"; input.name = "stand"; input.value = standId;
      form.appendChild(input);
    });
  }

  /* While this stand's call is open, every page says so (the call pages say more). */
  var banner = document.querySelector("[data-assistance='banner']");
  var onCallPage = /^assistance/.test(document.body.dataset.page || "");
  function showCall(state) {
    if (banner) { banner.hidden = onCallPage || !state; }
  }

  /* ---- New information waits for the visitor (docs/stand.md, New information).
     A page reloads for a new revision only when that takes nothing from anyone: at
     once when nobody has used the stand since its last reset; on the start page after
     settings.quietSeconds without a touch or key; elsewhere not at all: the idle reset
     (or the visitor's next page) brings the new revision. Never under the "more time?"
     question, while the stand is speaking, or over words typed and not sent. */
  var VISIT = "kiosk-visit";
  var lastActivity = 0;  /* 0: no touch or key since this page loaded */
  function visited() {
    try { return sessionStorage.getItem(VISIT) === "1"; } catch (error) { return lastActivity > 0; }
  }
  function noteActivity() {
    lastActivity = Date.now();
    try { sessionStorage.setItem(VISIT, "1"); } catch (error) { /* storage may be disabled */ }
  }

  /* Words typed and not sent: offline.js asks this too, before it reloads a page. */
  function typed() {
    return Array.prototype.some.call(document.querySelectorAll("textarea, input[type='text']"),
      function (field) { return field.value !== ""; });
  }
  window.kioskStand = { typed: typed };

  function busy() {
    var speaking = document.documentElement.dataset.speaking ||
      (window.kioskSpeech && window.kioskSpeech.reading());
    return idleOpen() || Boolean(speaking) || typed();
  }

  function mayReload() {
    if (busy()) { return false; }
    if (!visited() && !lastActivity) { return true; }
    return document.body.dataset.page === "home" &&
      Date.now() - lastActivity >= settings.quietSeconds * 1000;
  }

  /* An urgent announcement is offered in a banner the visitor may follow or put away;
     speech mode says it after what it is saying. It never takes the screen from them. */
  var news = document.querySelector("[data-news='banner']");
  function dismissed() {
    try { return JSON.parse(sessionStorage.getItem("kiosk-news-seen")) || []; } catch (e) { return []; }
  }
  function offerNews(urgent) {
    if (!news || document.body.dataset.page === "announcements") { return; }
    var seen = dismissed();
    var fresh = (urgent || []).filter(function (id) {
      return settings.urgent.indexOf(id) === -1 && seen.indexOf(id) === -1;
    });
    if (!fresh.length || !news.hidden) { return; }
    news.hidden = false;
    news.dataset.ids = JSON.stringify(fresh);
    if (window.kioskSpeech) { window.kioskSpeech.politely(news.querySelectorAll("p [data-say]")); }
  }
  if (news) {
    news.querySelector("[data-news='dismiss']").addEventListener("click", function () {
      try {
        sessionStorage.setItem("kiosk-news-seen",
          JSON.stringify(dismissed().concat(JSON.parse(news.dataset.ids || "[]"))));
      } catch (error) { /* storage may be disabled: the banner still goes */ }
      var focusWasHere = news.contains(document.activeElement);
      news.hidden = true;
      /* The focus was on the button that has just gone: give it to the page. */
      if (focusWasHere) { document.getElementById("main").focus(); }
    });
  }

  function poll() {
    var request = new XMLHttpRequest();
    request.open("GET", settings.liveUrl + (standId ? "?stand=" + encodeURIComponent(standId) : ""));
    request.responseType = "json";
    request.onload = function () {
      var data = request.response;
      if (request.status !== 200 || !data) { return; }
      if (data.revision !== settings.revision) {
        if (mayReload()) {
          /* The page was rendered from an older revision: show the new one. After the
             reload the revisions match, so this never loops. */
          window.location.reload();
          return;
        }
        offerNews(data.urgent);
      }
      showCall(data.assistance);
      setText("[data-live='time']", data.time);
      setText("[data-live='date']", data.date);
      setText("[data-live='status'] [data-live-text]", data.status);
    };
    request.send();
  }

  function schedulePolls() {
    var secondsToMinute = 60 - new Date().getSeconds();
    window.setTimeout(function () { poll(); schedulePolls(); },
      Math.min(settings.pollSeconds, secondsToMinute) * 1000 + 250);
  }
  /* A preview shows a draft: there is no newer revision to pick up and no visitor to forget. */
  if (!settings.preview) {
    schedulePolls();
    /* A stand that knows its id asks at once, so an open call shows soon after a reset. */
    if (standId && banner) { window.setTimeout(poll, 1000); }
  }

  /* ---- Idle reset: ask, count down with sound, then forget everything. */
  var dialog = document.getElementById("idle-dialog");
  var countdownNode = document.getElementById("idle-countdown");
  var idleTimer = null;
  var tickTimer = null;
  var remaining = 0;
  /* A visitor waiting for staff is not hurried back to the start page. */
  var idleSeconds = settings.holdIdleSeconds || settings.idleSeconds;

  function idleOpen() { return dialog && dialog.open; }

  function beep() {
    var AudioContext = window.AudioContext || window.webkitAudioContext;
    if (!AudioContext) { return; }
    try {
      var context = new AudioContext();
      var tone = context.createOscillator();
      var gain = context.createGain();
      tone.frequency.value = 660;
      gain.gain.value = 0.2;
      tone.connect(gain); gain.connect(context.destination);
      tone.start(); tone.stop(context.currentTime + 0.4);
      tone.onended = function () { context.close(); };
    } catch (error) { /* a stand without audio still shows the dialog */ }
  }

  function reset() {
    /* Forget the visitor: speech mode, speech volume and rate live in sessionStorage. */
    try { sessionStorage.clear(); } catch (error) { /* storage may be disabled */ }
    window.location.replace(settings.homeUrl);
  }

  function tick() {
    var said = settings.countdownTexts[remaining] || ["", ""];
    countdownNode.textContent = said[1];
    countdownNode.dataset.say = said[0];
    if (remaining <= 0) { reset(); return; }
    remaining -= 1;
    tickTimer = window.setTimeout(tick, 1000);
  }

  function askForMoreTime() {
    if (!dialog || typeof dialog.showModal !== "function") { reset(); return; }
    remaining = settings.countdownSeconds;
    dialog.showModal();
    dialog.querySelector("[data-idle='extend']").focus();
    beep();
    tick();
    document.dispatchEvent(new CustomEvent("kiosk:idle-warning"));
  }

  function extend() {
    window.clearTimeout(tickTimer);
    if (idleOpen()) { dialog.close(); }
    restartIdle();
  }

  function restartIdle() {
    window.clearTimeout(idleTimer);
    idleTimer = window.setTimeout(askForMoreTime, idleSeconds * 1000);
  }

  if (dialog) {
    dialog.querySelector("[data-idle='extend']").addEventListener("click", extend);
    /* Escape would close the dialog without stopping the countdown: treat it as "more time". */
    dialog.addEventListener("cancel", function (event) { event.preventDefault(); extend(); });
  }
  /* On window, in the capture phase, and registered before speech.js: every key counts
     as activity, including the keys speech mode takes for itself. */
  ["pointerdown", "keydown", "wheel", "touchstart"].forEach(function (type) {
    window.addEventListener(type, function () {
      noteActivity();
      if (!idleOpen() && !settings.preview) { restartIdle(); }
    },
      { passive: true, capture: true });
  });
  /* The start page in the default language and mode has nothing to forget. */
  if (!settings.preview &&
      window.location.pathname + window.location.search !== settings.homeUrl) { restartIdle(); }
})();
