// The keyboard walk's instruments. With "setup": number the elements in the sequential
// focus order that a person can see, and from now on log every focus change (which
// element, and whether the focus left the page), and for each element focused: whether
// its look (or its surroundings') changed from unfocused to focused, and whether it is
// entirely hidden under fixed or sticky content once scrolled into view. "log" hands
// the log over; "focus"/"blur" focus or blur an element by number, "text" gives the
// page's visible text, for the ways out that it names.
const mode = arguments[0];
const state = window.__a11yOwnFocus;
if (mode === "log") {
  const log = state ? state.log : [];
  if (state) state.log = [];
  return { log, looks: state ? state.looks : {}, hidden: state ? state.hidden : {} };
}
if (mode === "focus" || mode === "blur") {
  const element = state && state.elements[arguments[1]];
  if (!element) return false;
  // The keyboard's focus may be outside the page (a walk ended past its last element):
  // the window takes it back first, as a click in the page would.
  if (mode === "focus") { window.focus(); element.focus({ preventScroll: false }); }
  else element.blur();
  return document.activeElement === element;
}
if (mode === "text") {
  return ((document.body && document.body.innerText) || "").slice(0, 20000);
}
if (mode === "active") {
  // The element's number; -1 for another element of the page, -2 for none (the focus
  // left the page), -3 for none while the elements of arguments[1] are all gone.
  const active = document.activeElement;
  if (!state) return -2;
  if (!active || active === document.body || active === document.documentElement) {
    const gone = (arguments[1] || []).every((i) => !state.elements[i] || !a11yOwnVisible(state.elements[i]));
    return gone ? -3 : -2;
  }
  return state.elements.indexOf(active);
}

const FOCUSABLE = "a[href], area[href], button, input:not([type=hidden]), select, textarea, summary, " +
  "iframe, audio[controls], video[controls], [contenteditable]:not([contenteditable=false]), [tabindex]";
const tabbable = (element) => element.tabIndex >= 0 && !element.disabled && !element.closest("[inert]")
  && a11yOwnVisible(element) && !(element.localName === "summary" && element !== element.parentElement?.querySelector("summary"));
const elements = Array.prototype.filter.call(document.querySelectorAll(FOCUSABLE), tabbable);

// What makes focus visible, read from computed style: of the element, its pseudo-
// elements, three ancestors and its first descendants.
// Only what draws: an outline or a border of no style or width draws nothing, whatever
// its colour or offset (browsers change the offset of an outline they do not draw).
const PROPS = ["boxShadow", "backgroundColor", "backgroundImage", "color", "textDecorationLine",
  "transform", "opacity", "filter", "fontWeight", "visibility"];
const SIDES = ["Top", "Right", "Bottom", "Left"];
const styleOf = (node, pseudo) => {
  const style = getComputedStyle(node, pseudo);
  const parts = PROPS.map((p) => style[p]);
  const outline = style.outlineStyle !== "none" && parseFloat(style.outlineWidth) > 0;
  parts.push(outline ? [style.outlineStyle, style.outlineWidth, style.outlineColor, style.outlineOffset].join(" ") : "-");
  for (const side of SIDES) {
    const drawn = style[`border${side}Style`] !== "none" && parseFloat(style[`border${side}Width`]) > 0;
    parts.push(drawn ? [style[`border${side}Style`], style[`border${side}Width`], style[`border${side}Color`]].join(" ") : "-");
  }
  if (style.textDecorationLine !== "none") parts.push(style.textDecorationColor, style.textDecorationStyle);
  if (pseudo) parts.push(style.content, style.display);
  return parts.join("|");
};
const look = (element) => {
  const parts = [styleOf(element), styleOf(element, "::before"), styleOf(element, "::after")];
  let node = element.parentElement;
  for (let n = 0; node && n < 3; n++, node = node.parentElement) parts.push(styleOf(node));
  const inner = element.querySelectorAll("*");
  for (let n = 0; n < inner.length && n < 20; n++) parts.push(styleOf(inner[n]));
  return parts.join("\n");
};

