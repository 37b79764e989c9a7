// The site's own search, as a reader uses it: search.html?q=WORD in Chromium, until Sphinx has
// finished (its heading is there and its progress dots stopped). Prints JSON:
// { word: { pages: [page paths of the results, relative to the site], summary: "the summary line" } }.
// usage: node tools/a11y/search-check.js SITE_DIR WORD...
const { launch, serve, until, args } = require('./lib');

(async () => {
  const { site, rest: words } = args();
  const server = await serve(site);
  const browser = await launch();
  const page = await browser.newPage();
  const found = {};
  for (const word of words) {
    await page.goto(`${server.url}search.html?q=${encodeURIComponent(word)}`);
    await until(page, () => document.querySelector('#search-results h2') && Search._pulse_status === -1);
    found[word] = await page.evaluate((root) => ({
      pages: [...new Set([...document.querySelectorAll('#search-results ul.search li > a')]
        .map((a) => new URL(a.href).pathname.slice(new URL(root).pathname.length)))].sort(),
      summary: document.querySelector('#search-results .search-summary').textContent.trim(),
    }), server.url);
  }
  console.log(JSON.stringify(found));
  await browser.close();
  await server.close();
})().catch((error) => { console.error(error); process.exit(2); });
