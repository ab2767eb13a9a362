// What makes the page wider than the viewport: the outermost elements reaching
// past its right edge, and boxes that scroll sideways on their own, with whether
// their wide content needs two dimensions (data tables, maps, images, video, code):
// WCAG's Understanding 1.4.10 exempts such content from reflowing. A table that only
// lays out the page (role none or presentation) is no data table.
const TWO_D = "table:not([role=none]):not([role=presentation]), [role=grid], [role=table], canvas, svg, img, picture, video, iframe, object, embed, map, pre, [role=application], [role=img]";
const width = document.documentElement.clientWidth;
const root = document.scrollingElement || document.documentElement;
const outermost = [];
const boxes = [];
const scrolls = (style) => style.overflowX === "auto" || style.overflowX === "scroll";
const needsTwoD = (box) => box.matches(TWO_D) || Array.prototype.some.call(
  box.querySelectorAll(TWO_D), (inner) => inner.getBoundingClientRect().width > box.clientWidth + 1);
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
