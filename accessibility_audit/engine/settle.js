// Resolves once the page has loaded, no request of its scripts is pending (see
// guard.js and world_guard.js) and nothing (DOM or network) has changed for `quiet`
// ms, or after `limit` ms at most: a wait for the page, not a fixed sleep. Runs in
// the scanner's isolated world.
const [quiet, limit, done] = arguments;
const state = window.__a11yAudit || { pending: 0, activity: 0 };
const started = performance.now();
const finishedAt = (entries) => entries.reduce((last, e) => Math.max(last, e.responseEnd || 0), 0);
let last = Math.max(finishedAt(performance.getEntriesByType("navigation")),
                    finishedAt(performance.getEntriesByType("resource")));
let resources = performance.getEntriesByType("resource").length;
const observer = new MutationObserver(() => { last = performance.now(); });
observer.observe(document, { subtree: true, childList: true, attributes: true, characterData: true });
const tick = () => {
  const count = performance.getEntriesByType("resource").length;
  if (count !== resources) { resources = count; last = performance.now(); }
  last = Math.max(last, state.activity || 0);
  const now = performance.now();
  const settled = document.readyState === "complete" && !state.pending && now - last >= quiet;
  if (settled || now - started >= limit) {
    observer.disconnect();
    done(document.readyState);
  } else {
    setTimeout(tick, 25);
  }
};
tick();
