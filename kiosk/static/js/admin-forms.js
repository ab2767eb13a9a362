/* Admin forms work without this script. It moves the focus to where the editor was
   working after an "Add", "Remove" or "Copy" button reloaded the form, and makes an
   error summary's links behave as GOV.UK Frontend's do: the field gets the focus and
   is scrolled so its label or legend shows above it. (Without the script the links
   still go to the field itself, which the browser focuses.) */
(function () {
  "use strict";

  var CONTROL = "input:not([type='hidden']), select, textarea, button";

  /* The question the field answers: its fieldset's legend when that is near enough to
     show together with the field, else its own label. */
  function caption(input) {
    var fieldset = input.closest("fieldset");
    var legend = fieldset && fieldset.querySelector("legend");
    if (legend) {
      var gap = input.getBoundingClientRect().top - legend.getBoundingClientRect().top;
      if (gap < window.innerHeight / 2) { return legend; }
    }
    return (input.id && document.querySelector("label[for='" + CSS.escape(input.id) + "']")) ||
      input;
  }

  function focusField(target) {
    if (!target.matches(CONTROL)) { target = target.querySelector(CONTROL) || target; }
    caption(target).scrollIntoView({ block: "start" });
    window.scrollBy(0, -16);  /* a little room above it: a legend sits on its border */
    target.focus({ preventScroll: true });
    return target;
  }

  Array.prototype.forEach.call(document.querySelectorAll(".error-summary a[href^='#']"),
    function (link) {
      link.addEventListener("click", function (event) {
        var target = document.getElementById(link.getAttribute("href").slice(1));
        if (!target) { return; }
        event.preventDefault();
        focusField(target);
      });
    });

  var marker = document.getElementById("focus-target");
  var target = marker && document.getElementById(marker.dataset.focus);
  if (!target) { return; }
  if (!target.matches(CONTROL)) { target = target.querySelector(CONTROL) || target; }
  target.focus();
  target.scrollIntoView({ block: "center" });
})();
