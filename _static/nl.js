// Dutch for the theme's scripts. First sphinx-copybutton, which ships no Dutch strings. Loaded right after copybutton.js:
// its `messages`, `locale`, `iconCopy` and `iconCheck` are global bindings of that script.
(function () {
  if (typeof messages === "undefined" || document.documentElement.lang !== "nl") return;
  messages.nl = {
    copy: "Kopiëren",
    copy_to_clipboard: "Kopiëren naar het klembord",
    copy_success: "Gekopieerd!",
    copy_failure: "Kopiëren mislukt",
  };
  locale = "nl";
  iconCopy = iconCopy.replace(messages.en.copy_to_clipboard, messages.nl.copy_to_clipboard);
  iconCheck = iconCheck.replace(messages.en.copy_success, messages.nl.copy_success);
})();

