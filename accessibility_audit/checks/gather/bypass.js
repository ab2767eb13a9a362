// What bypassing the page's repeated blocks needs: its perceivable content in
// document order (pieces of text and images' alternatives), each with whether it is
// seen, exposed to assistive technology, inside a landmark or a heading; the
// same-page links and where their targets lie in that order; the controls that may
// hide a block or move the focus by script; and the links to other pages of the site,
// to learn what is repeated.
const [maxUnits] = arguments;
const SKIP = "script, style, noscript, template, head, title";
const LANDMARK = "main, [role=main], [role=region][aria-label], [role=region][aria-labelledby], " +
  "section[aria-label], section[aria-labelledby], [role=complementary], aside, [role=navigation], nav, " +
  "[role=search], search, [role=contentinfo], [role=banner], [role=form][aria-label], form[aria-label]";
// What a failure names: the repeated block a piece of content belongs to.
const BLOCK = "nav, aside, header, footer, [role=navigation], [role=banner], [role=complementary]";
const HEADING = "h1, h2, h3, h4, h5, h6, [role=heading]";
// Controls a script may use to collapse a block or move the focus past it.
const CONTROL = "button, [role=button], [role=link]:not([href]), [onclick], [aria-expanded], " +
  "[aria-controls], summary, a[href^='javascript:'], a[href='#']";
const here = location.href.split("#")[0];
// Not exposed: inside aria-hidden or role=presentation/none on a heading does not count.
const exposed = (element) => !element.closest("[aria-hidden=true]") && !element.closest("[inert]")
  && (!element.checkVisibility || element.checkVisibility({ checkVisibilityCSS: true }));
// Seen: drawn, larger than the screen readers' one-pixel boxes, and not moved off the page.
const seen = (element) => {
  if (!a11yOwnVisible(element)) return false;
  const box = element.getBoundingClientRect();
  if (box.width <= 1 || box.height <= 1) return false;
  return box.bottom + window.scrollY > 0 && box.right + window.scrollX > 0;
};
const samePage = (link) => {
  const href = a11yOwnHref(link);
  return href.split("#")[0] === here && href.includes("#");
};
const neutral = (element) => {
  // A same-page link or a control is an instrument to bypass, not content.
  const link = element.closest("a[href]");
  return Boolean((link && samePage(link)) || element.closest(CONTROL));
};

const units = [];
const nodes = [];
const walker = document.createTreeWalker(document.body || document.documentElement,
  NodeFilter.SHOW_TEXT | NodeFilter.SHOW_ELEMENT);
for (let node = walker.nextNode(); node && units.length < maxUnits; node = walker.nextNode()) {
  let text = "";
  let element = null;
  if (node.nodeType === Node.TEXT_NODE) {
    element = node.parentElement;
    text = node.nodeValue;
  } else if (node.localName === "img" || (node.localName === "input" && node.type === "image")) {
    element = node;
    text = node.getAttribute("alt") || "";
  } else {
    continue;
  }
  text = text.replace(/\s+/g, " ").trim();
  if (!text || !element || element.closest(SKIP)) continue;
  const isSeen = seen(element);
  const isExposed = exposed(element);
  if (!isSeen && !isExposed) continue;
  const landmark = element.closest(LANDMARK);
  const heading = element.closest(HEADING);
  units.push({
    text,
    seen: isSeen,
    exposed: isExposed,
    neutral: neutral(element),
    landmark: Boolean(landmark && exposed(landmark)),
    heading: Boolean(heading && exposed(heading) && seen(heading)
      && !["presentation", "none"].includes(heading.getAttribute("role"))),
    ...a11yOwnNode(element.closest(BLOCK) || element.closest("ul, ol, p, li, h1, h2, h3, h4, h5, h6, div") || element),
  });
  nodes.push(node);
}
// Where an element lies in the order of the units: the first unit at or after it.
const position = (target) => {
  for (let i = 0; i < nodes.length; i++) {
    const node = nodes[i];
    if (node === target || target.contains(node)
        || (target.compareDocumentPosition(node) & Node.DOCUMENT_POSITION_FOLLOWING)) return i;
  }
  return nodes.length;
};
const skipLinks = [];
for (const link of document.querySelectorAll("a[href], area[href]")) {
  if (!samePage(link) || link.closest(SKIP)) continue;
  const fragment = decodeURIComponent(a11yOwnHref(link).split("#").slice(1).join("#"));
  const target = fragment ? (document.getElementById(fragment) || document.getElementsByName(fragment)[0]) : null;
  skipLinks.push({ ...a11yOwnNode(link), fragment, to: target ? position(target) : null,
    position: position(link) });
}
const controls = [];
for (const control of document.querySelectorAll(CONTROL)) {
  if (control.closest(SKIP) || control.closest("a[href]:not([href='#']):not([href^='javascript:'])")) continue;
  controls.push({ ...a11yOwnNode(control), position: position(control) });
}
const pages = [];
for (const link of document.querySelectorAll("a[href], area[href]")) {
  const href = a11yOwnHref(link).split("#")[0];
  let url;
  try {
    url = new URL(href);
  } catch {
    continue;
  }
  if (url.origin !== location.origin || href === here || !/^https?:$/.test(url.protocol)) continue;
  if (!pages.includes(href)) pages.push(href);
}
return { url: here, units, skipLinks, controls, pages };
