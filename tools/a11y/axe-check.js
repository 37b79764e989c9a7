// Accessibility check of built pages: axe-core (WCAG 2.1 A and AA rules) in Debian's Chromium.
// Also records every request to anything but a local file, which must not happen offline.
// Every <details> (the folded code cells) is opened first, so their content is checked too.
// usage: node tools/a11y/axe-check.js PAGE.html ...   (exit 1 on any violation or outside request)
const { launch } = require('./lib');
const fs = require('fs');
const path = require('path');

const axeSource = fs.readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

(async () => {
  const browser = await launch();
  const page = await browser.newPage();
  const outside = [];
  page.on('request', (r) => {
    // blob: URLs are made by the page itself (the table bundle embedded in it)
    if (!/^(file|data|blob):/.test(r.url())) outside.push(r.url());
  });
  let problems = 0;
  for (const file of process.argv.slice(2)) {
    await page.goto('file://' + path.resolve(file));
    // Unfold every folded code cell ("Toon code"), with animations off, so that the code a reader
    // opens is checked too (contrast of the highlighted code, scrollable blocks).
    await page.addStyleTag({ content: '*, *::before, *::after { animation: none !important; transition: none !important; }' });
    await page.evaluate(() => document.querySelectorAll('details').forEach((d) => { d.open = true; }));
    await page.addScriptTag({ content: axeSource });
    const result = await page.evaluate(async () =>
      await axe.run(document, { runOnly: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] }));
    console.log(`${file}: ${result.violations.length} violations, ${result.passes.length} rules passed`);
    for (const v of result.violations) {
      problems += 1;
      console.log(`  ${v.id} (${v.impact}): ${v.help}; ${v.nodes.length} elements, e.g. ${v.nodes[0].target.join(' ')}`);
    }
  }
  console.log(`requests outside the site: ${outside.length}`);
  outside.slice(0, 10).forEach((url) => console.log(`  ${url}`));
  await browser.close();
  process.exit(problems || outside.length ? 1 : 0);
})();
