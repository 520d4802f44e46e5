// The incident page: the merged incident, then each source's claim and figures side by side.
"use strict";

(async () => {
  await Marsad.ready;
  const { el, t, label } = Marsad;
  const root = document.getElementById("incident");
  const id = document.body.dataset.id;
  let data = null;

  function localEventId(key) {
    if (!key) return "";
    const i = key.lastIndexOf(":");
    return i >= 0 ? key.slice(i + 1) : key;
  }

  function row(name, value) {
    return el("div", { class: "field" }, el("dt", {}, t(name)), el("dd", {}, value || "—"));
  }

  function claimCard(claim, lowest) {
    const figure = claim.fatalities;
    const differs = figure && lowest !== null && figure.min !== lowest;
    const source = claim.source ? Marsad.actorName(claim.source) : t("own_voice");
    const card = el("section", { class: "claim" + (differs ? " claim-differs" : "") },
      el("h3", { class: "claim-source", dir: "auto" }, source),
      el("dl", {},
        row("verb", claim.verb),
        row("fatalities", el("span", { class: "figure" }, Marsad.figureText(figure))),
        row("injured", Marsad.figureText(claim.injured)),
        row("outlet", claim.outlet || claim.url || ""),
        row("published", el("bdi", {}, claim.published || ""))));
    if (claim.evidence && claim.evidence.text) card.append(el("blockquote", { class: "evidence", dir: "auto" }, claim.evidence.text));
    if (claim.document_id) {
      const href = "/documents/" + encodeURIComponent(claim.document_id) + "#event-" + encodeURIComponent(localEventId(claim.event_key));
      card.append(el("a", { href, class: "more" }, t("open_article")));
    }
    return card;
  }

  function render() {
    root.replaceChildren();
    const d = data;
    const type = d.plover ? d.plover.type : null;
    const head = el("header", { class: "incident-head" },
      el("span", { class: "dot big t-" + type }),
      el("h1", {}, label("plover", type) + (d.acled ? " · " + label("acled", d.acled.event_type) : "")));
    if (d.contested) head.append(el("span", { class: "badge contested", id: "contested-badge" }, t("contested")));
    root.append(head);
    const loc = (d.locations || [])[0];
    root.append(el("dl", { class: "facts" },
      row("date", el("bdi", {}, Marsad.dateText(d.date))),
      row("place", Marsad.placeName(loc)),
      row("actor1", Marsad.actorName(d.actor1)),
      row("actor2", Marsad.actorName(d.actor2)),
      row("fatalities", Marsad.figureText(d.fatalities)),
      row("injured", Marsad.figureText(d.injured)),
      row("modality", t("m_" + d.modality))));
    if (d.contested) root.append(el("p", { class: "note" }, t("lowest_figure")));
    root.append(el("h2", {}, t("claims")));
    const lowest = d.fatalities ? d.fatalities.min : null;
    const claims = el("div", { class: "claims", id: "claims" });
    for (const claim of d.claims || []) claims.append(claimCard(claim, lowest));
    root.append(claims);
  }

  try {
    data = await Marsad.api("/api/events/" + encodeURIComponent(id));
    render();
    Marsad.onLang(render);
  } catch (e) {
    root.replaceChildren(el("p", { class: "error" }, e.status === 404 ? t("not_found") : t("error")));
  }
  document.body.dataset.loaded = "1";
})();
