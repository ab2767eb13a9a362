// Audio and video that start playing on their own with sound: what each is, how long
// it plays and what controls it has. arguments[0] says what to do:
// "find" — the autoplaying, unmuted <audio> and <video> of the page, with what the
//   page itself learnt of them (nothing when the scan does not fetch media);
// "videos" — the videos a visitor sees and may play (controls or autoplay), each with
//   what on the page may be its alternative, for those that turn out to have no sound;
// "probe" — for each address in arguments[1] a muted-to-the-speakers copy that loads
//   and plays fast, its sound read by the scanner's own audio graph, and, for a file of
//   at most 16 MB, its sound track decoded whole (far faster than playing, and what a
//   busy machine cannot slow down);
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
const DECODED_BYTES = 16 * 1024 * 1024;
// The loudest sample of a file's decoded sound track, within its media fragment.
const decode = async (probe, address) => {
  const controller = new AbortController();
  probe.controller = controller;
  const response = await fetch(address, { signal: controller.signal,
    mode: new URL(address, document.baseURI).origin === location.origin ? "same-origin" : "cors" });
  const size = Number(response.headers.get("content-length"));
  if (!response.ok || !size || size > DECODED_BYTES) {
    controller.abort();
    return;
  }
  const sound = await new OfflineAudioContext(1, 1, 44100).decodeAudioData(await response.arrayBuffer());
  const [start, end] = fragment(address);
  const first = Math.floor((start || 0) * sound.sampleRate);
  const last = Math.min(sound.length, end === null ? sound.length : Math.ceil(end * sound.sampleRate));
  let loudest = 0;
  for (let channel = 0; channel < sound.numberOfChannels; channel += 1) {
    const samples = sound.getChannelData(channel);
    for (let index = first; index < last; index += 1) {
      const sample = Math.abs(samples[index]);
      if (sample > loudest) loudest = sample;
    }
  }
  probe.decoded = { duration: sound.duration, loudest };
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
if (action === "videos") {
  const words = (text) => (text || "").replace(/\s+/g, " ").trim();
  const exposed = (element) => !element.closest("[aria-hidden=true], [inert]")
    && element.checkVisibility({ checkVisibilityCSS: true });
  const found = [];
  for (const video of document.querySelectorAll("video")) {
    if (!(video.controls || video.autoplay) || !a11yOwnVisible(video) || !exposed(video)) continue;
    // A muted, looping background that no one can start or stop is decoration.
    if (!video.controls && video.loop && (video.muted || video.defaultMuted)) continue;
    const role = (video.getAttribute("role") || "").trim();
    if (role === "none" || role === "presentation") continue;
    const sources = [video.currentSrc, video.src,
      ...Array.prototype.map.call(video.querySelectorAll("source"), (s) => s.src)].filter(Boolean);
    // What may be its alternative: text of the page exposed to screen readers (seen or
    // moved off the screen) outside the video, images' alternatives, a link or control
    // (it may lead to a transcript or play an audio version), other media, frames, the
    // video's own name or description, its text tracks.
    let text = "";
    const walker = document.createTreeWalker(document.body || document.documentElement,
      NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node && text.length < 200; node = walker.nextNode()) {
      const parent = node.parentElement;
      if (!parent || !words(node.nodeValue) || parent.closest("video, audio, script, style, template, noscript")) continue;
      if (exposed(parent)) text += " " + node.nodeValue;
    }
    for (const image of document.querySelectorAll("img[alt], [role=img][aria-label], area[alt]")) {
      if (text.length < 200 && exposed(image)) text += " " + (image.getAttribute("alt") || image.getAttribute("aria-label"));
    }
    const controls = Array.prototype.filter.call(document.querySelectorAll(
      "a[href], area[href], button, input:not([type=hidden]), select, [role=link], [role=button], [tabindex]"),
      (element) => element !== video && !video.contains(element) && exposed(element));
    const media = Array.prototype.filter.call(document.querySelectorAll("audio, video, iframe, object, embed, frame"),
      (element) => element !== video);
    const described = ["aria-labelledby", "aria-describedby"].flatMap((name) => (video.getAttribute(name) || "")
      .split(/\s+/).filter(Boolean)).map((id) => document.getElementById(id)).filter(Boolean)
      .map((element) => element.textContent).join(" ");
    found.push({
      ...a11yOwnNode(video),
      address: sources.find((s) => !s.startsWith("blob:")) || null,
      loop: video.loop,
      text: words(text).slice(0, 120),
      controls: controls.slice(0, 3).map((element) => words(element.innerText || element.getAttribute("aria-label")
        || element.value || element.getAttribute("href") || element.localName).slice(0, 60)),
      media: media.length,
      named: words(described + " " + (video.getAttribute("aria-label") || "") + " " + (video.title || "")),
      tracks: Array.prototype.filter.call(video.querySelectorAll("track"), (t) => t.getAttribute("src"))
        .map((t) => t.kind || "subtitles"),
    });
  }
  return found;
}
if (action === "probe") {
  window.__a11yOwnProbes = arguments[1].map((address) => {
    // An audio element decodes only the sound of a video file: far less work than
    // its pictures at up to 16 times the speed.
    const copy = document.createElement("audio");
    copy.preload = "auto";
    // Resampled, not time-stretched: at 16 times the speed, keeping the pitch costs
    // more than the decoding.
    copy.preservesPitch = false;
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
    // A file without a sound track, or one too large, is left to the playing copy.
    decode(probe, address).catch(() => {});
    return probe;
  });
  return window.__a11yOwnProbes.length;
}
if (action === "listen") {
  return (window.__a11yOwnProbes || []).map(({ copy, loudest, heard, failed, decoded }) => (decoded
    ? { duration: decoded.duration, heard: decoded.duration, ended: true, error: null,
      loudest: Math.max(loudest, decoded.loudest) }
    : {
      duration: Number.isFinite(copy.duration) ? copy.duration : null,
      heard, loudest, ended: copy.ended,
      error: failed || (copy.error ? `media error ${copy.error.code}` : null),
    }));
}
for (const probe of window.__a11yOwnProbes || []) {
  clearInterval(probe.timer);
  if (probe.controller) probe.controller.abort();
  probe.copy.pause();
  probe.copy.removeAttribute("src");
  probe.copy.load();
  if (probe.context) probe.context.close();
}
window.__a11yOwnProbes = [];
return null;
