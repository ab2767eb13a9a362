/* The visible controls, numbered in document order, and from now on a log of which of
   them takes the focus. Radio buttons of one name are one stop for Tab. */
var CONTROLS = "a[href], button:not([disabled]), input:not([type='hidden']):not([disabled]), " +
  "select:not([disabled]), textarea:not([disabled]), summary, [tabindex]:not([tabindex='-1'])";
/* A modal dialog holds the focus by design; a dialog that is merely open does not. */
var scope = document.querySelector("dialog:modal") || document;
var controls = Array.prototype.filter.call(scope.querySelectorAll(CONTROLS), standVisible);
window.__standControls = controls;
window.__standFocus = [];
if (!window.__standListening) {
  window.__standListening = true;
  document.addEventListener("focusin", function (event) {
    window.__standFocus.push(window.__standControls.indexOf(event.target));
  }, true);
}
if (document.activeElement && document.activeElement !== document.body) {
  document.activeElement.blur();
}
window.scrollTo(0, 0);
return controls.map(function (el) {
  return [standSelector(el), standHtml(el),
          el.type === "radio" && el.name ? "radio:" + el.name : ""];
});
