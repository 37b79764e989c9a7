// Print one HTML document to a tagged PDF with an outline (bookmarks) and a page number at the
// foot of every page, with Debian's Chromium driven by playwright-core (the command line of
// Chromium prints no page numbers: --no-pdf-header-footer or its own date, title and address).
// Used by tools/print_pdf.py.
//
// usage: node tools/a11y/print-pdf.js DOCUMENT.html OUT.pdf
const path = require('path');
const { pathToFileURL } = require('url');
const { launch } = require('./lib');

const FOOTER = '<div style="width:100%;font-family:sans-serif;font-size:8pt;color:#222;text-align:center;">'
  + '<span class="pageNumber"></span></div>';

(async () => {
  const [source, out] = process.argv.slice(2);
  const browser = await launch();
  const page = await browser.newPage();
  await page.goto(pathToFileURL(path.resolve(source)).href, { waitUntil: 'load' });
  await page.evaluate(() => document.fonts.ready);
  await page.pdf({
    path: path.resolve(out), format: 'A4', tagged: true, outline: true, printBackground: true,
    displayHeaderFooter: true, headerTemplate: '<div></div>', footerTemplate: FOOTER,
    margin: { top: '18mm', right: '16mm', bottom: '20mm', left: '16mm' },
  });
  await browser.close();
})().catch((error) => { console.error(error); process.exit(2); });
