// Added to every document, in the page's own world, before its own scripts run.
// Dialogs would stop the browser until someone answers them, and a beforeunload
// handler would stop it leaving the page; both are recorded instead, so the scan can
// report them. Requests the page's scripts make are counted, so settle.js knows when
// data a page fetches after loading has arrived. What is seen is told to the
// scanner's isolated world (world_guard.js) by events on the window, sent with the
// browser's own dispatchEvent, kept before the page could replace it.
(() => {
  const dispatch = EventTarget.prototype.dispatchEvent;
  const Signal = CustomEvent;
  const stringify = JSON.stringify;
  const tell = (kind, text) => {
    dispatch.call(window, new Signal("a11y-audit-guard", { detail: stringify([kind, String(text ?? "")]) }));
  };
  const done = () => tell("request-end", "");
  const fetch = window.fetch;
  if (fetch) {
    window.fetch = function (...args) {
      tell("request-start", "");
      const request = fetch.apply(this, args);
      request.then(done, done);
      return request;
    };
  }
  const send = XMLHttpRequest.prototype.send;
  const listen = EventTarget.prototype.addEventListener;
  XMLHttpRequest.prototype.send = function (...args) {
    tell("request-start", "");
    listen.call(this, "loadend", done, { once: true });
    return send.apply(this, args);
  };
  window.alert = (text) => tell("alert", text);
  window.confirm = (text) => { tell("confirm", text); return false; };
  window.prompt = (text) => { tell("prompt", text); return null; };
  EventTarget.prototype.addEventListener = function (type, listener, options) {
    if (type === "beforeunload" && this === window) { tell("beforeunload", ""); return; }
    return listen.call(this, type, listener, options);
  };
  Object.defineProperty(window, "onbeforeunload", {
    configurable: true, get() { return null; }, set(handler) { if (handler) tell("beforeunload", ""); },
  });
})();
