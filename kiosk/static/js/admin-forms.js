/* Admin forms work without this script; it only moves focus to where the editor was
   working after an "Add" or "Remove" button reloaded the form. */
(function () {
  "use strict";
  var marker = document.getElementById("focus-target");
  if (!marker) { return; }
  var target = document.getElementById(marker.dataset.focus);
  if (!target) { return; }
  if (!target.matches("input, select, textarea, button, a[href]")) {
    target = target.querySelector("input:not([type='hidden']), select, textarea, button") || target;
  }
  target.focus();
  target.scrollIntoView({ block: "center" });
})();
