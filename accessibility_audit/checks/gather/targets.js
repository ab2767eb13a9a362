// Every visible pointer target with its size, name and what may exempt it from
// 2.5.5: a link inside a sentence, or a browser control the author left unstyled.
const TARGETS = [
  "a[href]", "area[href]", "button", "input:not([type=hidden])", "select", "textarea", "summary",
  "[role=button]", "[role=link]", "[role=checkbox]", "[role=radio]", "[role=switch]", "[role=tab]",
  "[role=menuitem]", "[role=option]", "[onclick]",
].join(", ");
// Boxes focusable only to scroll them (tabindex) are no pointer targets.
const NATIVE = "input, select, textarea, button";
const nameOf = (element) => (element.getAttribute("aria-label") || element.innerText
  || element.value || element.title || element.getAttribute("alt") || "").replace(/\s+/g, " ").trim().slice(0, 200);
const blockOf = (element) => {
  for (let node = element.parentElement; node; node = node.parentElement) {
    const display = getComputedStyle(node).display;
    if (!display.startsWith("inline") && display !== "contents") return node;
  }
  return document.body || document.documentElement;
};
// A link whose line also holds other words is part of a sentence.
const inSentence = (element) => {
  if (!getComputedStyle(element).display.startsWith("inline") || element.matches(NATIVE)) return false;
  const own = (element.innerText || "").replace(/\s+/g, "");
  const around = (blockOf(element).innerText || "").replace(/\s+/g, "");
  return around.length > own.length && /[\p{L}\p{N}]/u.test(around.replace(own, ""));
};
// The size the browser gives this control unstyled, measured in a shadow root the
// page's style sheets cannot reach. Made as an HTML element by name: in an SVG or
// other XML document createElement would make one of no namespace, without style.
const host = document.createElementNS("http://www.w3.org/1999/xhtml", "div");
host.style.cssText = "position:absolute;left:-10000px;top:0";
(document.body || document.documentElement).appendChild(host);
const shadow = host.attachShadow({ mode: "open" });
const defaultSize = (element) => {
  const probe = element.cloneNode(false);
  probe.removeAttribute("id");
  probe.removeAttribute("style");
  probe.removeAttribute("class");
  shadow.appendChild(probe);
  const box = probe.getBoundingClientRect();
  probe.remove();
  return [box.width, box.height];
};
// Unstyled when its box is the browser's size; a flex or grid container stretches a
// control across its line (a radio button as tall as its label's text) without the
// author sizing it, which leaves the other dimension the browser's.
const same = (a, b) => Math.abs(a - b) < 0.5;
const unstyled = (element, box, [width, height]) => {
  if (same(width, box.width) && same(height, box.height)) return true;
  const parent = element.parentElement;
  if (!parent || !/flex|grid/.test(getComputedStyle(parent).display)) return false;
  return (same(width, box.width) && box.height >= height) || (same(height, box.height) && box.width >= width);
};
const found = [];
try {
  for (const element of document.querySelectorAll(TARGETS)) {
    if (element.disabled || element.closest("[inert], [aria-hidden=true]") || !a11yOwnVisible(element)) continue;
    const box = element.getBoundingClientRect();
    // Off-screen (skip links until focused) is not where a finger can touch it.
    if (box.right <= 0 || box.bottom + window.scrollY <= 0) continue;
    const native = element.matches(NATIVE) && getComputedStyle(element).appearance !== "none";
    found.push({
      ...a11yOwnNode(element),
      width: box.width, height: box.height,
      name: nameOf(element).toLowerCase(),
      href: a11yOwnHref(element),
      inSentence: inSentence(element),
      userAgent: native && unstyled(element, box, defaultSize(element)),
    });
  }
} finally {
  host.remove();
}
return found;
