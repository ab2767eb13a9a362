// Elements shown or exposed that carry a naming or role-description property on a role
// that prohibits it: their role (the explicit one, or the implicit one of an element
// whose role is not in doubt) and the properties found.
const NAMING = ["aria-label", "aria-labelledby", "aria-braillelabel"];
const DESCRIBING = ["aria-roledescription", "aria-brailleroledescription"];
// The implicit roles, from HTML-AAM, of the elements whose role does not depend on
// their context.
const IMPLICIT = { div: "generic", span: "generic", b: "generic", i: "generic", u: "generic",
  small: "generic", bdi: "generic", bdo: "generic", data: "generic", p: "paragraph", code: "code",
  del: "deletion", s: "deletion", ins: "insertion", em: "emphasis", strong: "strong",
  sub: "subscript", sup: "superscript", caption: "caption" };
const ROLES = new Set(["alert", "alertdialog", "application", "article", "banner", "blockquote", "button",
  "caption", "cell", "checkbox", "code", "columnheader", "combobox", "complementary", "contentinfo",
  "definition", "deletion", "dialog", "document", "emphasis", "feed", "figure", "form", "generic", "grid",
  "gridcell", "group", "heading", "img", "insertion", "link", "list", "listbox", "listitem", "log", "main",
  "mark", "marquee", "math", "menu", "menubar", "menuitem", "menuitemcheckbox", "menuitemradio", "meter",
  "navigation", "none", "note", "option", "paragraph", "presentation", "progressbar", "radio", "radiogroup",
  "region", "row", "rowgroup", "rowheader", "scrollbar", "search", "searchbox", "separator", "slider",
  "spinbutton", "status", "strong", "subscript", "superscript", "switch", "tab", "table", "tablist",
  "tabpanel", "term", "textbox", "time", "timer", "toolbar", "tooltip", "tree", "treegrid", "treeitem"]);
const selector = [...NAMING, ...DESCRIBING].map((name) => `[${name}]`).join(", ");
const found = [];
for (const element of document.querySelectorAll(selector)) {
  if (element.closest("[aria-hidden=true]") || element.closest("[inert]")) continue;
  if (!element.checkVisibility({ checkVisibilityCSS: true })) continue;
  const explicit = (element.getAttribute("role") || "").trim().split(/\s+/).find((r) => ROLES.has(r));
  const role = explicit || (element.localName === "a" && !element.hasAttribute("href") ? "generic" : IMPLICIT[element.localName]);
  if (!role) continue;
  const present = (names) => names.filter((name) => (element.getAttribute(name) || "").trim());
  found.push({ ...a11yOwnNode(element), role, explicit: Boolean(explicit), naming: present(NAMING),
    describing: present(DESCRIBING), focusable: element.tabIndex >= 0 });
}
return found;
