// The article page: the text with the evidence of every field marked. Offsets are code points
// into document.text (Python's), so the text is split into code points, never UTF-16 units.
"use strict";

(async () => {
  await Marsad.ready;
  const { el, t, label } = Marsad;
  const root = document.getElementById("article");
  const side = document.getElementById("article-events");
  const id = document.body.dataset.id;
  let data = null;

  // Every span of every event, with the kind of field it is evidence for.
  function collectSpans(events, chars) {
    const spans = [];
    const add = (span, kind, eventId) => {
      if (!span || span.end <= span.start || span.start < 0 || span.end > chars.length) return;
      // A span whose text does not match the document is dropped rather than guessed.
      if (chars.slice(span.start, span.end).join("") !== span.text) return;
      spans.push({ start: span.start, end: span.end, kind, eventId });
    };
    for (const ev of events) {
      for (const s of ev.evidence || []) add(s, "evidence", ev.id);
      for (const key of ["actor1", "actor2"]) if (ev[key]) add(ev[key].mention, "actor", ev.id);
      for (const a of [...(ev.assoc_actor1 || []), ...(ev.assoc_actor2 || [])]) add(a.mention, "actor", ev.id);
      for (const loc of ev.locations || []) add(loc.mention, "place", ev.id);
      if (ev.date) add(ev.date.evidence, "date", ev.id);
      if (ev.fatalities) add(ev.fatalities.evidence, "figure", ev.id);
      if (ev.injured) add(ev.injured.evidence, "figure", ev.id);
      for (const c of ev.claims || []) {
        add(c.evidence, "claim", ev.id);
        if (c.source) add(c.source.mention, "source", ev.id);
        if (c.fatalities) add(c.fatalities.evidence, "figure", ev.id);
      }
    }
    return spans;
  }

  // The text as text nodes and <mark> elements: one mark per stretch covered by the same spans.
  function markedText(text, events, language) {
    const chars = Array.from(text);
    const spans = collectSpans(events, chars);
    const cuts = new Set([0, chars.length]);
    for (const s of spans) {
      cuts.add(s.start);
      cuts.add(s.end);
    }
    const points = [...cuts].sort((a, b) => a - b);
    // The article keeps its own direction whatever the interface language is.
    const body = el("div", { class: "article-text", id: "article-text", dir: !language || language === "ar" ? "rtl" : "auto" });
    const seen = new Set();
    for (let i = 0; i + 1 < points.length; i++) {
      const [a, b] = [points[i], points[i + 1]];
      const piece = chars.slice(a, b).join("");
      const covering = spans.filter((s) => s.start <= a && s.end >= b);
      if (!covering.length) {
        body.append(document.createTextNode(piece));
        continue;
      }
      const kinds = [...new Set(covering.map((s) => s.kind))];
      const eventIds = [...new Set(covering.map((s) => s.eventId))];
      const mark = el("mark", { class: kinds.map((k) => "ev-" + k).join(" "), dataset: { events: eventIds.join(" ") } }, piece);
      for (const eventId of eventIds) {
        if (!seen.has(eventId)) {
          seen.add(eventId);
          mark.id = "event-" + eventId;
        }
      }
      body.append(mark);
    }
    return body;
  }

  function highlight(eventId) {
    for (const mark of root.querySelectorAll("mark")) {
      mark.classList.toggle("active", mark.dataset.events.split(" ").includes(eventId));
    }
  }

  function render() {
    const doc = data.document;
    root.replaceChildren();
    root.append(el("h1", { class: "article-title", dir: "auto" }, doc.title || t("unknown")));
    const meta = el("p", { class: "meta" }, el("bdi", {}, doc.outlet || ""), doc.published ? " · " : "",
      el("bdi", {}, doc.published || ""));
    const href = Marsad.safeHref(doc.url);
    if (href) meta.append(" · ", el("a", { href, rel: "noopener noreferrer nofollow", target: "_blank" }, t("original_link")));
    root.append(meta);
    root.append(el("p", { class: "legend-marks" },
      el("mark", { class: "ev-evidence" }, t("evidence")), " ", el("mark", { class: "ev-actor" }, t("actor1")), " ",
      el("mark", { class: "ev-place" }, t("place")), " ", el("mark", { class: "ev-date" }, t("date")), " ",
      el("mark", { class: "ev-figure" }, t("fatalities")), " ", el("mark", { class: "ev-source" }, t("source"))));
    root.append(markedText(doc.text, data.events || [], doc.language));

    side.replaceChildren(el("h2", {}, t("events_in_article")));
    const list = el("ol", { class: "event-list" });
    (data.events || []).forEach((ev, i) => {
      const incident = (data.incident_ids || [])[i];
      const item = el("li", { class: "event-item", dataset: { event: ev.id } },
        el("span", { class: "dot t-" + ev.plover.type }),
        el("button", { type: "button", class: "linklike" }, label("plover", ev.plover.type)),
        " · ", el("bdi", {}, Marsad.dateText(ev.date)),
        el("div", {}, el("bdi", {}, Marsad.placeName((ev.locations || [])[0]))),
        el("div", {}, t("fatalities") + ": " + Marsad.figureText(ev.fatalities)),
        ev.contested ? el("span", { class: "badge contested" }, t("contested")) : null,
        incident ? el("a", { href: "/incidents/" + encodeURIComponent(incident), class: "more" }, t("open_incident")) : null);
      item.querySelector("button").addEventListener("click", () => highlight(ev.id));
      list.append(item);
    });
    side.append(list);
    const wanted = decodeURIComponent(location.hash.replace(/^#event-/, ""));
    if (wanted) {
      highlight(wanted);
      const target = document.getElementById("event-" + wanted);
      if (target) target.scrollIntoView({ block: "center" });
    }
  }

  try {
    data = await Marsad.api("/api/documents/" + encodeURIComponent(id));
    render();
    Marsad.onLang(render);
  } catch (e) {
    root.replaceChildren(el("p", { class: "error" }, e.status === 404 ? t("not_found") : t("error")));
  }
  document.body.dataset.loaded = "1";
})();
