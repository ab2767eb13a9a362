/* The call-for-assistance status page: asks every few seconds whether staff have
   answered, then shows the new message in the page's live region and, in speech mode,
   speaks it. Without this script the "Check again" button does the same by hand. */
(function () {
  "use strict";

  var region = document.querySelector("[data-assistance-state]");
  if (!region) { return; }
  var POLL_MS = 3000;
  var CLOSED = ["done", "withdrawn"];

  function isClosed(state) { return CLOSED.indexOf(state) !== -1; }

  function show(state) {
    var template = document.querySelector("template[data-assistance-message='" + state + "']");
    if (!template) { return; }
    /* Replacing the region's content is what makes it announced; the template's
       sentences already carry their speech keys. */
    region.replaceChildren(template.content.cloneNode(true));
    region.classList.remove("state-" + region.dataset.assistanceState);
    region.classList.add("state-" + state);
    region.dataset.assistanceState = state;
    if (window.kioskSpeech) { window.kioskSpeech.announce(region.querySelectorAll("[data-say]")); }
  }

  function schedule() {
    if (!isClosed(region.dataset.assistanceState)) { window.setTimeout(poll, POLL_MS); }
  }

  function poll() {
    var request = new XMLHttpRequest();
    request.open("GET", region.dataset.stateUrl);
    request.responseType = "json";
    request.onload = function () {
      var data = request.response;
      if (request.status === 200 && data && data.state !== region.dataset.assistanceState) {
        /* A closed call changes the buttons too (and ends the long wait before the idle
           reset): the server draws that page. */
        if (isClosed(data.state)) { window.location.reload(); return; }
        show(data.state);
      }
      schedule();
    };
    request.onerror = schedule;
    request.send();
  }

  schedule();
}());
