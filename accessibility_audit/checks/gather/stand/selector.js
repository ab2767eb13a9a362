/* Shared by the stand scripts: a short CSS selector that finds exactly one element,
   an element's opening tag, and whether a person can see it. */
function standSelector(el) {
  if (el === document.documentElement) { return "html"; }
  if (el.id && document.querySelectorAll("#" + CSS.escape(el.id)).length === 1) {
    return "#" + CSS.escape(el.id);
  }
  var parts = [];
  for (var node = el; node && node.nodeType === 1 && node !== document.documentElement;
       node = node.parentElement) {
    if (node.id && document.querySelectorAll("#" + CSS.escape(node.id)).length === 1) {
      parts.unshift("#" + CSS.escape(node.id));
      break;
    }
    var tag = node.tagName.toLowerCase();
    var same = node.parentElement ? Array.prototype.filter.call(node.parentElement.children,
      function (sibling) { return sibling.tagName === node.tagName; }) : [node];
    parts.unshift(same.length > 1 ? tag + ":nth-of-type(" + (same.indexOf(node) + 1) + ")" : tag);
  }
  return parts.join(" > ");
}
function standHtml(el) {
  var html = el.outerHTML || "";
  return html.length > 300 ? html.slice(0, 300) + "…" : html;
}
function standVisible(el) {
  if (!el.getClientRects().length) { return false; }
  var style = getComputedStyle(el);
  return style.visibility !== "hidden" && !el.closest("[inert]");
}
