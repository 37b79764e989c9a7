// The search page with hostile titles: for each query, search.html?q=QUERY in Chromium until
// Sphinx has shown every result (lib.ready), recording every dialog a script opened and every
// element in the results that could run (a tag other than the result list's own, or an on*
// attribute: an inserted <img onerror> counts whether or not it has fired yet), with the texts of
// the result links. Prints one JSON object
// { query: { dialogs: [...], executable: [...], links: [...] } }; tests/test_search_safety.py judges it.
//
// usage: node tools/a11y/search-hostile.js SITE_DIR QUERY...
const { launch, serve, ready, args } = require('./lib');

(async () => {
  const { site, rest: queries } = args();
  const server = await serve(site);
  const browser = await launch();
  const out = {};
  try {
    const page = await browser.newPage();
    const dialogs = [];
    page.on('dialog', async (dialog) => { dialogs.push(dialog.message()); await dialog.dismiss(); });
    for (const query of queries) {
      dialogs.length = 0;
      await page.goto(`${server.url}search.html?q=${encodeURIComponent(query)}`);
      await ready(page);
      const seen = await page.evaluate(() => {
        const results = document.getElementById('search-results');
        const allowed = new Set(['H2', 'P', 'UL', 'LI', 'A', 'SPAN', 'DIV', 'MARK']);
        const executable = [];
        for (const el of results.querySelectorAll('*')) {
          if (!allowed.has(el.tagName)) executable.push(el.tagName.toLowerCase());
          for (const attribute of el.getAttributeNames()) {
            if (attribute.toLowerCase().startsWith('on')) executable.push(`${el.tagName.toLowerCase()}[${attribute}]`);
          }
        }
        return { executable, links: [...results.querySelectorAll('ul.search li > a')].map((a) => a.textContent) };
      });
      out[query] = { dialogs: [...dialogs], ...seen };
    }
  } finally {
    await browser.close();
    await server.close();
  }
  process.stdout.write(JSON.stringify(out));
})().catch((error) => { console.error(error); process.exit(1); });
