/* The idle reset's warning: its settings, its dialog and the control that extends. */
var settingsNode = document.getElementById("kiosk-settings");
var settings = settingsNode ? JSON.parse(settingsNode.textContent) : null;
var extend = document.querySelector("[data-idle='extend']");
var dialog = extend ? extend.closest("dialog") : document.querySelector("dialog");
return {
  settings: settings ? {idle: settings.idleSeconds, countdown: settings.countdownSeconds,
                        preview: settings.preview} : null,
  dialog: dialog ? [standSelector(dialog), standHtml(dialog).split(">")[0] + ">"] : null,
  extend: extend ? [standSelector(extend), standHtml(extend),
                    extend.matches("button, a[href]"), (extend.textContent || "").trim(),
                    extend.hasAttribute("data-say")] : null
};
