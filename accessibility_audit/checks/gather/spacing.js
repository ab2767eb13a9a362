// Text spacing a reader cannot override: for each visible text, the element whose
// style attribute declares its letter-spacing, word-spacing or line-height with
// !important (a declaration no author-origin style sheet, such as a browser
// extension's, can beat), with the value the text gets and its font size.
const PROPERTIES = ["letter-spacing", "word-spacing", "line-height"];
// Keywords that take the parent's value: the parent's own declaration decides.
const FROM_PARENT = /^(inherit|unset|revert|revert-layer)$/i;
const MAX_TEXTS = 20000;
const px = (value) => (value === "normal" ? null : parseFloat(value));
const declaring = (element, property) => {
  for (let node = element; node && node.nodeType === 1; node = node.parentElement) {
    if (node.style && node.style.getPropertyValue(property)) return node;
  }
  return null;
};
// The value a descendant would inherit from the declaring element: a line height
// written as a number scales with each element's font, anything else is inherited as
// computed.
const inherits = (element, holder, property) => {
  if (element === holder) return true;
  const own = getComputedStyle(element).getPropertyValue(property);
  const declared = holder.style.getPropertyValue(property).trim();
  if (property === "line-height" && /^[\d.]+$/.test(declared)) {
    return Math.abs(px(own) - parseFloat(declared) * parseFloat(getComputedStyle(element).fontSize)) < 0.5;
  }
  return own === getComputedStyle(holder).getPropertyValue(property);
};
// Whether the text runs over more than one line (line height matters only then).
const wraps = (rects) => new Set(Array.prototype.map.call(rects, (r) => Math.round(r.top))).size > 1;
const seen = new Map();
const root = document.body || document.documentElement;
const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
let count = 0;
for (let text = walker.nextNode(); text && count < MAX_TEXTS; text = walker.nextNode()) {
  if (!text.data.trim()) continue;
  const parent = text.parentElement;
  if (!parent || !PROPERTIES.some((p) => parent.closest(`[style*="${p}"]`))) continue;
  count += 1;
  if (!a11yOwnVisible(parent)) continue;
  const range = document.createRange();
  range.selectNodeContents(text);
  const rects = range.getClientRects();
  const box = range.getBoundingClientRect();
  // Text drawn above or left of the page's origin can never be scrolled to.
  if (!rects.length || box.bottom + window.scrollY <= 0 || box.right + window.scrollX <= 0) continue;
  const style = getComputedStyle(parent);
  for (const property of PROPERTIES) {
    const holder = declaring(parent, property);
    if (!holder || holder.style.getPropertyPriority(property) !== "important") continue;
    if (FROM_PARENT.test(holder.style.getPropertyValue(property).trim())) continue;
    if (property === "line-height" && !wraps(rects)) continue;
    if (!inherits(parent, holder, property)) continue;
    const key = `${property} ${a11yOwnSelector(holder)}`;
    const found = {
      ...a11yOwnNode(holder), property,
      declared: holder.style.getPropertyValue(property),
      value: px(style.getPropertyValue(property)),
      fontSize: parseFloat(style.fontSize),
    };
    const known = seen.get(key);
    // The text it spaces least, relative to its font, stands for the element.
    const ratio = (f) => (f.value === null ? 0 : f.value / f.fontSize);
    if (!known || ratio(found) < ratio(known)) seen.set(key, found);
  }
}
return [...seen.values()];
