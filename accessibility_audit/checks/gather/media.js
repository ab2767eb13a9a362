// Audio and video that start playing on their own with sound: what each is, how long
// it plays and what controls it has. arguments[0] says what to do:
// "find" — the autoplaying, unmuted <audio> and <video> of the page, with what the
//   page itself learnt of them (nothing when the scan does not fetch media);
// "probe" — for each address in arguments[1] a muted-to-the-speakers copy that loads
//   and plays fast, its sound read by the scanner's own audio graph;
// "listen" — how far each copy got: length, loudest sound heard, error;
// "stop" — stop and drop the copies.
const CONTROL_NAME = /pause|stop|mute|sound|volume|audio|play|пауз|стоп|останов|звук|громк|выкл|воспроизв|тоқтат|дыбыс|үзіліс|кідірт|ойнат/i;
const CONTROLS = "button, [role=button], [role=switch], [role=checkbox], [role=slider], input[type=button], input[type=range], input[type=checkbox]";
const nameOf = (element) => {
  const labelled = (element.getAttribute("aria-labelledby") || "").split(/\s+/)
    .map((id) => document.getElementById(id)).filter(Boolean).map((e) => e.textContent).join(" ");
  return (labelled || element.getAttribute("aria-label") || element.innerText || element.value
    || element.title || "").replace(/\s+/g, " ").trim();
};
const usable = (element) => a11yOwnVisible(element) && !element.closest("[aria-hidden=true], [inert]")
  && !element.disabled;
// Controls near the media (within three ancestors), and elsewhere on the page.
const controlsOf = (media) => {
  const near = [];
  let around = media.parentElement;
  for (let depth = 0; around && depth < 3 && !near.length; depth += 1, around = around.parentElement) {
    near.push(...Array.prototype.filter.call(around.querySelectorAll(CONTROLS), usable));
  }
  const named = (list) => list.map(nameOf).filter((name) => CONTROL_NAME.test(name));
  const page = Array.prototype.filter.call(document.querySelectorAll(CONTROLS), usable);
  return { near: named(near), unnamedNear: near.filter((c) => !nameOf(c)).length, page: named(page) };
};
// A media fragment (#t=10,20 or #t=npt:0:10) bounds what plays, in seconds.
const seconds = (text) => (text ? text.replace(/^npt:/, "").split(":").reduce((sum, part) => sum * 60 + Number(part), 0) : null);
const fragment = (address) => {
  const match = /#.*\bt=([^&]*)/.exec(address || "");
  if (!match) return [null, null];
  const [start, end] = match[1].split(",");
  return [seconds(start), seconds(end)];
};
const action = arguments[0];
if (action === "find") {
  const found = [];
  for (const media of document.querySelectorAll("audio, video")) {
    const playing = !media.paused && !media.ended;
    if (!(media.autoplay || playing) || media.muted || media.defaultMuted || media.volume === 0) continue;
    const sources = [media.currentSrc, media.src,
      ...Array.prototype.map.call(media.querySelectorAll("source"), (s) => s.src)].filter(Boolean);
    const address = sources.find((s) => !s.startsWith("blob:")) || null;
    const [start, end] = fragment(media.currentSrc || address);
    found.push({
      ...a11yOwnNode(media),
      kind: media.localName,
      address,
      loop: media.loop,
      start, end,
      duration: Number.isFinite(media.duration) ? media.duration : null,
      controls: media.controls && usable(media),
      ...controlsOf(media),
    });
  }
  return found;
}
if (action === "probe") {
  window.__a11yOwnProbes = arguments[1].map((address) => {
    const copy = document.createElement("video");
    copy.preload = "auto";
    const probe = { copy, loudest: 0, heard: 0 };
    try {
      const context = new AudioContext();
      const analyser = context.createAnalyser();
      // The copy's sound goes to the analyser only, never to the speakers.
      context.createMediaElementSource(copy).connect(analyser);
      const samples = new Float32Array(analyser.fftSize);
      probe.context = context;
      probe.timer = setInterval(() => {
        analyser.getFloatTimeDomainData(samples);
        for (const sample of samples) probe.loudest = Math.max(probe.loudest, Math.abs(sample));
        probe.heard = copy.currentTime;
      }, 20);
    } catch (error) {
      probe.failed = String(error);
    }
    if (new URL(address, document.baseURI).origin !== location.origin) copy.crossOrigin = "anonymous";
    copy.addEventListener("loadedmetadata", () => {
      // Fast, so that the sound of the whole clip (up to about 24 s) is heard in 1.5 s.
      copy.playbackRate = Math.min(16, Math.max(1, copy.duration / 1.5));
    });
    copy.src = address;
    copy.play().catch(() => {});
    return probe;
  });
  return window.__a11yOwnProbes.length;
}
if (action === "listen") {
  return (window.__a11yOwnProbes || []).map(({ copy, loudest, heard, failed }) => ({
    duration: Number.isFinite(copy.duration) ? copy.duration : null,
    heard, loudest, ended: copy.ended,
    error: failed || (copy.error ? `media error ${copy.error.code}` : null),
  }));
}
for (const probe of window.__a11yOwnProbes || []) {
  clearInterval(probe.timer);
  probe.copy.pause();
  probe.copy.removeAttribute("src");
  probe.copy.load();
  if (probe.context) probe.context.close();
}
window.__a11yOwnProbes = [];
return null;
