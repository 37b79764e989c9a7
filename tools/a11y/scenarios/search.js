// The site's own search, as a reader uses it: search.html?q=WORD in Chromium, until Sphinx has
// finished (lib.ready: its heading is there and its progress dots stopped). Returns
// { word: { pages: [page paths of the results, relative to the site], summary: "the summary line" } }.
// A scenario of site-check.js: run(browser, server, { words }).
const { ready } = require('../lib');

async function run(browser, server, { words }) {
  const page = await browser.newPage();
  const found = {};
  for (const word of words) {
    await page.goto(`${server.url}search.html?q=${encodeURIComponent(word)}`);
    await ready(page);  // until Sphinx has shown every result
    found[word] = await page.evaluate((root) => ({
      pages: [...new Set([...document.querySelectorAll('#search-results ul.search li > a')]
        .map((a) => new URL(a.href).pathname.slice(new URL(root).pathname.length)))].sort(),
      summary: document.querySelector('#search-results .search-summary').textContent.trim(),
    }), server.url);
  }
  await page.close();
  return found;
}

module.exports = { run };
