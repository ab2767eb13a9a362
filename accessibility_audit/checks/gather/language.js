// The page's visible text, in pieces of one block and one language each (the
// element whose lang applies), and its links to versions in other languages.
const [maxChars] = arguments;
const SKIP = "script, style, noscript, template, textarea, code, pre, kbd, samp, var, svg, math, [aria-hidden=true]";
const NAMES = { "қазақша": "kk", "қазақ тілі": "kk", "қаз": "kk", "русский": "ru", "русский язык": "ru", "рус": "ru" };
const blockOf = (element) => {
  for (let node = element; node && node !== document.body; node = node.parentElement) {
    const display = getComputedStyle(node).display;
    if (!display.startsWith("inline") && display !== "contents") return node;
  }
  return document.body || document.documentElement;
};
const pieces = new Map();
const walker = document.createTreeWalker(document.body || document.documentElement, NodeFilter.SHOW_TEXT);
let total = 0;
for (let text = walker.nextNode(); text && total < maxChars; text = walker.nextNode()) {
  const value = text.nodeValue.replace(/\s+/g, " ").trim();
  const parent = text.parentElement;
  if (!value || !parent || parent.closest(SKIP) || !a11yOwnVisible(parent)) continue;
  const block = blockOf(parent);
  const owner = parent.closest("[lang]");
  if (!pieces.has(block)) pieces.set(block, new Map());
  let piece = pieces.get(block).get(owner);
  if (!piece) {
    piece = { ...a11yOwnNode(owner && owner !== document.documentElement && block.contains(owner) ? owner : block),
              lang: owner ? owner.getAttribute("lang") : "",
              inherited: !owner || owner === document.documentElement, text: "" };
    pieces.get(block).set(owner, piece);
  }
  piece.text += " " + value;
  total += value.length;
}
const links = [];
for (const link of document.querySelectorAll("a[href]")) {
  const name = (link.textContent || "").replace(/\s+/g, " ").trim().toLowerCase();
  const declared = (link.getAttribute("hreflang") || link.getAttribute("lang") || "").toLowerCase();
  const language = declared.split("-")[0] || NAMES[name] || "";
  if (language !== "kk" && language !== "ru") continue;
  links.push({ ...a11yOwnNode(link), href: a11yOwnHref(link), language });
}
return {
  lang: document.documentElement.getAttribute("lang") || "",
  html: a11yOwnHtml(document.documentElement).replace(/>[\s\S]*$/, ">"),
  url: location.href,
  pieces: Array.from(pieces.values(), (owners) => Array.from(owners.values())).flat(),
  links,
};
