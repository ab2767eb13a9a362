/* The on-screen keyboard of the feedback text, for a stand without a physical one.
   The keys are the server's own buttons (each spoken like every control); this script
   shows them, writes what they say into the field, where the caret was, and moves the
   focus over them as over a keyboard: Left and Right along a row (stopping at its ends),
   Up and Down to the key nearest above or below, Home and End to the row's ends. Up from
   the first row and Down from the last leave the keyboard, so it is never a trap. */
(function () {
  "use strict";

  var keyboard = document.querySelector("[data-keyboard-for]");
  var field = keyboard && document.getElementById(keyboard.dataset.keyboardFor);
  if (!field) { return; }
  keyboard.hidden = false;

  /* The field and the keys under it belong together: when the field takes the focus, it
     goes to the top of the page's region, so the keyboard is on the screen below it (on a
     landscape screen in large type the field alone would fill what the bar leaves). */
  field.addEventListener("focus", function () { field.scrollIntoView({ block: "start" }); });

  /* A key takes the focus from the field: remember where the caret was. */
  var caret = { start: field.value.length, end: field.value.length };
  function remember() { caret = { start: field.selectionStart, end: field.selectionEnd }; }
  ["keyup", "mouseup", "select", "input"].forEach(function (type) {
    field.addEventListener(type, remember);
  });

  function write(text) {
    var value = field.value;
    field.value = value.slice(0, caret.start) + text + value.slice(caret.end);
    caret.start = caret.end = caret.start + text.length;
  }

  function deleteLetter() {
    if (caret.start === caret.end) {
      if (caret.start === 0) { return; }
      /* Whole characters: a letter outside the basic plane is two code units. */
      var before = Array.from(field.value.slice(0, caret.start));
      before.pop();
      caret.start = before.join("").length;
    }
    write("");
  }

  function switchLayout(button) {
    var current = button.closest("[data-layout]");
    var layouts = Array.prototype.slice.call(keyboard.querySelectorAll("[data-layout]"));
    var next = layouts[(layouts.indexOf(current) + 1) % layouts.length];
    current.hidden = true;
    next.hidden = false;
    /* The focus stays where the visitor is: on the switch of the layout now shown. */
    focusKey(next.querySelector("[data-key-action='switch']"));
  }

  /* ---- Moving by rows and columns. */
  function rows() {
    return Array.prototype.slice.call(
      keyboard.querySelectorAll("[data-layout]:not([hidden]) .keyboard-row"));
  }
  function keysOf(row) { return Array.prototype.slice.call(row.querySelectorAll("button")); }
  function centre(el) { var r = el.getBoundingClientRect(); return r.left + r.width / 2; }

  /* The key of ``row`` nearest the column of ``from``: wide keys span several columns. */
  function nearest(row, from) {
    var x = centre(from);
    return keysOf(row).reduce(function (best, key) {
      return Math.abs(centre(key) - x) < Math.abs(centre(best) - x) ? key : best;
    });
  }

  function speech() {
    return window.kioskSpeech && window.kioskSpeech.state.on ? window.kioskSpeech : null;
  }

  /* In speech mode the focus moves as speech moves it, saying the key (and its row). */
  function focusKey(key) {
    var voice = speech();
    if (voice) { voice.moveTo(key); } else { key.focus(); }
  }

  function go(key) {
    focusKey(key);
    key.scrollIntoView({ block: "nearest" });
  }

  keyboard.addEventListener("keydown", function (event) {
    if (event.altKey || event.ctrlKey || event.metaKey || event.repeat) { return; }
    var button = event.target.closest("button");
    var row = button && button.closest(".keyboard-row");
    if (!row) { return; }
    var all = rows();
    var r = all.indexOf(row);
    var keys = keysOf(row);
    var c = keys.indexOf(button);
    var target;
    if (event.key === "ArrowLeft" || event.key === "ArrowRight") {
      target = keys[c + (event.key === "ArrowLeft" ? -1 : 1)];
      if (!target) {
        /* At a row's end the focus stays; speech mode says which end. */
        event.preventDefault(); event.stopPropagation();
        var voice = speech();
        if (voice) { voice.say(event.key === "ArrowLeft" ? "row_start" : "row_end"); }
        return;
      }
    } else if (event.key === "Home" || event.key === "End") {
      target = event.key === "Home" ? keys[0] : keys[keys.length - 1];
    } else if (event.key === "ArrowUp" || event.key === "ArrowDown") {
      var step = event.key === "ArrowUp" ? -1 : 1;
      var other = all[r + step];
      if (other) {
        target = nearest(other, button);
      } else {
        /* Leaving the keyboard: on from its first key upwards or its last key downwards,
           to the control before it (the field) or after it (Send). */
        var edge = step < 0 ? keysOf(all[0])[0] : keysOf(all[all.length - 1]).pop();
        var voiceOut = speech();
        if (voiceOut) {
          event.preventDefault(); event.stopPropagation();
          voiceOut.moveFrom(edge, step);
        } else {
          edge.focus();  /* the page's keypad script moves on from here */
        }
        return;
      }
    } else {
      return;
    }
    event.preventDefault();
    event.stopPropagation();
    go(target);
  });

  keyboard.addEventListener("click", function (event) {
    var button = event.target.closest("button");
    if (!button) { return; }
    if (button.dataset.key !== undefined) { write(button.dataset.key); }
    else if (button.dataset.keyAction === "delete") { deleteLetter(); }
    else if (button.dataset.keyAction === "switch") { switchLayout(button); }
  });
}());
