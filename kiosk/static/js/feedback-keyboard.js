/* The on-screen keyboard of the feedback text, for a stand without a physical one.
   The keys are the server's own buttons (each spoken like every control); this script
   only shows them and writes what they say into the field, where the caret was. */
(function () {
  "use strict";

  var keyboard = document.querySelector("[data-keyboard-for]");
  var field = keyboard && document.getElementById(keyboard.dataset.keyboardFor);
  if (!field) { return; }
  keyboard.hidden = false;

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
    next.querySelector("[data-key-action='switch']").focus();
  }

  keyboard.addEventListener("click", function (event) {
    var button = event.target.closest("button");
    if (!button) { return; }
    if (button.dataset.key !== undefined) { write(button.dataset.key); }
    else if (button.dataset.keyAction === "delete") { deleteLetter(); }
    else if (button.dataset.keyAction === "switch") { switchLayout(button); }
  });
}());
