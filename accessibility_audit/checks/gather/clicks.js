// The elements the page's scripts listen on for clicks, and what a keyboard has of
// each. arguments[0]: whether a click listener is on the whole page (the document,
// <html>, <body>); arguments[1]: for each element that follows, the pointer events
// listened for on it (click, mousedown, …), found over the DevTools protocol;
// arguments[2..]: the elements. Returns, per element, what decides 2.1.1, and the
// elements that look clickable (a pointer cursor of their own) under a listener on the
// whole page, which may act for them.
const delegated = arguments[0];
const types = arguments[1];
const listened = Array.prototype.slice.call(arguments, 2);
const MAX_POINTERS = 5;
const FOCUSABLE = "a[href], area[href], button, input:not([type=hidden]), select, textarea, summary, " +
  "iframe, audio[controls], video[controls], [contenteditable]:not([contenteditable=false]), [tabindex]";
const WIDGETS = ["button", "link", "checkbox", "radio", "switch", "tab", "menuitem", "menuitemcheckbox",
  "menuitemradio", "option", "treeitem", "gridcell", "slider", "spinbutton", "combobox", "textbox"];
// Widgets whose items the arrow keys reach once Tab has reached one of them.
const COMPOSITE = "[role=tablist], [role=menu], [role=menubar], [role=listbox], [role=grid], " +
  "[role=tree], [role=treegrid], [role=radiogroup], [role=toolbar]";
const modal = document.querySelector("dialog:modal");
const width = document.documentElement.clientWidth, height = document.documentElement.clientHeight;

// In the Tab order: rendered, but not necessarily seen — a checkbox made transparent
// or a pixel large under its styled label still takes the focus from Tab.
const rendered = (element) => (element.checkVisibility
  ? element.checkVisibility({ checkVisibilityCSS: true, visibilityProperty: true })
  : element.getClientRects().length > 0);
const tabbable = (element) => element.matches(FOCUSABLE) && element.tabIndex >= 0 && !element.disabled
  && !element.closest("[inert]") && rendered(element)
  && !(element.localName === "summary" && element !== element.parentElement?.querySelector("summary"));
// A disabled control's content, a fieldset's that is disabled: nothing acts.
const disabled = (element) => !!element.closest("[aria-disabled=true], fieldset[disabled]")
  || (element.matches("button, input, select, textarea") && element.disabled);
const ancestors = (element) => {
  const found = [];
  for (let node = element.parentElement; node; node = node.parentElement) found.push(node);
  return found;
};
// The control a label stands for, or a label around the element stands for.
const labelled = (element) => {
  const label = element.closest("label");
  const control = label && label.control;
  return control && tabbable(control) ? control : null;
};
const nameOf = (element) => (element.getAttribute("aria-label") || element.innerText || element.getAttribute("alt")
  || element.title || "").replace(/\s+/g, " ").trim().toLowerCase().slice(0, 200);
const roleOf = (element) => (element.getAttribute("role") || "").trim().split(/\s+/)[0].toLowerCase();
// What looks clickable on its own: a pointer cursor its parent does not have.
const ownPointer = (element) => getComputedStyle(element).cursor === "pointer"
  && !(element.parentElement && getComputedStyle(element.parentElement).cursor === "pointer");
// The controls in the element, its open shadow trees' included (a web component's
// button lies in its own).
const holding = (element) => {
  let count = Array.prototype.filter.call(element.querySelectorAll(FOCUSABLE), tabbable).length;
  const hosts = [element, ...element.querySelectorAll("*")].filter((node) => node.shadowRoot);
  for (const host of hosts.slice(0, 50)) {
    count += Array.prototype.filter.call(host.shadowRoot.querySelectorAll(FOCUSABLE), tabbable).length;
  }
  return count;
};
// A control near the element (in its card, its row) that may do what its click does:
// one with the same name, or, for an element with no words (a picture), the one link.
const nearby = (element) => {
  const name = nameOf(element);
  let node = element.parentElement;
  for (let n = 0; node && n < 3 && node !== document.body; n++, node = node.parentElement) {
    const controls = Array.prototype.filter.call(node.querySelectorAll(FOCUSABLE), tabbable);
    if (!controls.length) continue;
    const same = controls.find((c) => name && nameOf(c) === name);
    if (same) return a11yOwnNode(same);
    const links = controls.filter((c) => c.matches("a[href], area[href]"));
    if (!name && links.length === 1) return a11yOwnNode(links[0]);
    return null;
  }
  return null;
};
// Seen, and where a pointer can reach it: not a pixel wide, not off the page.
const perceivable = (element) => {
  if (!a11yOwnVisible(element) || element.closest("[inert]")) return false;
  if (modal && !modal.contains(element)) return false;
  const box = element.getBoundingClientRect();
  if (box.width < 3 || box.height < 3) return false;
  return box.right + window.scrollX > 0 && box.bottom + window.scrollY > 0;
};

const found = [];
listened.forEach((element, index) => {
  if (!element || element.nodeType !== 1) return;
  // Frames and shadow trees are left to axe: their elements have no selector here.
  if (element.getRootNode() !== document) return;
  if (!perceivable(element) || disabled(element)) return;
  const node = { ...a11yOwnNode(element), types: types[index], tag: element.localName, role: roleOf(element),
    widget: WIDGETS.includes(roleOf(element)), focusable: tabbable(element),
    negative: element.getAttribute("tabindex") !== null && element.tabIndex < 0,
    within: ancestors(element).some(tabbable) || !!labelled(element),
    holds: 0, custom: false, roving: false, pointer: false, share: 0, dialog: false, near: null };
  found.push(node);
  // What is reached already needs nothing more (most listening elements are).
  if (node.focusable || node.within) return;
  node.holds = holding(element);
  if (node.holds) return;
  // A custom element's own controls may lie in a closed shadow tree no script sees.
  node.custom = element.localName.includes("-") && !element.shadowRoot;
  const composite = element.closest(COMPOSITE);
  node.roving = !!composite && Array.prototype.some.call(composite.querySelectorAll(FOCUSABLE), tabbable);
  const box = element.getBoundingClientRect();
  node.pointer = getComputedStyle(element).cursor === "pointer";
  node.share = (box.width * box.height) / Math.max(width * height, 1);
  node.dialog = Array.prototype.some.call(document.querySelectorAll(a11yOwnDialog + ", dialog[open]"), a11yOwnVisible);
  node.near = nearby(element);
});

// Under a listener on the whole page, what looks clickable and has no keyboard way.
const pointers = [];
const listening = new Set(listened);
if (delegated) {
  const all = document.body ? document.body.getElementsByTagName("*") : [];
  for (let n = 0; n < all.length && n < 3000 && pointers.length < MAX_POINTERS; n++) {
    const element = all[n];
    if (listening.has(element) || !ownPointer(element) || !perceivable(element) || disabled(element)) continue;
    if (tabbable(element) || ancestors(element).some(tabbable) || labelled(element)) continue;
    if (element.localName.includes("-") || holding(element)) continue;
    if (!nameOf(element) && !element.matches("img, svg, canvas")) continue;
    pointers.push(a11yOwnNode(element));
  }
}
return { elements: found, pointers };
