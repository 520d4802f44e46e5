// marsad dashboard: shared helpers. Everything that comes from the API is put into the page with
// textContent or DOM attributes, never innerHTML: article text is hostile input.
"use strict";

const Marsad = (() => {
  const TYPE_COLOURS = {
    ASSAULT: "#c0392b", PROTEST: "#2471a3", COERCE: "#7d3c98", MOBILIZE: "#d68910",
    CONSULT: "#17a589", SUPPORT: "#229954", AID: "#1e8449", AGREE: "#138d75", REJECT: "#a04000",
    ACCUSE: "#b9770e", THREATEN: "#cb4335", SANCTION: "#6c3483", REQUEST: "#2e86c1",
    CONCEDE: "#5d6d7e", RETREAT: "#873600", COOPERATE: "#117a65",
  };
  let strings = { ar: {}, en: {} };
  let lang = "ar";
  const langListeners = [];

  function chooseLang() {
    const fromUrl = new URLSearchParams(location.search).get("lang");
    if (fromUrl === "ar" || fromUrl === "en") return fromUrl;
    const saved = localStorage.getItem("marsad.lang");
    return saved === "en" ? "en" : "ar";
  }

  // t("count", {n: 3}) -> the string of the current language with {n} filled in.
  function t(key, vars) {
    let s = strings[lang][key];
    if (s === undefined) s = strings.ar[key];
    if (typeof s !== "string") return key;
    if (vars) for (const [k, v] of Object.entries(vars)) s = s.split("{" + k + "}").join(String(v));
    return s;
  }

  // A label from a nested table ("plover", "acled", "country"), falling back to the code itself.
  function label(table, code) {
    if (code === null || code === undefined || code === "") return "";
    const tab = strings[lang][table] || {};
    return tab[code] || code;
  }

  function applyLang() {
    document.documentElement.lang = lang;
    document.documentElement.dir = lang === "ar" ? "rtl" : "ltr";
    for (const node of document.querySelectorAll("[data-i18n]")) node.textContent = t(node.dataset.i18n);
    const toggle = document.getElementById("lang-toggle");
    if (toggle) toggle.textContent = t("lang_other");
    for (const fn of langListeners) fn(lang);
  }

  function setLang(next) {
    lang = next;
    localStorage.setItem("marsad.lang", lang);
    const params = new URLSearchParams(location.search);
    params.set("lang", lang);
    history.replaceState(null, "", location.pathname + "?" + params.toString() + location.hash);
    applyLang();
  }

  // el("a", {href: "/x", class: "y"}, "text", otherNode): a new element; strings become text nodes.
  function el(tag, attrs, ...children) {
    const node = document.createElement(tag);
    for (const [k, v] of Object.entries(attrs || {})) {
      if (v === null || v === undefined || v === false) continue;
      if (k === "class") node.className = v;
      else if (k === "dataset") Object.assign(node.dataset, v);
      else node.setAttribute(k, v === true ? "" : String(v));
    }
    for (const child of children) {
      if (child === null || child === undefined || child === false) continue;
      node.append(child instanceof Node ? child : document.createTextNode(String(child)));
    }
    return node;
  }

  // Only http(s) links from the data are ever made clickable (no javascript:, data:, …).
  function safeHref(url) {
    if (typeof url !== "string") return null;
    try {
      const parsed = new URL(url, location.origin);
      return parsed.protocol === "http:" || parsed.protocol === "https:" ? parsed.href : null;
    } catch (e) {
      return null;
    }
  }

  async function api(path) {
    const headers = { Accept: "application/json" };
    const token = localStorage.getItem("marsad.token");
    if (token) headers.Authorization = "Bearer " + token;
    const response = await fetch(path, { headers });
    if (response.status === 401) askForToken();
    if (!response.ok) {
      const err = new Error(response.status + " " + path);
      err.status = response.status;
      throw err;
    }
    return response.json();
  }

  // When the server requires a token for reading, a bar asks for one and keeps it in this browser.
  function askForToken() {
    if (document.getElementById("token-bar")) return;
    const input = el("input", { type: "password", id: "token-input", autocomplete: "off", size: 40 });
    const save = el("button", { type: "button" }, t("save"));
    save.addEventListener("click", () => {
      localStorage.setItem("marsad.token", input.value.trim());
      location.reload();
    });
    const bar = el("div", { class: "token-bar", id: "token-bar" }, el("label", { for: "token-input" }, t("token_needed")), input, save);
    document.body.prepend(bar);
  }

  function figureText(fig) {
    if (!fig || fig.min === null || fig.min === undefined) return "—";
    const q = fig.qualifier && fig.qualifier !== "exact" ? t("q_" + fig.qualifier) + " " : "";
    const range = fig.max !== null && fig.max !== undefined && fig.max !== fig.min ? fig.min + "–" + fig.max : fig.min;
    return (q + range).trim();
  }

  function actorName(actor) {
    if (!actor) return "";
    return (lang === "ar" ? actor.name_ar || actor.name : actor.name || actor.name_ar) || actor.id || "";
  }

  function placeName(loc) {
    if (!loc) return "";
    const name = lang === "ar" ? loc.name_ar || loc.name : loc.name || loc.name_ar;
    // admin1 is the gazetteer's English name: shown in English only, never mixed into Arabic text
    const admin1 = lang === "en" && loc.admin1 && loc.admin1 !== loc.name ? loc.admin1 : null;
    const parts = [name, admin1, label("country", loc.country)];
    return parts.filter(Boolean).join("، ");
  }

  function dateText(date) {
    if (!date || (!date.start && !date.end)) return t("unknown");
    if (date.start && date.end && date.start !== date.end) return date.start + " – " + date.end;
    return date.start || date.end;
  }

  function typeColour(type) {
    return TYPE_COLOURS[type] || "#566573";
  }

  function onLang(fn) {
    langListeners.push(fn);
  }

  async function init() {
    lang = chooseLang();
    try {
      strings = await (await fetch("/static/i18n.json")).json();
    } catch (e) {
      console.error("i18n", e);
    }
    const toggle = document.getElementById("lang-toggle");
    if (toggle) toggle.addEventListener("click", () => setLang(lang === "ar" ? "en" : "ar"));
    applyLang();
  }

  const ready = init();
  return {
    ready, t, label, el, api, safeHref, figureText, actorName, placeName, dateText, typeColour, onLang,
    get lang() { return lang; }, TYPE_COLOURS,
  };
})();
