/* The assistance requests page updates itself: every few seconds it fetches the lists
   as the server draws them, puts them in place, and announces new calls in a polite
   live region. The page works without this script (reload it by hand). */
(function () {
  "use strict";

  var list = document.querySelector("[data-assistance='list']");
  var announcer = document.querySelector("[data-assistance='announcer']");
  var failed = document.querySelector("[data-assistance='failed']");
  if (!list || !window.fetch) { return; }
  var seconds = Number(list.dataset.pollSeconds) || 5;
  var baseTitle = document.title;
  var known = [];  /* ids of the open calls already shown */
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

  function update(data) {
    var before = known;
    replaceList(data.html);
    var fresh = data.open.filter(function (call) { return before.indexOf(call.id) === -1; });
    if (fresh.length) {
      announcer.textContent = fresh.map(function (call) { return call.announcement; }).join(" ");
    }
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
  document.title = (known.length ? "(" + known.length + ") " : "") + baseTitle;
  window.setTimeout(poll, seconds * 1000);
}());
