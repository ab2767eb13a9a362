/* What the stand could not say: visible controls without a speech key, and visible text
   outside every spoken element; and every key the page may ask audio for. */
var CONTROLS = "a[href], button, input:not([type='hidden']), select, textarea, summary, " +
  "[tabindex]:not([tabindex='-1'])";
var SILENT_PARENTS = "script, style, noscript, template, [data-say]";
/* Commas and dashes between spoken parts say nothing by themselves. */
var WORDS = /[\p{L}\p{N}]/u;
var unspoken = [];
var seen = new Set();
function note(el, why) {
  if (seen.has(el)) { return; }
  seen.add(el);
  unspoken.push([standSelector(el), standHtml(el), why]);
}
Array.prototype.forEach.call(document.querySelectorAll(CONTROLS), function (el) {
  if (standVisible(el) && !el.closest("[data-say]")) { note(el, "control"); }
});
var walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
for (var text = walker.nextNode(); text; text = walker.nextNode()) {
  var parent = text.parentElement;
  if (!WORDS.test(text.data) || !parent || parent.closest(SILENT_PARENTS)) { continue; }
  if (standVisible(parent)) { note(parent, "text"); }
}
var keys = [];
Array.prototype.forEach.call(document.querySelectorAll("[data-say], [data-help]"), function (el) {
  ["say", "help"].forEach(function (name) {
    var key = el.dataset[name];
    if (key !== undefined) { keys.push([key, standSelector(el), standHtml(el)]); }
  });
});
var settingsNode = document.getElementById("kiosk-settings");
var settings = settingsNode ? JSON.parse(settingsNode.textContent) : {};
var speech = settings.speech || null;
var where = settingsNode ? standSelector(settingsNode) : "html";
(settings.countdownTexts || []).forEach(function (said) {
  if (said && said[0]) { keys.push([said[0], where, "countdown: " + said[1]]); }
});
if (speech && speech.words) {
  Object.keys(speech.words).forEach(function (name) {
    keys.push([speech.words[name][0], where, "word " + name + ": " + speech.words[name][1]]);
  });
}
return {unspoken: unspoken, keys: keys, audioUrl: speech ? speech.audioUrl : null,
        lang: document.documentElement.lang};
