// Every page as a reader's browser opens it, at 1280 and at 390 px wide, every folded cell opened:
//  - problems: console errors, uncaught exceptions, failed or 4xx/5xx requests, requests to
//    another host (the site is served over HTTP on the loopback interface);
//  - controls: every rendered interactive control (links, buttons, inputs, selects, text areas,
//    summaries, elements in the tab order by tabindex) with the accessible name Chromium gives it;
//  - attributes: every aria-label, aria-description, title, data-bs-title and placeholder on the
//    page, hidden elements included (tooltips and labels of the theme's hidden copies).
// Prints JSON: { "PAGE": { "WIDTH": { problems: [], controls: [{ name, html }], attributes: [] } } }.
// usage: node tools/a11y/pages-check.js SITE_DIR PAGE... (PAGE relative to the site, may carry ?query)
const { launch, serve, watch, args } = require('./lib');

const CONTROLS = 'a[href], button, input:not([type="hidden"]), select, textarea, summary, [tabindex]:not([tabindex^="-"])';

(async () => {
  const { site, rest: pagePaths } = args();
  const server = await serve(site);
  const browser = await launch();
  const out = {};
  for (const pagePath of pagePaths) {
    out[pagePath] = {};
    for (const width of [1280, 390]) {
      const page = await browser.newPage({ viewport: { width, height: 900 } });
      const problems = watch(page, server.url);
      await page.goto(server.url + pagePath, { waitUntil: 'load' });
      await page.evaluate(() => document.querySelectorAll('details').forEach((d) => { d.open = true; }));
      // let the theme's load-time work (tab stops of scrolling blocks, search results) finish
      await page.waitForLoadState('networkidle');
      const count = await page.evaluate((selector) => {
        let n = 0;
        document.querySelectorAll(selector).forEach((element) => {
          if (element.checkVisibility({ visibilityProperty: true })) element.dataset.checkControl = String(n++);
        });
        return n;
      }, CONTROLS);
      const cdp = await page.context().newCDPSession(page);
      const { root } = await cdp.send('DOM.getDocument', { depth: 0 });
      const { nodeIds } = await cdp.send('DOM.querySelectorAll', { nodeId: root.nodeId, selector: '[data-check-control]' });
      const controls = [];
      for (const nodeId of nodeIds) {
        const { nodes } = await cdp.send('Accessibility.getPartialAXTree', { nodeId, fetchRelatives: false });
        const ax = nodes.find((n) => !n.ignored) || nodes[0];
        const name = ax && ax.name ? String(ax.name.value).trim() : '';
        const { outerHTML } = await cdp.send('DOM.getOuterHTML', { nodeId });
        controls.push({ name, role: ax && ax.role ? ax.role.value : '', html: outerHTML.replace(/ data-check-control="\d+"/, '').slice(0, 160) });
      }
      const attributes = await page.evaluate(() => {
        const names = ['aria-label', 'aria-description', 'title', 'data-bs-title', 'placeholder'];
        const values = new Set();
        document.querySelectorAll(names.map((n) => `[${n}]`).join(', ')).forEach((element) => {
          names.forEach((n) => { if (element.hasAttribute(n)) values.add(element.getAttribute(n).trim()); });
        });
        return [...values];
      });
      if (count !== controls.length) problems.push(`${count} controls marked, ${controls.length} found`);
      out[pagePath][width] = { problems, controls, attributes };
      await page.close();
    }
  }
  console.log(JSON.stringify(out));
  await browser.close();
  await server.close();
})().catch((error) => { console.error(error); process.exit(2); });
