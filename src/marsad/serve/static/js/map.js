// The map dashboard: filters <-> URL, clustered markers on the offline basemap, timeline, list.
"use strict";

(async () => {
  await Marsad.ready;
  const { el, t, label } = Marsad;
  const MAX_MARKERS = 5000;
  const PAGE = 1000;
  const FIELDS = ["q", "since", "until", "plover", "acled", "country", "admin1", "actor", "min_fatalities", "contested"];
  const ACLED_TYPES = ["Battles", "Explosions/Remote violence", "Violence against civilians", "Protests", "Riots",
    "Strategic developments"];
  const COUNTRIES = ["SY", "IQ", "YE", "SD", "LY", "LB", "PS", "EG"];
  const form = document.getElementById("filters");

  function fillSelect(select, table, codes) {
    for (const code of codes) select.append(el("option", { value: code, dataset: { table, code } }, label(table, code)));
  }
  fillSelect(document.getElementById("f-plover"), "plover", Object.keys(Marsad.TYPE_COLOURS));
  fillSelect(document.getElementById("f-acled"), "acled", ACLED_TYPES);
  fillSelect(document.getElementById("f-country"), "country", COUNTRIES);

  function relabel() {
    for (const option of form.querySelectorAll("option[data-table]")) {
      option.textContent = label(option.dataset.table, option.dataset.code);
    }
    drawLegend();
  }

  // --- filters <-> URL ------------------------------------------------------------------------
  function readUrl() {
    const params = new URLSearchParams(location.search);
    for (const name of FIELDS) {
      const input = form.elements[name];
      if (!input) continue;
      if (input.type === "checkbox") input.checked = params.get(name) === "true";
      else input.value = params.get(name) || "";
    }
  }

  function filterParams() {
    const params = new URLSearchParams();
    for (const name of FIELDS) {
      const input = form.elements[name];
      if (!input) continue;
      if (input.type === "checkbox") {
        if (input.checked) params.set(name, "true");
      } else if (input.value.trim()) {
        params.set(name, input.value.trim());
      }
    }
    return params;
  }

  function writeUrl(params) {
    const shown = new URLSearchParams(params);
    if (Marsad.lang !== "ar") shown.set("lang", Marsad.lang);
    const query = shown.toString();
    history.pushState(null, "", location.pathname + (query ? "?" + query : ""));
  }

  // --- the map ----------------------------------------------------------------------------------
  const map = L.map("map", { minZoom: 3, maxZoom: 13, zoomSnap: 0.5, worldCopyJump: false, attributionControl: true }).setView([29, 38], 4);
  map.attributionControl.setPrefix(false);
  map.attributionControl.addAttribution("Natural Earth · Who's On First · Leaflet");
  // above the opaque country fills (overlayPane, 400), below the markers (600)
  map.createPane("admin1").style.zIndex = 450;

  async function basemap() {
    const [countries, admin1] = await Promise.all([
      fetch("/static/geo/countries.geojson").then((r) => r.json()),
      fetch("/static/geo/admin1.geojson").then((r) => r.json()),
    ]);
    L.geoJSON(countries, { style: { className: "bm-country", weight: 1 }, interactive: false }).addTo(map);
    L.geoJSON(admin1, { pane: "admin1", style: { className: "bm-admin1", weight: 0.6 }, interactive: false }).addTo(map);
  }

  const clusters = L.markerClusterGroup({
    showCoverageOnHover: false,
    maxClusterRadius: 45,
    iconCreateFunction(cluster) {
      const n = cluster.getChildCount();
      const size = n < 10 ? "s" : n < 100 ? "m" : "l";
      const inner = el("span", {}, String(n));
      return L.divIcon({ html: inner, className: "cluster cluster-" + size, iconSize: [34, 34] });
    },
  });
  map.addLayer(clusters);

  function popup(p) {
    const box = el("div", { class: "popup" });
    box.append(el("strong", { class: "t-text-" + p.plover_type }, label("plover", p.plover_type)));
    if (p.contested) box.append(" ", el("span", { class: "badge contested" }, t("contested")));
    const place = Marsad.lang === "ar" ? p.place_ar || p.place : p.place || p.place_ar;
    box.append(el("div", {}, [place, label("country", p.country)].filter(Boolean).join("، ")));
    box.append(el("div", {}, t("date") + ": ", el("bdi", {}, p.date || t("unknown"))));
    if (p.fatalities !== null && p.fatalities !== undefined) box.append(el("div", {}, t("fatalities") + ": " + p.fatalities));
    box.append(el("a", { href: "/incidents/" + encodeURIComponent(p.id), class: "more" }, t("open_incident")));
    return box;
  }

  function marker(feature) {
    const [lon, lat] = feature.geometry.coordinates;
    const p = feature.properties;
    const icon = L.divIcon({ className: "mk t-" + (p.plover_type || "other") + (p.contested ? " mk-contested" : ""), iconSize: [14, 14] });
    const m = L.marker([lat, lon], { icon, title: label("plover", p.plover_type) });
    m.bindPopup(() => popup(p));
    m.feature = feature;
    return m;
  }

  // --- data ---------------------------------------------------------------------------------------
  async function fetchFeatures(params) {
    const features = [];
    let cursor = null;
    do {
      const query = new URLSearchParams(params);
      query.set("format", "geojson");
      query.set("limit", String(PAGE));
      if (cursor) query.set("cursor", cursor);
      const page = await Marsad.api("/api/events?" + query.toString());
      features.push(...page.features);
      cursor = page.next_cursor;
    } while (cursor && features.length < MAX_MARKERS);
    return { features, more: Boolean(cursor) };
  }

  function drawList(features) {
    const list = document.getElementById("incident-list");
    list.replaceChildren();
    for (const f of features.slice(0, 50)) {
      const p = f.properties;
      const place = Marsad.lang === "ar" ? p.place_ar || p.place : p.place || p.place_ar;
      const item = el("li", { class: "incident-item" },
        el("span", { class: "dot t-" + p.plover_type }),
        el("a", { href: "/incidents/" + encodeURIComponent(p.id) }, label("plover", p.plover_type)),
        " · ", el("bdi", {}, p.date || t("unknown")), " · ", el("bdi", {}, place || ""),
        p.fatalities ? " · " + t("fatalities") + " " + p.fatalities : "",
        p.contested ? el("span", { class: "badge contested" }, t("contested")) : null);
      list.append(item);
    }
  }

  function drawLegend() {
    const legend = document.getElementById("legend");
    legend.replaceChildren();
    for (const type of ["ASSAULT", "PROTEST", "COERCE", "MOBILIZE", "CONSULT", "THREATEN", "ACCUSE", "AID"]) {
      legend.append(el("li", {}, el("span", { class: "dot t-" + type }), label("plover", type)));
    }
  }

  let lastFeatures = [];
  let lastMore = false;

  function showCount() {
    const n = lastFeatures.length;
    document.getElementById("count").textContent = n ? t("count", { n }) + (lastMore ? " +" : "") : t("no_results");
  }

  let lastDays = [];
  let firstLoad = true;

  function pickDay(day) {
    form.elements.since.value = day;
    form.elements.until.value = day;
    form.requestSubmit();
  }

  async function load() {
    const params = filterParams();
    const count = document.getElementById("count");
    count.textContent = t("loading");
    try {
      const [{ features, more }, daily] = await Promise.all([
        fetchFeatures(params), Marsad.api("/api/stats/daily?" + params.toString()),
      ]);
      lastFeatures = features;
      lastDays = daily.days;
      clusters.clearLayers();
      clusters.addLayers(features.map(marker));
      document.body.dataset.markers = String(features.length);
      lastMore = more;
      showCount();
      drawList(features);
      Timeline.draw(document.getElementById("timeline"), lastDays, pickDay);
      if (firstLoad && features.length) {
        map.fitBounds(clusters.getBounds(), { maxZoom: 6, padding: [30, 30], animate: false });
      }
      firstLoad = false;
    } catch (e) {
      count.textContent = t("error") + " (" + e.message + ")";
    }
    document.body.dataset.loaded = String(Number(document.body.dataset.loaded || 0) + 1);
  }

  // actor suggestions: the datalist offers ids, labelled with the names (typed text searches names)
  let actorTimer = null;
  form.elements.actor.addEventListener("input", () => {
    clearTimeout(actorTimer);
    actorTimer = setTimeout(async () => {
      const q = form.elements.actor.value.trim();
      if (q.length < 2) return;
      try {
        const found = await Marsad.api("/api/actors?q=" + encodeURIComponent(q));
        const list = document.getElementById("actor-list");
        list.replaceChildren(...found.items.filter((a) => a.id).map(
          (a) => el("option", { value: a.id, label: Marsad.actorName(a) })));
      } catch (e) {
        console.error("actors", e);
      }
    }, 250);
  });

  form.addEventListener("submit", (event) => {
    event.preventDefault();
    writeUrl(filterParams());
    load();
  });
  document.getElementById("reset").addEventListener("click", () => {
    form.reset();
    writeUrl(new URLSearchParams());
    load();
  });
  window.addEventListener("popstate", () => {
    readUrl();
    load();
  });
  Marsad.onLang(() => {
    relabel();
    if (document.body.dataset.loaded) showCount();
    drawList(lastFeatures);
    Timeline.draw(document.getElementById("timeline"), lastDays, pickDay);
  });

  readUrl();
  relabel();
  try {
    await basemap();
  } catch (e) {
    console.error("basemap", e);
  }
  await load();
  map.invalidateSize();
})();
