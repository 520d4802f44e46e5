// The timeline: daily incident counts as stacked SVG bars (one colour per PLOVER type).
// Drawn with createElementNS only; no chart library.
"use strict";

const Timeline = (() => {
  const NS = "http://www.w3.org/2000/svg";

  function svg(tag, attrs) {
    const node = document.createElementNS(NS, tag);
    for (const [k, v] of Object.entries(attrs || {})) node.setAttribute(k, String(v));
    return node;
  }

  function dayNumber(iso) {
    return Math.round(Date.parse(iso + "T00:00:00Z") / 86400000);
  }

  function isoOf(day) {
    return new Date(day * 86400000).toISOString().slice(0, 10);
  }

  // days: [{date, total, by_type}]; onPick(date) is called when a bar is clicked.
  function draw(container, days, onPick) {
    container.replaceChildren();
    const valid = days.filter((d) => /^\d{4}-\d{2}-\d{2}$/.test(d.date));
    if (!valid.length) {
      container.append(Marsad.el("p", { class: "empty" }, Marsad.t("no_results")));
      return;
    }
    const width = Math.max(container.clientWidth || 600, 300);
    const height = 120;
    const pad = { top: 14, bottom: 22, side: 34 };
    const first = dayNumber(valid[0].date);
    const last = dayNumber(valid[valid.length - 1].date);
    const span = last - first + 1;
    const max = Math.max(...valid.map((d) => d.total), 1);
    const plotW = width - 2 * pad.side;
    const slot = plotW / span; // each day gets a slot; its bar is at most 28px wide, centred in it
    const barW = Math.min(Math.max(slot - 1, 1), 28);
    const scaleY = (height - pad.top - pad.bottom) / max;
    // The time axis runs right to left in Arabic, like the text.
    const rtl = document.documentElement.dir === "rtl";
    const root = svg("svg", { viewBox: `0 0 ${width} ${height}`, width, height, role: "img", class: "timeline-svg" });
    root.append(svg("line", { x1: pad.side, x2: width - pad.side, y1: height - pad.bottom, y2: height - pad.bottom, class: "axis" }));
    for (const d of valid) {
      const i = dayNumber(d.date) - first;
      const centre = rtl ? width - pad.side - (i + 0.5) * slot : pad.side + (i + 0.5) * slot;
      const x = centre - barW / 2;
      let y = height - pad.bottom;
      const group = svg("g", { class: "bar", "data-date": d.date });
      const types = Object.entries(d.by_type || {}).sort();
      if (!types.length) types.push(["other", d.total]);
      for (const [type, n] of types) {
        const h = n * scaleY;
        y -= h;
        group.append(svg("rect", { x, y, width: barW, height: h, class: "t-" + type }));
      }
      const title = svg("title");
      title.textContent = d.date + ": " + d.total;
      group.append(title);
      if (onPick) group.addEventListener("click", () => onPick(d.date));
      root.append(group);
    }
    // dates under the first and the last day's slot
    const centreOf = (i) => (rtl ? width - pad.side - (i + 0.5) * slot : pad.side + (i + 0.5) * slot);
    const labels = span > 1 ? [[first, centreOf(0)], [last, centreOf(span - 1)]] : [[first, centreOf(0)]];
    for (const [day, x] of labels) {
      const text = svg("text", { x, y: height - 6, class: "tick", "text-anchor": "middle" });
      text.textContent = isoOf(day);
      root.append(text);
    }
    const maxLabel = svg("text", { x: rtl ? width - 4 : 4, y: pad.top, class: "tick", "text-anchor": rtl ? "end" : "start" });
    maxLabel.textContent = String(max);
    root.append(maxLabel);
    container.append(root);
  }

  return { draw };
})();
