// Text and controls lying under fixed or sticky elements while the page is scrolled
// through: the page, and each box that scrolls on its own, is scrolled from top to
// bottom in steps no longer than the part of the screen the covers leave free, and at
// each stop every point of text or control that lies within a cover's box is tested
// with elementFromPoint. A point that is shown uncovered at some stop can be read; one
// that is in view only under a cover can never be. The scroll positions are restored.
const MAX_STOPS = arguments[0] || 120;
const MAX_REPORTED = 200;
const CONTROLS = "a[href], button, input:not([type=hidden]), select, textarea, summary, " +
  "[tabindex]:not([tabindex='-1']), [contenteditable=''], [contenteditable=true], " +
  "[role=button], [role=link], [role=checkbox], [role=radio], [role=switch], [role=tab], " +
  "[role=menuitem], [role=option], [role=slider], [role=combobox], [role=textbox]";
// Controls whose text is theirs (a link's words); a box that takes the focus to be
// scrolled holds text of its own elements.
const OWNERS = "a[href], button, summary, label, [role=button], [role=link], [role=tab], [role=menuitem], [role=option]";
const REPLACED = "img, svg, video, canvas, iframe, object, embed, input, button, select, textarea, picture";
const viewW = document.documentElement.clientWidth;
const viewH = document.documentElement.clientHeight;
const root = document.scrollingElement || document.documentElement;

// Covers: the outermost visible elements positioned fixed or sticky.
const covers = [];
const coverOf = new Map();
for (const element of document.querySelectorAll("body *")) {
  const style = getComputedStyle(element);
  if (style.position !== "fixed" && style.position !== "sticky") continue;
  if (covers.some((cover) => cover.contains(element))) continue;
  if (!a11yOwnVisible(element) || Number(style.opacity) < 0.2) continue;
  covers.push(element);
}
const coverContaining = (element) => {
  if (coverOf.has(element)) return coverOf.get(element);
  const cover = covers.find((c) => c.contains(element)) || null;
  coverOf.set(element, cover);
  return cover;
};
// Where a cover lies now: its box and its children's (a fixed bar of no height may
// show children that overflow it).
const coverBoxes = () => {
  const boxes = [];
  for (const cover of covers) {
    const own = cover.getBoundingClientRect();
    if (own.width > 0 && own.height > 0) boxes.push(own);
    let n = 0;
    for (const child of cover.children) {
      if (n++ >= 20) break;
      const box = child.getBoundingClientRect();
      if (box.width > 0 && box.height > 0) boxes.push(box);
    }
  }
  return boxes;
};
const inside = (x, y, box) => x >= box.left && x <= box.right && y >= box.top && y <= box.bottom;

// Whether an element of a cover draws over the point itself: a background, an image
// or a form control of its own, or its own text there; and no ancestor within the
// cover makes it transparent. A transparent layer that draws nothing hides nothing, so
// the stack of elements at the point is looked through below it.
const paints = (hit, cover, x, y) => {
  for (let node = hit; node; node = node.parentElement) {
    if (Number(getComputedStyle(node).opacity) < 0.2) return false;
    if (node === cover) break;
  }
  const style = getComputedStyle(hit);
  if (!a11yOwnTransparent(style.backgroundColor) || style.backgroundImage !== "none" || hit.matches(REPLACED)) {
    return true;
  }
  for (const child of hit.childNodes) {
    if (child.nodeType !== 3 || !child.data.trim()) continue;
    const range = document.createRange();
    range.selectNodeContents(child);
    if (Array.prototype.some.call(range.getClientRects(), (box) => inside(x, y, box))) return true;
  }
  return false;
};
// What lies on top at a point of the element: "seen" (the element itself), the cover
// that draws over it, or null (something else, or nothing that draws).
const onTop = (element, x, y) => {
  for (const hit of document.elementsFromPoint(x, y)) {
    if (hit === element || element.contains(hit) || hit.contains(element)) return "seen";
    const cover = coverContaining(hit);
    if (!cover || cover.contains(element)) return null;
    if (paints(hit, cover, x, y)) return cover;
  }
  return null;
};

