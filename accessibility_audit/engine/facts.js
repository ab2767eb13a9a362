// What the scanner needs to know of a loaded page, in one round trip.
const [wantLinks] = arguments;
const navigation = performance.getEntriesByType("navigation")[0];
const html = document.documentElement ? document.documentElement.outerHTML : "";
// An SVG <a>'s href is an object (SVGAnimatedString), not the URL.
const hrefOf = (a) => (typeof a.href === "string" ? a.href : new URL(a.getAttribute("href"), document.baseURI).href);
const links = wantLinks
  ? Array.from(document.querySelectorAll("a[href], area[href]"), hrefOf)
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
  events: (window.__a11yAudit && window.__a11yAudit.events) || [],
};
