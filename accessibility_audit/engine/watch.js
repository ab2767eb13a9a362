// The part of interference an isolated world cannot stop: the page changing the
// shared DOM while it is audited. Installed in the scanner's world of each audited
// document; start() before axe-core looks, stop() after, with what changed:
// whether <html>, <head> or <body> was taken out or replaced, how many elements
// were removed of how many there were, and whether the document still has a body.
window.__a11yAuditWatch = window.__a11yAuditWatch || (() => {
  let observer = null;
  let report = null;
  const structural = (node) => node === document.documentElement || node === document.head
    || node === document.body || ["HTML", "HEAD", "BODY"].includes(node.nodeName);
  const count = (node) => (node.nodeType === 1 ? 1 + node.getElementsByTagName("*").length : 0);
  const take = (records) => {
    for (const record of records) {
      for (const node of record.removedNodes) {
        if (node.nodeType !== 1) continue;
        report.removed += count(node);
        if ((record.target === document || record.target.nodeName === "HTML") && structural(node)) {
          report.structure.push(node.nodeName.toLowerCase());
        }
      }
    }
  };
  return {
    start() {
      if (observer) take(observer.takeRecords()), observer.disconnect();
      report = { removed: 0, structure: [], elements: document.getElementsByTagName("*").length,
                 html: document instanceof HTMLDocument, bodyAtStart: !!document.body };
      observer = new MutationObserver(take);
      observer.observe(document, { childList: true, subtree: true });
    },
    stop() {
      if (!observer) return null;
      take(observer.takeRecords());
      observer.disconnect();
      observer = null;
      return { ...report, body: !!document.body, structure: [...new Set(report.structure)] };
    },
  };
})();
