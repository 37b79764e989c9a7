// Reflow check (WCAG 1.4.10): at a narrow viewport no page may scroll horizontally.
// Every <details> is opened first. Prints, per page, the page's scroll width and the widest
// elements that stick out of the viewport (those inside a scrollable region are allowed: a data
// table may scroll within its own labelled, focusable region).
// usage: node tools/a11y/reflow.js WIDTH PAGE.html ...   (exit 1 when a page scrolls sideways)
const { launch } = require('./lib');
const path = require('path');

(async () => {
  const width = Number(process.argv[2]);
  const browser = await launch();
  let problems = 0;
  for (const scheme of ['light', 'dark']) {
    const page = await browser.newPage({ viewport: { width, height: 800 }, colorScheme: scheme });
    for (const file of process.argv.slice(3)) {
      await page.goto('file://' + path.resolve(file), { waitUntil: 'load' });
      await page.waitForLoadState('networkidle');
      await page.evaluate(() => document.querySelectorAll('details').forEach((d) => { d.open = true; }));
      await page.waitForTimeout(50);
      const found = await page.evaluate((w) => {
        const doc = document.scrollingElement;
        const inScroller = (el) => {
          for (let p = el.parentElement; p; p = p.parentElement) {
            const s = getComputedStyle(p);
            if (['auto', 'scroll'].includes(s.overflowX) && p.clientWidth <= w) return true;
          }
          return false;
        };
        const wide = [];
        for (const el of document.body.querySelectorAll('*')) {
          if (getComputedStyle(el).visibility === 'hidden' || el.closest('dialog:not([open]), [inert]')) continue;
          const r = el.getBoundingClientRect();
          if (r.width === 0 || r.height === 0) continue;
          if (r.right > w + 1 && !inScroller(el)) {
            wide.push(el);
          }
        }
        const culprits = wide.filter((el) => !wide.some((other) => other !== el && el.contains(other)));
        const named = [];
        for (const el of culprits) {
          const r = el.getBoundingClientRect();
          {
            named.push(`${el.tagName.toLowerCase()}${el.id ? '#' + el.id : ''}${el.className && typeof el.className === 'string' ? '.' + el.className.trim().split(/\s+/).join('.') : ''} right=${Math.round(r.right)}`);
          }
        }
        return { scroll: doc.scrollWidth, client: doc.clientWidth, wide: named.slice(0, 8) };
      }, width);
      const bad = found.scroll > found.client;
      if (bad) problems += 1;
      if (bad || found.wide.length) {
        console.log(`${path.basename(file)} [${scheme}]: scrollWidth ${found.scroll} > ${found.client}: ${bad}`);
        found.wide.forEach((w) => console.log(`   ${w}`));
      }
    }
    await page.close();
    if (scheme === 'light' && process.env.ONE_SCHEME) break;
  }
  console.log(`pages that scroll sideways at ${width} px: ${problems}`);
  await browser.close();
  process.exit(problems ? 1 : 0);
})();
