// What the scanner needs to know of a loaded page, in one round trip.
const [wantLinks] = arguments;
const navigation = performance.getEntriesByType("navigation")[0];
const html = document.documentElement ? document.documentElement.outerHTML : "";
const links = wantLinks
  ? Array.from(document.querySelectorAll("a[href], area[href]"), (a) => a.href)
  : [];
return {
  url: location.href,
  status: navigation && navigation.responseStatus ? navigation.responseStatus : null,
  contentType: document.contentType,
  title: document.title,
  elements: document.getElementsByTagName("*").length,
  textLength: document.body ? document.body.innerText.length : 0,
  head: html.slice(0, 20000),
  links,
  events: window.__a11yAuditEvents || [],
};
