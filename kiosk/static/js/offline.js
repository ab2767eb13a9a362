/* A stand that keeps working when its server cannot be reached (progressive
   enhancement: pages work without this script, and without a service worker).

   On a stand, that is a browser started with a stand id (never a visitor's phone that
   opened a page from its QR code), it registers the service worker (sw.js), which
   keeps a copy of the published revision. While the stand shows that copy, or its
   server stops answering, the notice at the top of the page says so and how old the
   information is; when the server answers again, the notice goes and a copied page is
   replaced by the live one. */
(function () {
  "use strict";

  var script = document.currentScript;
  if (!script || !("serviceWorker" in navigator)) { return; }
  var notice = document.querySelector("[data-offline='notice']");

  var standId = null;
  try {
    standId = new URLSearchParams(window.location.search).get("stand") ||
      localStorage.getItem("kiosk-stand");
  } catch (error) { /* storage may be disabled */ }

  /* The service worker marks the pages it answers from its copy (see marked() there). */
  function isCopy() {
    var entry = performance.getEntriesByType ? performance.getEntriesByType("navigation")[0] : null;
    return Boolean(entry && entry.serverTiming && entry.serverTiming.some(function (timing) {
      return timing.name === "kiosk-offline";
    }));
  }

  var copy = isCopy();
  var offline = false;
  var exported = { copy: copy, state: null, offline: function () { return offline; } };
  window.kioskOffline = exported;

  function speakNotice() {
    if (notice && window.kioskSpeech) { window.kioskSpeech.announce(notice.querySelectorAll("[data-say]")); }
  }

  function showNotice(on) {
    offline = on;
    if (!notice) { return; }
    notice.hidden = !on;
    /* Speech mode says it when a page opens, after the page's title (speech.js). */
    if (on) { notice.setAttribute("data-announce", ""); } else { notice.removeAttribute("data-announce"); }
  }

  /* The copy's clock and open/closed line are as old as the copy: put them right at
     once, as kiosk.js does at its next poll (the worker answers that poll offline). */
  function setLive(selector, said) {
    var container = document.querySelector(selector);
    if (!container || !said) { return; }
    var spans = container.querySelectorAll("[data-say]");
    var node = spans[0] || container;
    for (var i = 1; i < spans.length; i += 1) { spans[i].remove(); }
    node.textContent = said[1];
    if (node.hasAttribute("data-say")) { node.setAttribute("data-say", said[0]); }
  }

  function refreshClock() {
    var settings = JSON.parse(document.getElementById("kiosk-settings").textContent);
    window.fetch(settings.liveUrl).then(function (response) { return response.json(); })
      .then(function (data) {
        setLive("[data-live='time']", data.time);
        setLive("[data-live='date']", data.date);
        setLive("[data-live='status'] [data-live-text]", data.status);
      }).catch(function () { /* the next poll of kiosk.js tries again */ });
  }

  /* kiosk.js, loaded before this script on every page that has it, knows. */
  function typing() { return Boolean(window.kioskStand && window.kioskStand.typed()); }

  /* Back to live content: a copied page, or one that lost its connection, is reloaded
     from the server (never over a visitor's unsent words, nor under the "more time?"
     question, whose answer decides where the stand goes next). */
  function backOnline() {
    var wasOffline = offline;
    showNotice(false);
    if (!copy && (!wasOffline || typing())) { return; }
    var dialog = document.querySelector("dialog[open]");
    if (dialog) {
      dialog.addEventListener("close", function () { window.location.reload(); }, { once: true });
    } else {
      window.location.reload();
    }
  }

  function connection(isOnline) {
    if (isOnline && offline) {
      backOnline();
    } else if (!isOnline && !offline) {
      showNotice(true);
      speakNotice();
    }
  }

  navigator.serviceWorker.addEventListener("message", function (event) {
    var data = event.data || {};
    if (data.type === "kiosk-state") {
      exported.state = data;
      connection(data.online);
      /* The speech of the pages' texts follows the copy, a little at a time. */
      if (data.ready && data.speech === "full" && !data.pageAudioDone && event.source) {
        event.source.postMessage({ type: "kiosk-fill" });
      }
    } else if (data.type === "kiosk-connection") {
      connection(data.online);
    }
  });

  function ask() {
    var worker = navigator.serviceWorker.controller;
    if (worker) { worker.postMessage({ type: "kiosk-state" }); }
  }

  if (copy) {
    showNotice(true);
    refreshClock();
  }
  navigator.serviceWorker.addEventListener("controllerchange", ask);
  ask();
  if (standId) {
    /* Asked at every page: the browser then fetches sw.js again (updateViaCache), and a
       new publication's worker starts copying at once. */
    navigator.serviceWorker.register(script.dataset.worker,
      { scope: script.dataset.scope, updateViaCache: "none" }).catch(function () {
      /* Offline, or storage refused: the stand works on, without a copy. */
    });
  }
}());
