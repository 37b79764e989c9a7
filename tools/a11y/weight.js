// What a reader's browser downloads for each page of the built site, cold cache: every response
// (HTML, scripts, style sheets, fonts, images, the search index ...) that Chromium received while
// loading the page and until it is ready (lib.ready), counted as the bytes of its body,
// uncompressed (as the site's own files are on disk). A file asked twice is counted once.
//
// usage: node tools/a11y/weight.js SITE_DIR PAGE...   (PAGE: a path under SITE_DIR, e.g. book/intro.html)
// The window is 1280 px wide (WEIGHT_WIDTH to change it).
// Prints one JSON object: { "pages": { PAGE: { "total": bytes, "files": { path: bytes } } } }.
// tests/test_weight.py judges it; benchmarks/bench_weight.py prints it as a table.
const { launch, serve, ready, args } = require('./lib');

async function weigh(browser, server, pagePath, width) {
  // a new context per page: nothing cached from the page before
  const context = await browser.newContext({ viewport: { width, height: 900 } });
  const page = await context.newPage();
  const files = {};
  const pending = [];
  page.on('response', (response) => {
    const url = response.url();
    if (!url.startsWith(server.url)) return;
    pending.push(response.body().then((body) => {
      const key = new URL(url).pathname.slice(1);
      files[key] = body.length;
    }, () => {}));
  });
  await page.goto(server.url + pagePath, { waitUntil: 'load' });
  await ready(page);
  // whatever the page asks for once it is idle (fonts used only by then, lazy images)
  await page.waitForLoadState('networkidle');
  await Promise.all(pending);
  await context.close();
  const total = Object.values(files).reduce((a, b) => a + b, 0);
  return { total, files };
}

(async () => {
  const { site, rest: pages } = args();
  const server = await serve(site);
  const browser = await launch();
  const report = { pages: {} };
  const width = Number(process.env.WEIGHT_WIDTH || 1280);
  // three pages at a time, each in its own fresh context; every result lands in its fixed place
  const queue = [...pages];
  const worker = async () => {
    for (let pagePath = queue.shift(); pagePath !== undefined; pagePath = queue.shift()) {
      report.pages[pagePath] = await weigh(browser, server, pagePath, width);
    }
  };
  await Promise.all(Array.from({ length: 3 }, worker));
  report.pages = Object.fromEntries(pages.map((p) => [p, report.pages[p]]));
  process.stdout.write(JSON.stringify(report));
  await browser.close();
  await server.close();
})().catch((error) => { console.error(error); process.exit(2); });
