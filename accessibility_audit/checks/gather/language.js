// The text of the page, in pieces of one block and one language each (the element
// whose lang applies), the accessible names of images and labelled elements (in the
// language of the element they name), the title, and the links to versions in other
// languages.
const [maxChars] = arguments;
const SKIP = "script, style, noscript, template, textarea, code, pre, kbd, samp, var, svg, math, [aria-hidden=true]";
const NAMED = "img, area, input[type=image], [aria-label], [aria-labelledby]";
const NAMES = { "қазақша": "kk", "қазақ тілі": "kk", "қаз": "kk", "русский": "ru", "русский язык": "ru", "рус": "ru" };
const blockOf = (element) => {
  for (let node = element; node && node !== document.body; node = node.parentElement) {
    const display = getComputedStyle(node).display;
    if (!display.startsWith("inline") && display !== "contents") return node;
  }
  return document.body || document.documentElement;
};
const clean = (value) => (value || "").replace(/\s+/g, " ").trim();
const langOf = (owner) => ({ lang: owner ? owner.getAttribute("lang") : "",
                             inherited: !owner || owner === document.documentElement });
const pieces = new Map();
const root = document.body || document.documentElement;
const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
let total = 0;
for (let text = walker.nextNode(); text && total < maxChars; text = walker.nextNode()) {
  const value = clean(text.nodeValue);
  const parent = text.parentElement;
  if (!value || !parent || parent.closest(SKIP) || !a11yOwnVisible(parent)) continue;
  const block = blockOf(parent);
  const owner = parent.closest("[lang]");
  if (!pieces.has(block)) pieces.set(block, new Map());
  let piece = pieces.get(block).get(owner);
  if (!piece) {
    piece = { ...a11yOwnNode(owner && owner !== document.documentElement && block.contains(owner) ? owner : block),
              ...langOf(owner), text: "" };
    pieces.get(block).set(owner, piece);
  }
  piece.text += " " + value;
  total += value.length;
}
// A name is the named element's text (in its language, wherever the words are
// taken from, even a hidden caption): what a screen reader says for an image.
const names = [];
for (const element of root.querySelectorAll(NAMED)) {
  if (total >= maxChars || element.closest(SKIP) || !a11yOwnVisible(element)) continue;
  const labelledBy = (element.getAttribute("aria-labelledby") || "").split(/\s+/)
    .map((id) => id && document.getElementById(id)).filter(Boolean);
  const name = clean(labelledBy.length ? labelledBy.map((label) => label.textContent).join(" ")
    : element.getAttribute("aria-label") || (element.matches("img, area, input") ? element.getAttribute("alt") : ""));
  if (!name) continue;
  names.push({ ...a11yOwnNode(element), ...langOf(element.closest("[lang]")), text: name });
  total += name.length;
}
const links = [];
for (const link of document.querySelectorAll("a[href]")) {
  const name = clean(link.textContent).toLowerCase();
  const declared = (link.getAttribute("hreflang") || link.getAttribute("lang") || "").toLowerCase();
  const language = declared.split("-")[0] || NAMES[name] || "";
  if (language !== "kk" && language !== "ru") continue;
  links.push({ ...a11yOwnNode(link), href: a11yOwnHref(link), language });
}
const title = document.querySelector("title");
return {
  lang: document.documentElement.getAttribute("lang") || "",
  html: a11yOwnHtml(document.documentElement).replace(/>[\s\S]*$/, ">"),
  url: location.href,
  title: title && !title.closest("[lang]:not(html)") ? clean(title.textContent) : "",
  pieces: Array.from(pieces.values(), (owners) => Array.from(owners.values())).flat().concat(names),
  links,
};