// The boxes that scroll: the page, and elements that scroll vertically on their own.
const scrollers = [root];
for (const element of document.querySelectorAll("body *")) {
  if (scrollers.length > 10) break;
  if (element.scrollHeight <= element.clientHeight + 1 || element.clientHeight < 100) continue;
  const style = getComputedStyle(element);
  if ((style.overflowY === "auto" || style.overflowY === "scroll") && a11yOwnVisible(element)) {
    scrollers.push(element);
  }
}
const scrollerOf = (element) => {
  for (let node = element.parentElement; node; node = node.parentElement) {
    if (node !== root && scrollers.includes(node)) return node;
  }
  return root;
};
const saved = scrollers.map((s) => [s.scrollLeft, s.scrollTop]);
const position = (scroller) => (scroller === root ? window.scrollY : scroller.scrollTop);
const scrollTo = (scroller, top) => scroller.scrollTo({ top, left: scroller.scrollLeft, behavior: "instant" });

// What is read and operated: elements with text of their own, and controls, each with
// points to test (three along each line of text; the centre and four points inside a
// control), in the coordinates of its scroller's content.
const candidates = [];
const addPoints = (candidate, box) => {
  const y = box.top + box.height / 2;
  const inset = Math.min(4, box.width / 4);
  for (const x of [box.left + inset, box.left + box.width / 2, box.right - inset]) {
    candidate.points.push({ x, y: y + candidate.offset, seen: false, covered: 0, in: 0 });
  }
};
const candidateFor = (element) => {
  const scroller = scrollerOf(element);
  const inCover = coverContaining(element) !== null;
  // Points are kept in the coordinates of the scroller's content, except in a cover,
  // which moves with the screen rather than the content: there they are the screen's,
  // moved by as much as the element has moved when it is looked at again.
  let offset = 0;
  if (!inCover) {
    offset = position(scroller) - (scroller === root ? 0 : scroller.getBoundingClientRect().top);
  }
  return { element, scroller, inCover, offset, top: element.getBoundingClientRect().top,
           points: [], covers: new Map(), coveredAt: [] };
};
const modal = document.querySelector("dialog:modal");
const readable = (element) => !element.closest("[inert]") && (!modal || modal.contains(element))
  && !covers.includes(element);
const byElement = new Map();
const walker = document.createTreeWalker(document.body || document.documentElement, NodeFilter.SHOW_TEXT);
for (let text = walker.nextNode(); text && byElement.size < 20000; text = walker.nextNode()) {
  const parent = text.parentElement;
  if (!parent || !text.data.trim() || parent.closest("script, style, noscript, template, title")) continue;
  if (!readable(parent)) continue;
  const owner = parent.closest(OWNERS) || parent;
  if (!byElement.has(owner)) {
    if (!a11yOwnVisible(owner)) continue;
    byElement.set(owner, candidateFor(owner));
  }
  const candidate = byElement.get(owner);
  const range = document.createRange();
  range.selectNodeContents(text);
  for (const line of range.getClientRects()) {
    if (line.width >= 2 && line.height >= 2 && candidate.points.length < 60) addPoints(candidate, line);
  }
}
for (const control of document.querySelectorAll(CONTROLS)) {
  if (byElement.has(control) || !readable(control) || !a11yOwnVisible(control)) continue;
  const candidate = candidateFor(control);
  const box = control.getBoundingClientRect();
  addPoints(candidate, box);
  candidate.points.push({ x: box.left + box.width / 2, y: box.top + Math.min(4, box.height / 4) + candidate.offset,
                          seen: false, covered: 0, in: 0 });
  candidate.points.push({ x: box.left + box.width / 2, y: box.bottom - Math.min(4, box.height / 4) + candidate.offset,
                          seen: false, covered: 0, in: 0 });
  byElement.set(control, candidate);
}
for (const candidate of byElement.values()) candidates.push(candidate);

