// WCAG 1.4.12's text spacing, as a reader's bookmarklet or extension sets it (a style
// sheet of the author's origin, every declaration !important): arguments[0] true puts
// it on the page, false takes it off.
const ID = "a11y-audit-text-spacing";
const old = document.getElementById(ID);
if (old) old.remove();
if (arguments[0]) {
  const style = document.createElementNS("http://www.w3.org/1999/xhtml", "style");
  style.id = ID;
  style.textContent = "* { line-height: 1.5 !important; letter-spacing: 0.12em !important;"
    + " word-spacing: 0.16em !important; } p { margin-bottom: 2em !important; }";
  (document.head || document.documentElement).appendChild(style);
}
return Boolean(arguments[0]);
