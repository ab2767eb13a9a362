/* The stand speaks: "Listen" reads the page sentence by sentence, and speech mode
   (EZ Access style: Up, Down, Action, Back, Next, Help, volume keys) lets a visitor
   without sight use every control. Audio comes from /speech; the browser's own voice
   is the fallback. Pages work without this script. */
(function () {
  "use strict";

  var settingsNode = document.getElementById("kiosk-settings");
  if (!settingsNode) { return; }
  var cfg = JSON.parse(settingsNode.textContent).speech;
  if (!cfg) { return; }
  var words = cfg.words;
  var root = document.documentElement;
  var STORE = "kiosk-speech";

  var state = (function () {
    try { return JSON.parse(sessionStorage.getItem(STORE)) || {}; } catch (e) { return {}; }
  }());
  state.rate = state.rate || "normal";
  state.volume = typeof state.volume === "number" ? state.volume : cfg.volume;
  function save() { sessionStorage.setItem(STORE, JSON.stringify(state)); }

  /* ---- Playing utterances one after another on a single audio element. */
  var audio = new Audio();
  var queue = [];
  var after = null;
  var playing = null;
  var said = [];  /* everything started on this page, in order: for tests and diagnosis */
  var serverOk = cfg.available;

  function item(key, text, lang) { return { key: key, text: text, lang: lang || cfg.lang }; }
  function word(name) { return item(words[name][0], words[name][1]); }
  function langOf(el) { var holder = el.closest("[lang]"); return holder ? holder.lang : cfg.lang; }
  function fromElement(el) { return item(el.dataset.say, el.textContent.trim(), langOf(el)); }

  function audioUrl(key) { return cfg.audioUrl.replace("RATE", state.rate).replace("KEY", key); }

  function status(text) {
    var node = document.querySelector("[data-speech='status']");
    if (node) { node.textContent = text; }
  }

  function browserVoice(lang) {
    if (!window.speechSynthesis) { return null; }
    return speechSynthesis.getVoices().filter(function (v) {
      return v.lang.toLowerCase().indexOf(lang) === 0;
    })[0] || null;
  }

  /* Without any voice, a falling three-note sound tells a visitor who cannot see the
     screen that speech has failed, rather than leaving them in silence. */
  function failureSound() {
    var AudioContext = window.AudioContext || window.webkitAudioContext;
    if (!AudioContext) { return; }
    try {
      var context = new AudioContext();
      [660, 520, 390].forEach(function (frequency, i) {
        var tone = context.createOscillator();
        var gain = context.createGain();
        tone.frequency.value = frequency;
        gain.gain.value = state.volume * 0.3;
        tone.connect(gain); gain.connect(context.destination);
        tone.start(context.currentTime + i * 0.25);
        tone.stop(context.currentTime + i * 0.25 + 0.2);
      });
      window.setTimeout(function () { context.close(); }, 1500);
    } catch (error) { /* no audio output at all */ }
  }

  function playWithBrowser(next) {
    var voice = browserVoice(next.lang);
    if (!voice) { status(words.unavailable[1]); stop(); failureSound(); return; }
    var utterance = new SpeechSynthesisUtterance(next.text);
    utterance.voice = voice;
    utterance.lang = voice.lang;
    utterance.volume = state.volume;
    utterance.rate = { slower: 0.75, normal: 1, faster: 1.3 }[state.rate];
    utterance.onend = playNext;
    speechSynthesis.speak(utterance);
  }

  function playNext() {
    var next = queue.shift();
    if (!next) {
      root.removeAttribute("data-speaking");
      var done = after; after = null;
      if (done) { done(); }
      return;
    }
    playing = next;
    said.push(next.key);
    root.dataset.speaking = next.key;
    if (next.onstart) { next.onstart(); }
    if (!serverOk) { playWithBrowser(next); return; }
    audio.src = audioUrl(next.key);
    audio.volume = state.volume;
    var started = audio.play();
    if (started && started.catch) { started.catch(function () { /* reported by onerror */ }); }
  }

  audio.addEventListener("ended", playNext);
  audio.addEventListener("playing", function () {
    /* Heard, not just asked for: tests and the benchmark listen for this. */
    document.dispatchEvent(new CustomEvent("kiosk:speaking", { detail: { key: playing && playing.key } }));
  });
  audio.addEventListener("error", function () {
    if (!audio.getAttribute("src")) { return; }
    /* The server could not speak: say so, and let the browser's voice take over. */
    serverOk = false;
    status(words.unavailable[1]);
    if (playing) { queue.unshift(playing); }
    playNext();
  });

  function speak(items, then) {
    stop();
    queue = items.filter(function (i) { return i && i.key; });
    after = then || null;
    playNext();
  }

  function stop() {
    queue = [];
    after = null;
    audio.pause();
    audio.removeAttribute("src");
    if (window.speechSynthesis) { speechSynthesis.cancel(); }
    root.removeAttribute("data-speaking");
  }

  /* ---- What a control is: name, then role, then state. */
  function isControl(el) { return el.matches("a[href], button, textarea"); }
  /* A field the visitor writes in: there every key that writes, writes. */
  var TEXT_FIELD = "textarea, input:not([type]), input[type='text'], input[type='search'], " +
    "input[type='email'], input[type='tel'], input[type='url'], input[type='number'], " +
    "[contenteditable='true']";
  function isTextField(el) { return Boolean(el && el.matches && el.matches(TEXT_FIELD)); }
  /* Keys that write or edit in a text field: a character (h, -, + among them), Enter,
     Backspace, Delete, and the caret's own keys. F1, F2, Page Down, Up, Down and Escape
     write nothing, so they keep their meaning there. */
  var EDITING = ["Enter", "Backspace", "Delete", "ArrowLeft", "ArrowRight", "Home", "End"];
  function writes(event) {
    return Array.from(event.key).length === 1 || EDITING.indexOf(event.key) !== -1;
  }
  function roleWord(el) {
    return el.tagName === "A" ? "link" : el.tagName === "TEXTAREA" ? "field" : "button";
  }

  function describe(el) {
    var parts = [fromElement(el)];
    if (isControl(el)) {
      parts.push(word(roleWord(el)));
      if (el.hasAttribute("aria-pressed")) {
        parts.push(word(el.getAttribute("aria-pressed") === "true" ? "on" : "off"));
      }
      if (el.getAttribute("aria-current") === "true") { parts.push(word("selected")); }
      if (el.dataset.help) { parts.push(item(el.dataset.help, "")); }
      /* Said each time a field gets the focus: how to write, and the way out. */
      if (isTextField(el)) { parts.push(word("field_keys")); }
    } else if (el.closest("h1, h2, h3")) {
      parts.push(word("heading"));
    }
    return parts;
  }

  /* Not offsetParent: it is null for fixed elements, such as the Speech button in large type. */
  function visible(el) { return el.getClientRects().length > 0 || el.closest("dialog[open]"); }

  /* Outermost speakable things in reading order: controls and sentences. */
  function speakables(scope) {
    var dialog = document.querySelector("dialog[open]");
    return Array.prototype.filter.call((dialog || scope || document).querySelectorAll("[data-say]"),
      function (el) {
        return visible(el) && !el.parentElement.closest("[data-say]") &&
          !el.classList.contains("skip-link");
      });
  }

  /* ---- Reading aloud ("Listen"), sentence by sentence, with the sentence highlighted. */
  var reading = null;  // { items: [...], index: n, paused: bool }
  var player = document.querySelector("[data-speech='player']");

  function highlight(el) {
    var old = document.querySelectorAll(".speaking");
    Array.prototype.forEach.call(old, function (node) { node.classList.remove("speaking"); });
    if (el) { el.classList.add("speaking"); el.scrollIntoView({ block: "nearest" }); }
  }

  function readFrom(index) {
    if (!reading) { return; }
    reading.index = Math.max(0, Math.min(index, reading.items.length - 1));
    reading.paused = false;
    setPressed("pause", false);
    var el = reading.items[reading.index];
    var current = fromElement(el);
    current.onstart = function () { highlight(el); prefetch(reading.items[reading.index + 1]); };
    speak([current], function () {
      if (reading && reading.index < reading.items.length - 1) { readFrom(reading.index + 1); }
      else { endReading(); }
    });
  }

  function prefetch(el) {
    if (el && serverOk && window.fetch) { fetch(audioUrl(el.dataset.say)).catch(function () {}); }
  }

  function startReading() {
    var items = speakables(document.getElementById("main"));
    if (!items.length) { return; }
    reading = { items: items, index: 0, paused: false };
    if (player) { player.hidden = false; }
    readFrom(0);
  }

  function endReading() {
    stop();
    reading = null;
    highlight(null);
    var hadFocus = player && player.contains(document.activeElement);
    if (player) { player.hidden = true; }
    /* The focus was on a button that has just gone: give it to Listen, next to it. */
    var listen = document.querySelector("[data-speech='listen']");
    if (hadFocus && listen) { listen.focus(); }
  }

  function setPressed(action, pressed) {
    var button = document.querySelector("[data-speech='" + action + "']");
    if (button) { button.setAttribute("aria-pressed", pressed ? "true" : "false"); }
  }

  function setRate(rate) {
    state.rate = rate; save();
    Array.prototype.forEach.call(document.querySelectorAll("[data-speech='rate']"), function (b) {
      b.setAttribute("aria-pressed", b.dataset.rate === rate ? "true" : "false");
    });
  }

  function changeVolume(step) {
    var before = state.volume;
    state.volume = Math.round(Math.min(1, Math.max(0.1, state.volume + step)) * 10) / 10;
    audio.volume = state.volume;
    save();
    var name = step > 0 ? (state.volume === before || state.volume === 1 ? "loudest" : "louder")
      : (state.volume === before || state.volume === 0.1 ? "quietest" : "quieter");
    return word(name);
  }

  var playerActions = {
    listen: function () { if (reading) { endReading(); } else { startReading(); } },
    stop: endReading,
    pause: function () {
      if (!reading) { return; }
      /* Resuming reads the sentence again from its start: a key press in between may
         have cut the audio. */
      if (reading.paused) { readFrom(reading.index); }
      else { reading.paused = true; setPressed("pause", true); stop(); }
    },
    previous: function () { if (reading) { readFrom(reading.index - 1); } },
    next: function () { if (reading) { readFrom(reading.index + 1); } },
    repeat: function () { if (reading) { readFrom(reading.index); } },
    quieter: function () { var w = changeVolume(-0.1); if (!reading) { speak([w]); } },
    louder: function () { var w = changeVolume(0.1); if (!reading) { speak([w]); } },
    rate: function (button) { setRate(button.dataset.rate); if (reading) { readFrom(reading.index); } }
  };

  /* ---- Speech mode for visitors without sight. */
  var currentEl = null;  /* the item speech mode is on: an element, as the list can change */
  var helpLayer = 0;
  var lastHelp = 0;
  var armed = null;  // touch: the control touched once, activated by a second touch
  var toggle = document.querySelector("[data-speech='toggle']");

  function setSpeechMode(on, announce) {
    state.on = on; save();
    root.classList.toggle("speech-mode", on);
    if (toggle) { toggle.setAttribute("aria-pressed", on ? "true" : "false"); }
    if (!on) { stop(); currentEl = null; highlight(null); }
    if (announce) { speak(on ? [word("speech_on"), word("touch_help")] : [word("speech_off")]); }
  }

  function currentIndex() { return speakables().indexOf(currentEl); }

  /* A row of keys (the on-screen keyboard) is named, with its letters, when the
     focus enters it: "row 2 of 5: й ц у к е н ...". */
  function rowIntro(row) {
    return [item(row.dataset.sayRow, row.getAttribute("aria-label"))].concat(
      Array.prototype.map.call(row.querySelectorAll("[data-say]"), fromElement));
  }

  function moveTo(el, before) {
    var row = el.closest("[data-say-row]");
    var wasIn = currentEl && currentEl.closest && currentEl.closest("[data-say-row]");
    if (row && row !== wasIn) { before = (before || []).concat(rowIntro(row)); }
    currentEl = el;
    helpLayer = 0;
    if (!isControl(el)) { el.setAttribute("tabindex", "-1"); }
    el.focus({ preventScroll: false });
    highlight(el);
    speak((before || []).concat(describe(el)));
  }

  function focusItem(index) {
    var items = speakables();
    if (!items.length) { return; }
    if (index < 0) { moveTo(items[0], [word("top")]); return; }
    if (index >= items.length) { speak([word("end")]); return; }
    moveTo(items[index]);
  }

  function currentElement() { return currentIndex() === -1 ? null : currentEl; }

  function nextHeading() {
    var items = speakables();
    for (var i = currentIndex() + 1; i < items.length; i += 1) {
      if (items[i].closest("h1, h2, h3")) { focusItem(i); return; }
    }
    speak([word("end")]);
  }

  /* Arriving on a page in speech mode: say where we are, starting from its title. */
  function arrive() {
    var title = document.querySelector("main h1 [data-say], main h1[data-say]");
    var status = document.querySelector("[data-live='status'] [data-say]");
    if (!title) { focusItem(0); return; }
    moveTo(title);
    if (status) { queue.push(fromElement(status)); }
    /* Messages a page leads with, such as what became of a call for assistance. */
    Array.prototype.forEach.call(document.querySelectorAll("main [data-announce] [data-say]"),
      function (el) { queue.push(fromElement(el)); });
  }

  function help() {
    var now = Date.now();
    if (now - lastHelp < 600) { stop(); lastHelp = 0; return; }  // twice: stop speaking
    lastHelp = now;
    var el = currentElement();
    var layers = [
      el && el.closest("[data-grid]") ? [word("help_keyboard")] :
      el && isControl(el) ? [word("help_" + roleWord(el))]
        .concat(el.dataset.help ? [item(el.dataset.help, "")] : []) : [word("help_text")],
      [word("help_page")],
      [word("help_general")]
    ];
    speak(layers[helpLayer % layers.length]);
    helpLayer += 1;
  }

  var keyActions = {
    down: function () { focusItem(currentIndex() + 1); },
    up: function () { focusItem(currentIndex() - 1); },
    action: function () {
      var el = currentElement();
      if (el && isControl(el)) { armed = el; el.click(); } else if (el) { speak(describe(el)); }
    },
    back: function () {
      var extend = document.querySelector("dialog[open] [data-idle='extend']");
      if (extend) { extend.click(); return; }  /* in the "more time?" question: stay */
      /* This visit's own trail, not the browser's history, which holds earlier visitors. */
      var trail = state.trail || [];
      if (trail.length < 2) { speak([word("start_page")]); return; }
      trail.pop();
      var previous = trail.pop();
      state.trail = trail; save();
      window.location.href = previous;
    },
    next: nextHeading,
    help: help,
    volume_down: function () { speak([changeVolume(-0.1)]); },
    volume_up: function () { speak([changeVolume(0.1)]); },
    toggle: function () { setSpeechMode(!state.on, true); }
  };

  function actionFor(event) {
    var names = Object.keys(cfg.keys);
    for (var i = 0; i < names.length; i += 1) {
      var keys = cfg.keys[names[i]];
      if (keys.indexOf(event.key) !== -1 || keys.indexOf(event.code) !== -1) { return names[i]; }
    }
    return null;
  }

  window.addEventListener("keydown", function (event) {
    if (event.altKey || event.ctrlKey || event.metaKey) { return; }
    /* A held key does not repeat (EN 301 549 5.7): one press, one step. */
    if (event.repeat && state.on) { event.preventDefault(); event.stopImmediatePropagation(); return; }
    var action = actionFor(event);
    /* In a text field a key that writes is the visitor's letter, never a command:
       "hello-h+" is typed as it is. */
    var inField = isTextField(event.target);
    if (inField && writes(event)) {
      if (state.on) { stop(); }
      return;
    }
    if (!state.on) {
      /* The Help key (or the toggle key) switches speech on from any screen. */
      if (action === "help" || action === "toggle") {
        event.preventDefault(); event.stopImmediatePropagation();
        setSpeechMode(true, true);
      }
      return;
    }
    stop();  /* any key cuts the current speech */
    if (inField && event.key === "Escape") {
      /* Escape leaves a text field for the next item, as Down does. */
      event.preventDefault(); event.stopImmediatePropagation();
      currentEl = event.target;
      keyActions.down();
      return;
    }
    if (!action) { return; }
    /* A grid of keys (the on-screen keyboard) moves by rows itself, and says the row. */
    if ((action === "up" || action === "down") && event.target.closest &&
        event.target.closest("[data-grid]")) {
      return;
    }
    event.preventDefault();
    event.stopImmediatePropagation();
    keyActions[action]();
  }, true);

  /* Touch in speech mode: the first touch speaks an item, a second touch chooses it. */
  document.addEventListener("click", function (event) {
    var target = event.target.closest("[data-speech], [data-say]");
    if (!state.on || !target) { return; }
    stop();
    var control = event.target.closest("a[href], button, textarea");
    if (control && control === armed) { armed = null; return; }
    event.preventDefault();
    event.stopImmediatePropagation();
    armed = control;
    currentEl = control || target;
    highlight(currentEl);
    speak(describe(control || target).concat(control ? [word("touch_again")] : []));
  }, true);

  document.addEventListener("pointerdown", function () { if (state.on) { stop(); } }, true);

  /* Typing in speech mode: each letter is said as it is written, as a screen reader
     echoes keys, with the audio of the on-screen keyboard's own key for it. */
  document.addEventListener("input", function (event) {
    if (!state.on || !isTextField(event.target) || event.inputType !== "insertText" ||
        !event.data) { return; }
    var letter = Array.from(event.data).pop().toLowerCase();
    var key = Array.prototype.filter.call(document.querySelectorAll("[data-key]"),
      function (el) { return el.dataset.key === letter; })[0];
    if (key) { speak([fromElement(key)]); }
  });

  /* The "more time?" question is spoken too, and its first button takes the focus. */
  document.addEventListener("kiosk:idle-warning", function () {
    if (reading) { endReading(); }
    if (!state.on) { return; }
    var dialog = document.querySelector("dialog[open]");
    var parts = Array.prototype.map.call(dialog.querySelectorAll("h2 [data-say], p [data-say], p[data-say]"),
      fromElement);
    currentEl = dialog.querySelector("[data-idle='extend']");
    speak(parts.concat(describe(currentEl)));
  });

  /* ---- Wiring up the on-screen controls. */
  Array.prototype.forEach.call(document.querySelectorAll("[data-speech]"), function (el) {
    var action = el.dataset.speech;
    if (playerActions[action]) {
      el.addEventListener("click", function () { playerActions[action](el); });
    }
  });
  var listen = document.querySelector("[data-speech='listen']");
  if (listen) { listen.hidden = false; }
  if (toggle) {
    toggle.hidden = false;
    toggle.addEventListener("click", function (event) {
      event.preventDefault();
      setSpeechMode(!state.on, true);
    });
  }
  if (!serverOk && !browserVoice(cfg.lang)) { status(words.unavailable[1]); }
  setRate(state.rate);
  state.trail = state.trail || [];
  var here = window.location.pathname + window.location.search;
  if (state.trail[state.trail.length - 1] !== here) { state.trail.push(here); }
  state.trail = state.trail.slice(-30);
  save();
  setSpeechMode(Boolean(state.on), false);
  if (state.on) { window.setTimeout(arrive, 50); }

  /* ---- The idle start page says, every so often, that the stand can speak. */
  if (cfg.idlePromptSeconds > 0 && !state.on &&
      window.location.pathname + window.location.search === JSON.parse(settingsNode.textContent).homeUrl) {
    window.setInterval(function () {
      if (!state.on && !reading) { speak([word("idle_prompt")]); }
    }, cfg.idlePromptSeconds * 1000);
  }

  window.kioskSpeech = {
    stop: stop, state: state,
    /* A page's news, e.g. "staff are on the way": spoken at once in speech mode. */
    announce: function (elements) {
      if (state.on) { speak(Array.prototype.map.call(elements, fromElement)); }
    },
    /* News nobody asked for, such as an urgent announcement: said after what is being
       said, never cutting it off. */
    politely: function (elements) {
      if (!state.on) { return; }
      var items = Array.prototype.map.call(elements, fromElement);
      if (root.dataset.speaking) { queue = queue.concat(items); } else { speak(items); }
    },
    reading: function () { return reading; },
    /* For the on-screen keyboard: speech mode goes to a key, or on from one. */
    moveTo: function (el) { moveTo(el); },
    moveFrom: function (el, step) { focusItem(speakables().indexOf(el) + step); },
    say: function (name) { speak([word(name)]); },
    said: function () { return said.slice(); }
  };
}());