// One stop: for each point in view, whether it is shown, or lies under a cover.
const look = (scroller, stop, stopIndex) => {
  const boxes = coverBoxes();
  const frame = scroller === root ? { top: 0, bottom: viewH } : scroller.getBoundingClientRect();
  const top = Math.max(0, frame.top);
  const bottom = Math.min(viewH, frame.bottom);
  for (const candidate of candidates) {
    if (candidate.scroller !== scroller) continue;
    const element = candidate.element;
    const moved = candidate.inCover ? element.getBoundingClientRect().top - candidate.top
      : (scroller === root ? 0 : frame.top) - stop;
    for (const point of candidate.points) {
      const x = point.x;
      const y = point.y + moved;
      if (x < 0 || x > viewW || y < top || y > bottom) continue;
      point.in += 1;
      if (!boxes.some((box) => inside(x, y, box))) {
        point.seen = true;
        continue;
      }
      const cover = onTop(element, x, y);
      if (cover === "seen") {
        point.seen = true;
        continue;
      }
      if (!cover) continue;
      point.covered += 1;
      candidate.covers.set(cover, (candidate.covers.get(cover) || 0) + 1);
      if (candidate.coveredAt[candidate.coveredAt.length - 1] !== stopIndex) candidate.coveredAt.push(stopIndex);
    }
  }
};

const walked = [];
if (!covers.length) return { covers: 0, scrollers: [], covered: [] };
try {
  for (const scroller of scrollers) {
    if (scroller !== root) {
      scroller.scrollIntoView({ block: "nearest", behavior: "instant" });
    }
    const frameHeight = scroller === root ? viewH : Math.min(scroller.clientHeight, viewH);
    // The step: at most half the frame, and no longer than what the covers leave free,
    // so that every point passes through each free band at some stop.
    scrollTo(scroller, 0);
    let coveredHeight = 0;
    for (const box of coverBoxes()) {
      if (box.width >= viewW * 0.3) coveredHeight += Math.max(0, Math.min(box.bottom, frameHeight) - Math.max(box.top, 0));
    }
    const step = Math.max(24, Math.min(frameHeight / 2, frameHeight - coveredHeight));
    const end = scroller.scrollHeight - scroller.clientHeight;
    let stop = 0;
    let stops = 0;
    let reached = 0;
    for (;;) {
      scrollTo(scroller, stop);
      reached = position(scroller);
      look(scroller, reached, stops);
      stops += 1;
      if (reached >= end - 1 || stops >= MAX_STOPS) break;
      const next = Math.min(stop + step, end);
      if (next <= reached) break;
      stop = next;
    }
    walked.push({ ...a11yOwnNode(scroller === root ? document.documentElement : scroller),
                  stops, step: Math.round(step), complete: reached >= end - 1, reached });
    scrollTo(scroller, 0);
  }
} finally {
  scrollers.forEach((scroller, index) => scroller.scrollTo({ left: saved[index][0], top: saved[index][1], behavior: "instant" }));
}

const covered = [];
for (const candidate of candidates) {
  if (!candidate.covers.size || covered.length >= MAX_REPORTED) continue;
  const walk = walked[scrollers.indexOf(candidate.scroller)];
  // A point is judged only if every stop that could show it was made.
  const judged = (point) => walk.complete || candidate.inCover || point.y < walk.reached;
  const never = candidate.points.some((point) => point.covered > 0 && !point.seen && judged(point));
  const [cover] = [...candidate.covers.entries()].sort((a, b) => b[1] - a[1])[0];
  const coverControls = cover.matches(CONTROLS) ? 0 : cover.querySelectorAll(CONTROLS).length;
  covered.push({
    ...a11yOwnNode(candidate.element),
    control: candidate.element.matches(CONTROLS),
    cover: { ...a11yOwnNode(cover), position: getComputedStyle(cover).position,
             dialog: cover.matches(a11yOwnDialog) || coverControls > 1 },
    never,
    firstScreen: candidate.coveredAt[0] === 0,
    stops: candidate.coveredAt.length,
  });
}
return { covers: covers.length, scrollers: walked, covered };
