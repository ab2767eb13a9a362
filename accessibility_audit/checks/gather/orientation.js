// How far the page's content is turned at this viewport: the root, the body and the
// elements that fill most of the viewport (a wrapper holding the whole page), each
// with the angle of its own transform and rotate properties, in degrees.
const MAX_DEPTH = 3;
const area = window.innerWidth * window.innerHeight;
const body = document.body;
const UNITS = { deg: 1, rad: 180 / Math.PI, turn: 360, grad: 0.9 };
const degrees = (text) => {
  const match = /^(-?[\d.e+-]+)(deg|rad|turn|grad)?$/.exec(text);
  return match ? Number(match[1]) * UNITS[match[2] || "deg"] : 0;
};
const turned = (element) => {
  const style = getComputedStyle(element);
  let angle = 0;
  const transform = style.transform;
  if (transform && transform !== "none") {
    // matrix(a, b, …) and matrix3d(m11, m12, …) both start with the cosine and sine.
    const values = transform.slice(transform.indexOf("(") + 1, -1).split(",").map(Number);
    angle += Math.atan2(values[1], values[0]) * 180 / Math.PI;
  }
  const rotate = style.rotate;
  if (rotate && rotate !== "none") {
    // "90deg", or an axis and an angle ("z 90deg", "0 0 1 90deg"): only a turn about
    // the z axis turns what is on the screen.
    const parts = rotate.trim().split(/\s+/);
    const axisZ = parts.length === 1 || (parts.length === 2 && parts[0] === "z")
      || (parts.length === 4 && Number(parts[0]) === 0 && Number(parts[1]) === 0);
    if (axisZ) angle += degrees(parts[parts.length - 1]);
  }
  return angle;
};
const found = [];
const look = (element, depth) => {
  found.push({ ...a11yOwnNode(element), angle: turned(element) });
  if (depth >= MAX_DEPTH) return;
  for (const child of element.children) {
    const box = child.getBoundingClientRect();
    if (box.width * box.height >= area / 2 && a11yOwnVisible(child)) look(child, depth + 1);
  }
};
const content = Boolean(body) && a11yOwnVisible(body) && /\S/.test(body.innerText || "");
if (content) {
  found.push({ ...a11yOwnNode(document.documentElement), angle: turned(document.documentElement) });
  look(body, 0);
}
return { width: window.innerWidth, height: window.innerHeight, content, elements: found };
