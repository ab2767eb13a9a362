// Shared by the own checks' gatherers (prepended to each): a CSS selector and a
// short HTML excerpt for an element, as axe gives them, and whether it is seen.
const a11yOwnSelector = (element) => {
  const parts = [];
  for (let node = element; node && node.nodeType === 1; node = node.parentElement) {
    if (node.id && document.querySelectorAll("#" + CSS.escape(node.id)).length === 1) {
      parts.unshift("#" + CSS.escape(node.id));
      break;
    }
    const parent = node.parentElement;
    if (!parent) {
      parts.unshift(node.localName);
      break;
    }
    const index = Array.prototype.indexOf.call(parent.children, node) + 1;
    const alike = Array.prototype.filter.call(parent.children, (c) => c.localName === node.localName);
    parts.unshift(alike.length > 1 ? `${node.localName}:nth-child(${index})` : node.localName);
  }
  return parts.join(" > ");
};
// axe's excerpt: the whole element when short, else its opening tag.
const a11yOwnHtml = (element) => {
  const html = element.outerHTML;
  if (html.length <= 300) return html;
  const open = html.slice(0, html.indexOf(">") + 1);
  return open.length <= 300 ? open : open.slice(0, 297) + "...";
};
const a11yOwnVisible = (element) => {
  if (element.checkVisibility && !element.checkVisibility({ checkOpacity: true, checkVisibilityCSS: true })) {
    return false;
  }
  const box = element.getBoundingClientRect();
  return box.width > 0 && box.height > 0;
};
// Where a link leads, as an absolute URL. An SVG <a>'s href is an SVGAnimatedString
// object, not a string (WebDriver would hand it over as a dictionary).
const a11yOwnHref = (element) => {
  const href = element.href;
  if (typeof href === "string") return href;
  const written = href && typeof href.baseVal === "string" ? href.baseVal : element.getAttribute("href") || "";
  try {
    return new URL(written, document.baseURI).href;
  } catch {
    return written;
  }
};
// A colour that paints nothing (a background left transparent).
const a11yOwnTransparent = (color) => color === "transparent" || /rgba\([^)]*,\s*0(\.0+)?\)$/.test(color);
// What a visitor may close, or the page may mean to keep the focus in.
const a11yOwnDialog = "dialog, [role=dialog], [role=alertdialog], [aria-modal=true]";
const a11yOwnNode = (element) => ({ target: a11yOwnSelector(element), html: a11yOwnHtml(element) });