// Fixed and sticky content that may hide the focused element.
const coverOf = (node) => {
  for (let n = node; n && n !== document.documentElement; n = n.parentElement) {
    const position = getComputedStyle(n).position;
    if (position === "fixed" || position === "sticky") return n;
  }
  return null;
};
const draws = (node) => {
  const style = getComputedStyle(node);
  return Number(style.opacity) >= 0.2 && (!a11yOwnTransparent(style.backgroundColor) || style.backgroundImage !== "none"
    || node.matches("img, svg, video, canvas, iframe, object, embed, input, button, select, textarea")
    || Array.prototype.some.call(node.childNodes, (c) => c.nodeType === 3 && c.data.trim()));
};
// Whether the element, scrolled into view, is entirely hidden by fixed or sticky content:
// every point of it inside the viewport lies under a cover that draws there.
const hiddenBy = (element) => {
  const box = element.getBoundingClientRect();
  const width = document.documentElement.clientWidth;
  const height = document.documentElement.clientHeight;
  const left = Math.max(box.left, 0), right = Math.min(box.right, width);
  const top = Math.max(box.top, 0), bottom = Math.min(box.bottom, height);
  if (right - left < 1 || bottom - top < 1) return null;
  let cover = null;
  for (const fx of [0.1, 0.5, 0.9]) {
    for (const fy of [0.1, 0.5, 0.9]) {
      const x = left + (right - left) * fx, y = top + (bottom - top) * fy;
      let covering = null;
      for (const hit of document.elementsFromPoint(x, y)) {
        if (hit === element || element.contains(hit) || hit.contains(element)) break;
        const by = coverOf(hit);
        if (!by || by.contains(element)) break;
        if (draws(hit)) { covering = by; break; }
      }
      if (!covering) return null;
      cover = covering;
    }
  }
  return cover ? a11yOwnNode(cover) : null;
};

const fresh = { elements, log: [], looks: {}, hidden: {}, before: new Map() };
window.__a11yOwnFocus = fresh;
if (!window.__a11yOwnFocusListening) {
  window.__a11yOwnFocusListening = true;
  window.addEventListener("focusin", (event) => {
    const s = window.__a11yOwnFocus;
    const index = s.elements.indexOf(event.target);
    s.log.push(index >= 0 ? index : -1);
    if (index < 0) return;
    // After the page's own focus handlers have run.
    setTimeout(() => {
      if (document.activeElement !== event.target) return;
      if (!(index in s.looks)) s.looks[index] = look(event.target) !== s.before.get(index);
      if (!(index in s.hidden)) s.hidden[index] = hiddenBy(event.target);
    }, 0);
  }, true);
  window.addEventListener("focusout", (event) => {
    // The focus left the page (past its last element), or went nowhere.
    if (!event.relatedTarget) window.__a11yOwnFocus.log.push(-2);
  }, true);
  // Each key's end: the focus moves on its keydown, before its keyup. (A page that
  // swallows keydown, a trap among them, seldom swallows keyup as well.)
  window.addEventListener("keyup", () => window.__a11yOwnFocus.log.push("key"), true);
  window.addEventListener("keydown", () => window.__a11yOwnFocus.log.push("down"), true);
}
if (document.activeElement && document.activeElement !== document.body) document.activeElement.blur();
// The unfocused look of each element, before the walk, with nothing focused.
elements.forEach((element, index) => fresh.before.set(index, look(element)));
window.scrollTo({ top: 0, left: 0, behavior: "instant" });
return elements.map((element) => ({ ...a11yOwnNode(element),
  handlers: ["onfocus", "onblur", "onfocusin", "onfocusout"].some((name) => {
    for (let n = element; n && n.nodeType === 1; n = n.parentElement) if (n.hasAttribute(name)) return true;
    return false;
  }),
  link: element.matches("a[href], area[href]"),
  frame: element.matches("iframe, object, embed") || !!element.shadowRoot,
  dialog: !!element.closest(a11yOwnDialog) }));
