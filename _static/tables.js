// Wide tables: a table that does not fit scrolls inside its own region (.di-table-wrap); tell
// readers so, in words, just before the table (where they start reading it, not after its last
// row), and only while some columns are out of view.
(function () {
  function update(wrap) {
    var hint = wrap.previousElementSibling;
    if (!hint || !hint.classList.contains("di-scroll-hint")) {
      hint = document.createElement("p");
      hint.className = "di-scroll-hint";
      hint.textContent = "De tabel is breder dan het scherm: schuif haar opzij om alle kolommen te zien.";
      wrap.before(hint);
    }
    hint.hidden = wrap.scrollWidth <= wrap.clientWidth + 1;
  }
  function all() {
    document.querySelectorAll(".di-table-wrap, .bd-article .pst-scrollable-table-container").forEach(update);
  }
  document.addEventListener("DOMContentLoaded", all);
  window.addEventListener("resize", all);
})();
