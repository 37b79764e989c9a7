// nav.js: navigation and sidebars, header buttons, search page. Loaded once, deferred (_config.yml).

// The sidebar toggles below 992 px wide (phones, a laptop zoomed to 150%).
// pydata-sphinx-theme 0.17.1 binds only the first .primary-toggle and the first .secondary-toggle
// of the page (document.querySelector): the copies in its own header, which sphinx-book-theme
// hides. The visible toggles in the article header did nothing, so the chapter list and the page
// contents could not be reached (upstream issue pydata/pydata-sphinx-theme#2451, still open in
// 0.24; sphinx-book-theme 1.3.0 requires exactly 0.17.1 and every later release needs Sphinx 8,
// which Jupyter Book 1 does not allow). Until a fixed release can be used, a click on a visible
// toggle (mouse, or Enter and Space, which a button turns into a click) is passed on to the bound
// one: narrow, pydata-sphinx-theme opens the sidebar as a dialog and gives focus back to the
// toggle when it closes; wide, sphinx-book-theme hides or shows the chapter list.
["primary-toggle", "secondary-toggle"].forEach(function (name) {
  var toggles = Array.prototype.slice.call(document.querySelectorAll("button." + name));
  var bound = toggles.shift();
  toggles.forEach(function (toggle) {
    toggle.addEventListener("click", function (event) {
      event.preventDefault();
      bound.click();
    });
  });
});

// The colour-mode button (_templates/theme-switcher.html). pydata-sphinx-theme cycles the mode on
// a click; sphinx-book-theme then takes the focus off the button (blur), so a keyboard user was
// dropped at the top of the page and Enter or Space no longer cycled. The focus goes back to the
// button, and its name (shown by its tooltip) says which mode is on ("Kleurmodus: donker"); a status line,
// read by screen readers, says it once more after a change.
(function () {
  var NAMES = { light: "licht", dark: "donker", auto: "automatisch, zoals het systeem" };
  var buttons = Array.prototype.slice.call(document.querySelectorAll(".theme-switch-button"));
  if (!buttons.length) return;
  var status = document.createElement("p");
  status.className = "visually-hidden";
  status.setAttribute("role", "status");
  document.body.appendChild(status);
  function label() {
    var text = "Kleurmodus: " + (NAMES[document.documentElement.dataset.mode] || NAMES.auto);
    buttons.forEach(function (button) {
      button.setAttribute("aria-label", text);
    });
    return text;
  }
  label();
  buttons.forEach(function (button) {
    button.addEventListener("click", function () {
      // after the theme's own listeners (registered earlier) and the book theme's blur
      setTimeout(function () {
        status.textContent = label();
        button.focus();
        if (button.matches(":focus-visible")) button.dispatchEvent(new Event("focus"));
      }, 0);
    });
  });
}());

// "Back to top" (pydata-sphinx-theme's button, shown while the reader scrolls up, below the
// header). Its script came with Bootstrap's, which the book does not load.
(function () {
  var button = document.getElementById("pst-back-to-top");
  var header = document.querySelector(".bd-header");
  if (!button || !header) return;
  var below = header.getBoundingClientRect().bottom;
  var last = window.scrollY;
  button.addEventListener("click", function () {
    window.scrollTo(0, 0);
  });
  window.addEventListener("scroll", function () {
    button.style.display = window.scrollY < last && window.scrollY > below ? "block" : "none";
    last = window.scrollY;
  }, { passive: true });
}());

