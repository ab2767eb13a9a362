// Added to every document in the scanner's isolated world (world.py), before the
// page's scripts run: it keeps what the page's guard (guard.js) tells — requests
// pending, the last activity, dialogs asked for — where the page cannot change it.
// A page can send the same events; that can only make the settle wait longer (up to
// its limit) or shorter, or add dialogs to its own report.
(() => {
  const state = { pending: 0, activity: 0, events: [] };
  window.__a11yAudit = state;
  window.addEventListener("a11y-audit-guard", (event) => {
    if (typeof event.detail !== "string") return;
    let kind, text;
    try { [kind, text] = JSON.parse(event.detail); } catch (error) { return; }
    state.activity = performance.now();
    if (kind === "request-start") state.pending += 1;
    else if (kind === "request-end") state.pending = Math.max(0, state.pending - 1);
    else if (state.events.length < 50) state.events.push([String(kind), String(text)]);
  });
})();
