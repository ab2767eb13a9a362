// Added to every document before its own scripts run. Dialogs would stop the
// browser until someone answers them, and a beforeunload handler would stop it
// leaving the page; both are recorded instead, so the scan can report them.
// Requests the page's scripts make are counted, so settle.js knows when data a
// page fetches after loading has arrived.
(() => {
  let pending = 0;
  const active = () => { window.__a11yAuditActivity = performance.now(); };
  const done = () => { pending -= 1; active(); };
  Object.defineProperty(window, "__a11yAuditPending", { get: () => pending });
  const fetch = window.fetch;
  if (fetch) {
    window.fetch = function (...args) {
      pending += 1; active();
      const request = fetch.apply(this, args);
      request.then(done, done);
      return request;
    };
  }
  const send = XMLHttpRequest.prototype.send;
  XMLHttpRequest.prototype.send = function (...args) {
    pending += 1; active();
    this.addEventListener("loadend", done, { once: true });
    return send.apply(this, args);
  };
  const note = (kind, text) => {
    (window.__a11yAuditEvents = window.__a11yAuditEvents || []).push([kind, String(text ?? "")]);
  };
  window.alert = (text) => note("alert", text);
  window.confirm = (text) => { note("confirm", text); return false; };
  window.prompt = (text) => { note("prompt", text); return null; };
  const add = EventTarget.prototype.addEventListener;
  EventTarget.prototype.addEventListener = function (type, listener, options) {
    if (type === "beforeunload" && this === window) { note("beforeunload", ""); return; }
    return add.call(this, type, listener, options);
  };
  Object.defineProperty(window, "onbeforeunload", {
    configurable: true, get() { return null; }, set(handler) { if (handler) note("beforeunload", ""); },
  });
})();