// Tooltips of the header's icon buttons (chapter list, page contents, search, colour mode): the
// button's name, shown below it while the pointer rests on it or the keyboard focus is on it, and
// hidden by Escape without moving either (WCAG 1.4.13). They replace Bootstrap's tooltips, whose
// 80 KB script the book does not load; the native title is taken off then, so that it is not shown
// twice. The tip is only a picture of the name: screen readers read the button's own label.
(function () {
  var tip = document.createElement("div");
  tip.className = "di-tooltip";
  tip.setAttribute("aria-hidden", "true");
  document.body.appendChild(tip);
  var current = null;
  function show(button) {
    current = button;
    tip.textContent = button.getAttribute("aria-label");
    tip.classList.add("show");
    var r = button.getBoundingClientRect();
    var width = tip.offsetWidth;
    var left = Math.min(Math.max(4, r.left + r.width / 2 - width / 2), document.documentElement.clientWidth - width - 4);
    tip.style.left = left + "px";
    tip.style.top = r.bottom + 6 + "px";
  }
  function hide(button) {
    if (!button || button === current) {
      tip.classList.remove("show");
      current = null;
    }
  }
  document.querySelectorAll(".bd-header button[aria-label], .bd-header-article button[aria-label]").forEach(function (button) {
    button.removeAttribute("title");
    button.addEventListener("mouseenter", function () { show(button); });
    button.addEventListener("mouseleave", function () { hide(button); });
    button.addEventListener("focus", function () { if (button.matches(":focus-visible")) show(button); });
    button.addEventListener("blur", function () { hide(button); });
    button.addEventListener("click", function () { hide(); });
  });
  document.addEventListener("keydown", function (event) {
    if (event.key === "Escape") hide();
  });
  window.addEventListener("scroll", function () { hide(); }, { passive: true });
}());

// Code blocks, tables and cell outputs that scroll get tabindex=0 from pydata-sphinx-theme (so
// that the keyboard can scroll them), and -1 again when the window widens; focused, they had no
// name. While focusable, each is a named region, as the book's own scrolling tables are: a code
// block by the title of its folded cell ("Code: Tabel 3"), a table by its caption.
function scrollableName(element) {
  if (element.matches("pre")) {
    var title = element.closest("details") && element.closest("details").querySelector("summary .collapsed");
    var what = title ? title.textContent.trim().replace(/^Toon code:?\s*/i, "") : "";
    return what ? "Code: " + what : "Code";
  }
  if (element.matches(".pst-scrollable-table-container")) {
    // the caption's text, without the permalink's "#" (Sphinx's own captions hold one)
    var caption = element.querySelector("caption .caption-text") || element.querySelector("caption");
    return caption && caption.textContent.trim() ? caption.textContent.trim() : "Tabel";
  }
  if (element.matches(".cell_output > .output, .nboutput > .output_area, .jp-RenderedHTMLCommon")) return "Uitvoer";
  return null;
}
function nameScrollable(element) {
  var named = "diScrollName" in element.dataset;
  if (element.tabIndex === 0 && !named && !element.hasAttribute("aria-label")) {
    var name = scrollableName(element);
    if (!name) return;
    element.setAttribute("role", "region");
    element.setAttribute("aria-label", name);
    element.dataset.diScrollName = "";
  } else if (element.tabIndex !== 0 && named) {
    element.removeAttribute("role");
    element.removeAttribute("aria-label");
    delete element.dataset.diScrollName;
  }
}
new MutationObserver(function (changes) {
  changes.forEach(function (change) { nameScrollable(change.target); });
}).observe(document.documentElement, { subtree: true, attributes: true, attributeFilter: ["tabindex"] });

// The search page's summary: Sphinx 7.4's Dutch catalogue leaves this one message in English.
if (typeof Documentation !== "undefined" && document.documentElement.lang === "nl") {
  Documentation.addTranslations({
    locale: "nl",
    plural_expr: "(n != 1)",
    messages: {
      "Search finished, found ${resultCount} page(s) matching the search query.":
        "Zoeken voltooid: ${resultCount} pagina('s) gevonden.",
    },
  });
}

// Folded solutions (sphinx-exercise, shown by sphinx-togglebutton): the toggle button is named
// "Toggle hidden content" in English. Name it after the solution's own title instead; its
// aria-expanded says whether the solution is open. togglebutton.js adds the buttons when the
// page has loaded, before this deferred script's listener runs.
function nameToggleButtons() {
  document.querySelectorAll(".admonition-title > button.toggle-button").forEach(function (button) {
    var title = button.parentElement.cloneNode(true);
    title.querySelectorAll("button").forEach(function (b) { b.remove(); });
    var text = title.textContent.replace(/\s+/g, " ").trim();
    button.setAttribute("aria-label", text ? "Toon of verberg: " + text : "Toon of verberg de inhoud");
  });
}
document.addEventListener("DOMContentLoaded", function () { setTimeout(nameToggleButtons, 0); });
window.addEventListener("load", nameToggleButtons);
