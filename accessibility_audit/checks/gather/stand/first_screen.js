/* The stand's primary controls (its languages, display modes, speech and the call for
   assistance) as a visitor finds the page: every box that scrolls at its top. For each,
   whether it lies within the screen and takes a touch at its centre, and if not where
   it is or what lies on it. The scroll positions are restored. */
var width = document.documentElement.clientWidth;
var height = document.documentElement.clientHeight;
var KINDS = [
  ["language", "a[hreflang]"],
  ["mode", "button[name='mode'], input[name='mode']"],
  ["speech", "[data-speech='toggle']"],
  ["assistance", "a[href]"]
];
function isAssistance(el) {
  try {
    var url = new URL(el.href, document.baseURI);
    /* A link within this page (a skip link on the assistance page) calls no one. */
    if (url.hash && url.pathname === location.pathname) { return false; }
    return url.pathname.replace(/\/$/, "").split("/").pop() === "assistance";
  } catch (error) {
    return false;
  }
}
var scrollers = [document.scrollingElement || document.documentElement];
Array.prototype.forEach.call(document.querySelectorAll("body *"), function (el) {
  if (el.scrollTop > 0 || el.scrollLeft > 0) { scrollers.push(el); }
});
var saved = scrollers.map(function (s) { return [s.scrollLeft, s.scrollTop]; });
var found = [];
try {
  scrollers.forEach(function (s) { s.scrollTo({ left: 0, top: 0, behavior: "instant" }); });
  var seen = [];
  KINDS.forEach(function (kind) {
    Array.prototype.forEach.call(document.querySelectorAll(kind[1]), function (el) {
      if (seen.indexOf(el) >= 0 || !standVisible(el)) { return; }
      if (kind[0] === "assistance" && !isAssistance(el)) { return; }
      seen.push(el);
      var box = el.getBoundingClientRect();
      /* Inside a box that clips, only what the box shows is on the screen. */
      var top = 0, bottom = height, left = 0, right = width;
      for (var node = el.parentElement; node && node !== document.documentElement; node = node.parentElement) {
        var style = getComputedStyle(node);
        if (style.overflowY !== "visible" || style.overflowX !== "visible") {
          var clip = node.getBoundingClientRect();
          top = Math.max(top, clip.top); bottom = Math.min(bottom, clip.bottom);
          left = Math.max(left, clip.left); right = Math.min(right, clip.right);
        }
      }
      var inside = box.top >= top - 1 && box.bottom <= bottom + 1 && box.left >= left - 1 && box.right <= right + 1;
      var hit = inside ? document.elementFromPoint(box.left + box.width / 2, box.top + box.height / 2) : null;
      var covered = inside && hit && hit !== el && !el.contains(hit) && !hit.contains(el);
      found.push({
        kind: kind[0], target: standSelector(el), html: standHtml(el),
        name: (el.innerText || el.getAttribute("aria-label") || "").replace(/\s+/g, " ").trim().slice(0, 80),
        onScreen: inside && !covered,
        top: Math.round(box.top), bottom: Math.round(box.bottom), screen: Math.round(bottom),
        cover: covered ? standSelector(hit) : null
      });
    });
  });
} finally {
  scrollers.forEach(function (s, i) { s.scrollTo({ left: saved[i][0], top: saved[i][1], behavior: "instant" }); });
}
return found;
