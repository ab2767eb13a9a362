// Text cut off by a box that hides what overflows it (overflow hidden or clip), for a
// comparison of two looks at the page: each call finds the text inside such boxes
// and keeps it (the scanner's isolated world keeps its globals between calls, unseen
// by the page), and says how much of each text its boxes cut off: the texts of the
// previous calls first, in their order, then those found anew (a box a media query
// makes). arguments[0]: true to forget the previous calls.
const MAX_TEXTS = 3000;
const HIDES = /^(hidden|clip)$/;
// A box this small hides its text on purpose (visually hidden text for screen readers).
const HIDDEN_BOX = 4;
const htmlElement = (node) => node && node.namespaceURI === "http://www.w3.org/1999/xhtml";
if (arguments[0] || !window.__a11yOwnClipped) window.__a11yOwnClipped = [];
{
  const texts = window.__a11yOwnClipped;
  const boxes = Array.prototype.filter.call(document.querySelectorAll("body *"), (element) => {
    const style = getComputedStyle(element);
    return HIDES.test(style.overflowX) || HIDES.test(style.overflowY);
  });
  const seen = new Set(texts);
  for (const box of boxes) {
    const walker = document.createTreeWalker(box, NodeFilter.SHOW_TEXT);
    for (let text = walker.nextNode(); text && texts.length < MAX_TEXTS; text = walker.nextNode()) {
      if (seen.has(text) || !text.data.trim() || !htmlElement(text.parentElement)) continue;
      seen.add(text);
      texts.push(text);
    }
  }
}
// The part of ``rect`` each box on the way up cuts off, per axis, in CSS px: a box that
// scrolls on an axis lets the reader reach what lies beyond it, so only its own box
// counts further up; an absolutely positioned element escapes the boxes between it and
// the element it is positioned in, a fixed one all of them.
const clamp = (value, low, high) => Math.min(Math.max(value, low), high);
const cut = (element, rect) => {
  let [left, top, right, bottom] = [rect.left, rect.top, rect.right, rect.bottom];
  let cutX = 0;
  let cutY = 0;
  let clipper = null;
  let escaping = "";
  for (let node = element; node && node !== document.documentElement; node = node.parentElement) {
    const style = getComputedStyle(node);
    const skipped = escaping === "fixed" || (escaping === "absolute" && style.position === "static");
    if (!skipped) {
      escaping = "";
      const hidesX = HIDES.test(style.overflowX);
      const hidesY = HIDES.test(style.overflowY);
      if (style.overflowX !== "visible" || style.overflowY !== "visible") {
        const outer = node.getBoundingClientRect();
        const boxLeft = outer.left + node.clientLeft;
        const boxTop = outer.top + node.clientTop;
        const boxRight = boxLeft + node.clientWidth;
        const boxBottom = boxTop + node.clientHeight;
        if ((hidesX || hidesY) && (node.clientWidth < HIDDEN_BOX || node.clientHeight < HIDDEN_BOX)) {
          return null;
        }
        if (hidesX && style.overflowX !== "visible") {
          const off = Math.max(0, boxLeft - left) + Math.max(0, right - boxRight);
          if (off > cutX) [cutX, clipper] = [off, clipper || node];
        }
        if (hidesY && style.overflowY !== "visible") {
          const off = Math.max(0, boxTop - top) + Math.max(0, bottom - boxBottom);
          if (off > cutY) [cutY, clipper] = [off, clipper || node];
        }
        // What lies beyond this box is cut off or scrolled to: only its box goes on.
        [left, right] = [clamp(left, boxLeft, boxRight), clamp(right, boxLeft, boxRight)];
        [top, bottom] = [clamp(top, boxTop, boxBottom), clamp(bottom, boxTop, boxBottom)];
      }
    }
    if (style.position === "fixed") escaping = "fixed";
    else if (style.position === "absolute" && escaping !== "fixed") escaping = "absolute";
  }
  return { cutX, cutY, clipper, shown: (right - left) * (bottom - top) };
};
return window.__a11yOwnClipped.map((text) => {
  const parent = text.parentElement;
  if (!text.isConnected || !parent || !a11yOwnVisible(parent)) return null;
  const range = document.createRange();
  range.selectNodeContents(text);
  let [cutX, cutY, shown, area, clipper] = [0, 0, 0, 0, null];
  for (const rect of range.getClientRects()) {
    if (rect.width < 1 || rect.height < 1) continue;
    const found = cut(parent, rect);
    if (found === null) return null;
    area += rect.width * rect.height;
    shown += found.shown;
    if (found.cutX > cutX || found.cutY > cutY) clipper = found.clipper || clipper;
    cutX = Math.max(cutX, found.cutX);
    cutY = Math.max(cutY, found.cutY);
  }
  if (!area) return null;
  const style = getComputedStyle(parent);
  const fontSize = parseFloat(style.fontSize);
  const result = { cutX, cutY, fontSize, hidden: shown < 1 };
  if (clipper) {
    const clip = getComputedStyle(clipper);
    Object.assign(result, a11yOwnNode(clipper), {
      text: text.data.replace(/\s+/g, " ").trim().slice(0, 60),
      ellipsis: clip.textOverflow === "ellipsis",
      overflow: `${clip.overflowX} ${clip.overflowY}`,
      // A link or button beside the box, or around it, may lead to the whole text.
      linked: Boolean(clipper.closest("a[href]")) || [clipper.parentElement, clipper.parentElement && clipper.parentElement.parentElement]
        .some((around) => around && Array.prototype.some.call(
          around.querySelectorAll("a[href], button"), (control) => !clipper.contains(control))),
    });
  }
  return result;
});
