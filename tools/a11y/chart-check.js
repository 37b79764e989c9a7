// The book's charts as a reader's browser renders them, measured in Debian's Chromium.
// For every page, at every width (default 390 and 1280 CSS px) and in the light and the dark mode
// of the theme (set as its colour-mode button does: localStorage, read by the theme's own script
// on load, which sets html[data-theme]), every <figure class="di-figure"> is measured:
//   - which of its drawings is shown (one per colour mode, the other hidden);
//   - whether that is vector (SVG, no raster inside) or a raster image, and its resolution;
//   - every text of the chart: its rendered font size in CSS px (font size x the SVG's scale on
//     the page), its colour and the colour of what lies under it (the topmost filled shape under
//     the middle of the text, else the page behind the image);
//   - every mark (class "mark": a bar, a swatch, a box's outline, an arrow): its colour and the
//     colour under it;
//   - the caption's and its links' colour, and the background under them.
// The drawing shown is an <img>, whose SVG the page cannot reach into: the script puts a copy of
// the same SVG at the same rendered size into a shadow root (no page CSS applies there, as none
// does inside an <img>) and measures that. Colours are reported as rgb(); the Python test
// (tests/test_browser_charts.py) computes the contrast ratios and asserts.
// usage: node tools/a11y/chart-check.js [--widths=390,1280] PAGE.html ...   (prints one JSON object)
const { launch } = require('./lib');
const path = require('path');

const args = process.argv.slice(2);
const widths = (args.find((a) => a.startsWith('--widths=')) || '--widths=390,1280').slice(9).split(',').map(Number);
const files = args.filter((a) => !a.startsWith('--'));

function measure(mode) {
  const opaque = (colour) => colour && !/^rgba\(.*, 0\)$/.test(colour) && colour !== 'transparent';
  const backgroundOf = (element) => {
    for (let e = element; e; e = e.parentElement) {
      const colour = getComputedStyle(e).backgroundColor;
      if (opaque(colour)) return colour;
    }
    return getComputedStyle(document.documentElement).backgroundColor || 'rgb(255, 255, 255)';
  };
  const shown = (element) => getComputedStyle(element).display !== 'none' && element.getBoundingClientRect().width > 0;
  const figures = [];
  for (const figure of document.querySelectorAll('figure.di-figure')) {
    const caption = figure.querySelector('figcaption');
    const out = {
      caption: caption ? caption.textContent.trim().slice(0, 80) : '',
      drawings: [...figure.querySelectorAll('img.di-chart')].map((img) => img.className),
      shown: [...figure.querySelectorAll('img')].filter(shown).map((img) => img.className),
      captionColour: caption && getComputedStyle(caption).color,
      captionBackground: caption && backgroundOf(caption),
      links: caption ? [...caption.querySelectorAll('a')].map((a) => [getComputedStyle(a).color, backgroundOf(a)]) : [],
      texts: [], marks: [],
    };
    figures.push(out);
    const img = [...figure.querySelectorAll('img')].find(shown);
    if (!img) continue;
    const box = img.getBoundingClientRect();
    out.width = box.width;
    // what the page does to the image's colours (the theme dims images in dark mode)
    out.effects = [];
    for (let e = img; e; e = e.parentElement) {
      const style = getComputedStyle(e);
      if (style.filter !== 'none') out.effects.push(`${e.tagName.toLowerCase()} filter: ${style.filter}`);
      if (style.opacity !== '1') out.effects.push(`${e.tagName.toLowerCase()} opacity: ${style.opacity}`);
      if (style.mixBlendMode !== 'normal') out.effects.push(`${e.tagName.toLowerCase()} mix-blend-mode: ${style.mixBlendMode}`);
    }
    out.alt = img.getAttribute('alt') || '';
    out.pageBackground = backgroundOf(img);
    const src = img.currentSrc || img.src;
    if (!src.startsWith('data:image/svg+xml')) {
      out.kind = 'raster';
      out.pixelsPerPx = img.naturalWidth / box.width;
      continue;
    }
    const comma = src.indexOf(',');
    const text = src.slice(0, comma).endsWith(';base64') ? atob(src.slice(comma + 1)) : decodeURIComponent(src.slice(comma + 1));
    const parsed = new DOMParser().parseFromString(text, 'image/svg+xml').documentElement;
    out.kind = 'svg';
    out.rasterInside = parsed.querySelectorAll('image').length;
    const host = document.createElement('div');
    host.style.cssText = 'position:absolute;left:-20000px;top:0;';
    document.body.appendChild(host);
    const svg = document.importNode(parsed, true);
    svg.style.width = `${box.width}px`;
    svg.style.height = `${box.height}px`;
    host.attachShadow({ mode: 'open' }).appendChild(svg);
    out.copyWidth = svg.getBoundingClientRect().width;
    const shapes = [...svg.querySelectorAll('path, rect, circle, ellipse, polygon')];
    const under = (element, x, y) => {
      let colour = null;
      for (const shape of shapes) {
        if (shape === element || !(shape.compareDocumentPosition(element) & Node.DOCUMENT_POSITION_FOLLOWING)) continue;
        const fill = getComputedStyle(shape).fill;
        if (fill !== 'none' && shape.isPointInFill(new DOMPoint(x, y))) colour = fill;
      }
      return colour || out.pageBackground;
    };
    for (const t of svg.querySelectorAll('text')) {
      const ctm = t.getCTM();
      const bb = t.getBBox();
      out.texts.push({
        text: t.textContent,
        px: parseFloat(getComputedStyle(t).fontSize) * Math.hypot(ctm.c, ctm.d),
        heightPx: bb.height * Math.hypot(ctm.c, ctm.d),
        colour: getComputedStyle(t).fill,
        background: under(t, bb.x + bb.width / 2, bb.y + bb.height / 2),
      });
    }
    for (const m of svg.querySelectorAll('.mark')) {
      const bb = m.getBBox();
      const style = getComputedStyle(m);
      const background = under(m, bb.x + bb.width / 2, bb.y + bb.height / 2);
      const filled = style.fill !== 'none' && style.fill !== background;
      out.marks.push({ colour: filled ? style.fill : style.stroke, background, by: filled ? 'fill' : 'stroke' });
    }
    host.remove();
  }
  return { theme: document.documentElement.dataset.theme, figures };
}

(async () => {
  const browser = await launch();
  const results = [];
  for (const width of widths) {
    for (const mode of ['light', 'dark']) {
      // a high-density screen (2 device pixels per CSS px), as on most phones
      const context = await browser.newContext({ viewport: { width, height: 900 }, deviceScaleFactor: 2 });
      await context.addInitScript((m) => { localStorage.setItem('mode', m); localStorage.setItem('theme', m); }, mode);
      const page = await context.newPage();
      for (const file of files) {
        await page.goto('file://' + path.resolve(file), { waitUntil: 'load' });
        const result = await page.evaluate(measure, mode);
        results.push({ file, width, mode, ...result });
      }
      await context.close();
    }
  }
  await browser.close();
  console.log(JSON.stringify(results));
})().catch((error) => { console.error(error); process.exit(2); });
