// What makes the page wider than the viewport: the outermost elements reaching
// past its right edge, and boxes that scroll sideways on their own, with whether
// their wide content needs two dimensions (data tables, maps, images, video, code):
// WCAG's Understanding 1.4.10 exempts such content from reflowing. A table that only
// lays out the page (role none or presentation) is no data table. A frame is only a
// window on another document: it needs two dimensions when what it shows does (a
// video, a map); a frame of another origin cannot be looked into (null: unknown).
const TWO_D = "table:not([role=none]):not([role=presentation]), [role=grid], [role=table], canvas, svg, img, picture, video, object, embed, map, pre, [role=application], [role=img]";
const frameNeedsTwoD = (frame) => {
  let inner = null;
  try { inner = frame.contentDocument; } catch (error) { inner = null; }
  if (!inner || !inner.documentElement) return null;
  return Array.prototype.some.call(inner.querySelectorAll(TWO_D),
    (element) => element.getBoundingClientRect().width >= frame.clientWidth / 2);
};
const needsTwoD = (box) => {
  if (box.matches("iframe, frame")) return frameNeedsTwoD(box);
  if (box.matches(TWO_D)) return true;
  let unknown = false;
  for (const inner of box.querySelectorAll(TWO_D + ", iframe, frame")) {
    if (inner.getBoundingClientRect().width <= box.clientWidth + 1) continue;
    const needs = inner.matches("iframe, frame") ? frameNeedsTwoD(inner) : true;
    if (needs === true) return true;
    if (needs === null) unknown = true;
  }
  return unknown ? null : false;
};
const width = document.documentElement.clientWidth;
const root = document.scrollingElement || document.documentElement;
const outermost = [];
const boxes = [];
const scrolls = (style) => style.overflowX === "auto" || style.overflowX === "scroll";
const visit = (element, depth) => {
  for (const child of element.children) {
    if (depth > 200 || outermost.length + boxes.length >= 50) return;
    const style = getComputedStyle(child);
    if (style.display === "none" || style.visibility === "hidden" || style.position === "fixed") continue;
    const box = child.getBoundingClientRect();
    if (box.width > 0 && box.right > width + 1) {
      outermost.push({ ...a11yOwnNode(child), right: box.right, twoD: needsTwoD(child) });
      continue;
    }
    if (style.overflowX !== "visible") {
      if (scrolls(style) && child.scrollWidth > child.clientWidth + 1) {
        boxes.push({ ...a11yOwnNode(child), twoD: needsTwoD(child) });
      }
      continue;  // what it clips cannot widen the page
    }
    visit(child, depth + 1);
  }
};
visit(document.documentElement, 0);
return {
  width,
  height: document.documentElement.clientHeight,
  scrollWidth: root.scrollWidth,
  outermost: root.scrollWidth > width + 1 ? outermost : [],
  boxes,
};
