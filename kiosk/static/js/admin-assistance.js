/* The assistance requests page updates itself: every few seconds it fetches the lists
   as the server draws them, puts them in place, and announces new calls in a polite
   live region. It also alerts: a tone made with Web Audio (nothing to load, nothing the
   page's strict CSP forbids) once the manager has turned sound on with a press, and a
   system notification once allowed; again, more urgently, when a call escalates.
   The page works without this script (reload it by hand). */
(function () {
  "use strict";

  var list = document.querySelector("[data-assistance='list']");
  var announcer = document.querySelector("[data-assistance='announcer']");
  var failed = document.querySelector("[data-assistance='failed']");
  if (!list || !window.fetch) { return; }
  var seconds = Number(list.dataset.pollSeconds) || 5;
  var baseTitle = document.title;
  var known = [];  /* ids of the open calls already shown */
  var knownEscalated = [];  /* ids of the open calls already alerted as escalated */
  var lastHtml = null;  /* the lists as last received: redrawn only when they change */

  function openIds() {
    return Array.prototype.map.call(list.querySelectorAll("[data-call-id]"),
      function (row) { return Number(row.dataset.callId); });
  }

  function replaceList(html) {
    if (html === lastHtml) { return; }
    lastHtml = html;
    /* Redrawing must not throw the keyboard focus away: it returns to the same button. */
    var focusedId = list.contains(document.activeElement) ? document.activeElement.id : "";
    list.innerHTML = html;
    var again = focusedId && document.getElementById(focusedId);
    if (again) { again.focus(); }
  }

  /* ---- alerts: sound and system notifications ---- */
  var controls = document.querySelector("[data-assistance='alerts']");
  var soundState = document.querySelector("[data-assistance='sound-state']");
  var soundButton = document.querySelector("[data-assistance='sound-button']");
  var notifyState = document.querySelector("[data-assistance='notify-state']");
  var notifyButton = document.querySelector("[data-assistance='notify-button']");
  var lastAlert = document.querySelector("[data-assistance='last-alert']");
  var AudioContextClass = window.AudioContext || window.webkitAudioContext;
  var audio = null;

  function text(name) { return controls.getAttribute("data-text-" + name) || ""; }

  function showSoundState() {
    if (!soundState) { return; }
    if (!AudioContextClass) {
      soundState.textContent = text("sound-unsupported");
      soundButton.hidden = true;
    } else if (audio && audio.state === "running") {
      soundState.textContent = text("sound-on");
      soundButton.hidden = true;
    } else {
      soundState.textContent = text("sound-waiting");
      soundButton.hidden = false;
    }
  }

  function showNotifyState() {
    if (!("Notification" in window)) {
      notifyState.textContent = text("notify-unsupported");
      notifyButton.hidden = true;
    } else if (Notification.permission === "granted") {
      notifyState.textContent = text("notify-on");
      notifyButton.hidden = true;
    } else if (Notification.permission === "denied") {
      notifyState.textContent = text("notify-denied");
      notifyButton.hidden = true;
    } else {
      notifyState.textContent = text("notify-ask");
      notifyButton.hidden = false;
    }
  }

  /* A short two-note chime; an escalation repeats it three times, higher. */
  function tone(urgent) {
    if (!audio || audio.state !== "running") { return false; }
    var start = audio.currentTime + 0.05;
    var notes = urgent ? [988, 740, 988, 740, 988, 740] : [880, 660];
    notes.forEach(function (frequency, index) {
      var oscillator = audio.createOscillator();
      var gain = audio.createGain();
      var at = start + index * 0.22;
      oscillator.type = "sine";
      oscillator.frequency.value = frequency;
      gain.gain.setValueAtTime(0.0001, at);
      gain.gain.exponentialRampToValueAtTime(0.5, at + 0.02);
      gain.gain.exponentialRampToValueAtTime(0.0001, at + 0.2);
      oscillator.connect(gain).connect(audio.destination);
      oscillator.start(at);
      oscillator.stop(at + 0.21);
    });
    return true;
  }

  function notify(title, body, tag) {
    if (!("Notification" in window) || Notification.permission !== "granted") { return false; }
    try {
      var shown = new Notification(title, { body: body, tag: tag, requireInteraction: true });
      shown.onclick = function () { window.focus(); shown.close(); };
      return true;
    } catch (error) {
      return false;  /* some platforms allow notifications from service workers only */
    }
  }

  function alertFor(calls, urgent) {
    if (!calls.length || !controls) { return; }
    var played = tone(urgent);
    var shown = false;
    calls.forEach(function (call) {
      var body = urgent ? call.escalation : call.announcement;
      shown = notify(text(urgent ? "escalated-title" : "notify-title"), body,
                     "call-" + call.id + (urgent ? "-escalated" : "")) || shown;
    });
    if (played || shown) {
      var now = new Date();
      var time = ("0" + now.getHours()).slice(-2) + ":" + ("0" + now.getMinutes()).slice(-2);
      lastAlert.textContent = text("last-alert").replace("{t}", time);
    }
  }

  if (controls) {
    controls.hidden = false;
    if (soundButton) {
      soundButton.addEventListener("click", function () {
        if (!audio && AudioContextClass) { audio = new AudioContextClass(); }
        if (!audio) { showSoundState(); return; }
        audio.resume().then(function () {
          showSoundState();
          tone(false);  /* so the staff hear what a call sounds like */
        });
      });
      showSoundState();
    }
    notifyButton.addEventListener("click", function () {
      Notification.requestPermission().then(showNotifyState);
    });
    showNotifyState();
  }

  function update(data) {
    var before = known;
    replaceList(data.html);
    var fresh = data.open.filter(function (call) { return before.indexOf(call.id) === -1; });
    var escalated = data.open.filter(function (call) {
      return call.escalated && knownEscalated.indexOf(call.id) === -1;
    });
    var said = fresh.map(function (call) { return call.announcement; }).concat(
      escalated.map(function (call) { return call.escalation; }));
    if (said.length) { announcer.textContent = said.join(" "); }
    alertFor(escalated, true);
    alertFor(fresh.filter(function (call) { return escalated.indexOf(call) === -1; }), false);
    knownEscalated = data.open.filter(function (call) { return call.escalated; })
      .map(function (call) { return call.id; });
    fresh.forEach(function (call) {
      var row = list.querySelector("[data-call-id='" + call.id + "']");
      if (row) { row.classList.add("is-new"); }
    });
    known = data.open.map(function (call) { return call.id; });
    /* The number of open calls in the tab's title, seen from any other tab. */
    document.title = (known.length ? "(" + known.length + ") " : "") + baseTitle;
  }

  function poll() {
    fetch(list.dataset.url, { credentials: "same-origin", headers: { Accept: "application/json" } })
      .then(function (response) {
        /* Signed out meanwhile: the page itself leads to the sign-in form. */
        if (response.redirected) { window.location.reload(); return null; }
        if (!response.ok) { throw new Error(response.status); }
        return response.json();
      })
      .then(function (data) {
        if (!data) { return; }
        failed.hidden = true;
        update(data);
        window.setTimeout(poll, seconds * 1000);
      })
      .catch(function () {
        failed.hidden = false;
        window.setTimeout(poll, seconds * 1000);
      });
  }

  known = openIds();
  knownEscalated = Array.prototype.map.call(list.querySelectorAll("tr.call-escalated"),
    function (row) { return Number(row.dataset.callId); });
  document.title = (known.length ? "(" + known.length + ") " : "") + baseTitle;
  window.setTimeout(poll, seconds * 1000);
}());
