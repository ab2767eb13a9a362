// The summaries of details elements that are shown or exposed, with what names them:
// the text of what aria-labelledby points to, aria-label, their own text and images'
// alternatives, title; and whether something may draw a name the text does not hold
// (an image without alt, an SVG, generated content).
const named = (text) => Boolean(text && text.replace(/\s+/g, "").length);
const summaries = [];
for (const details of document.querySelectorAll("details")) {
  const summary = Array.prototype.find.call(details.children, (child) => child.localName === "summary");
  if (!summary || details.closest("[aria-hidden=true]") || details.closest("[inert]")) continue;
  if (!summary.checkVisibility({ checkVisibilityCSS: true })) continue;
  const role = (summary.getAttribute("role") || "").trim().split(/\s+/)[0];
  const labelledBy = (summary.getAttribute("aria-labelledby") || "").split(/\s+/).filter(Boolean)
    .map((id) => document.getElementById(id)).filter(Boolean)
    .map((element) => element.textContent).join(" ");
  let text = "";
  const walker = document.createTreeWalker(summary, NodeFilter.SHOW_TEXT | NodeFilter.SHOW_ELEMENT);
  let drawn = false;
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    if (node.nodeType === Node.TEXT_NODE) {
      if (!node.parentElement.closest("[aria-hidden=true]")) text += node.nodeValue;
    } else if (node.matches("img, input[type=image], area")) {
      if (node.hasAttribute("alt")) text += " " + node.getAttribute("alt");
      else drawn = true;
    } else if (node.matches("svg, canvas, object, embed, iframe, [role=img]")) {
      drawn = true;
    }
  }
  for (const pseudo of ["::before", "::after"]) {
    const content = getComputedStyle(summary, pseudo).content;
    if (content && content !== "none" && content !== "normal" && content !== '""') drawn = true;
  }
  summaries.push({
    ...a11yOwnNode(summary),
    role,
    named: named(labelledBy) || named(summary.getAttribute("aria-label")) || named(text)
      || named(summary.getAttribute("title")),
    drawn,
  });
}
return summaries;
