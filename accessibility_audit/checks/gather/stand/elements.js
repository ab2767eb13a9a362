/* The element that asked for each of these addresses, where one did (images, scripts,
   styles, frames, media). */
var urls = arguments[0];
var ATTRIBUTES = ["src", "href", "poster", "data", "action"];
var found = {};
Array.prototype.forEach.call(document.querySelectorAll("[src], [href], [poster], [data], [srcset]"),
  function (el) {
    ATTRIBUTES.concat(["srcset"]).forEach(function (name) {
      var value = el.getAttribute(name);
      if (!value) { return; }
      var candidates = name === "srcset" ? value.split(",").map(function (part) {
        return part.trim().split(/\s+/)[0];
      }) : [value];
      candidates.forEach(function (candidate) {
        var url;
        try { url = new URL(candidate, document.baseURI).href; } catch (error) { return; }
        if (urls.indexOf(url) !== -1 && !found[url]) {
          found[url] = [standSelector(el), standHtml(el)];
        }
      });
    });
  });
return found;
