// Contrast of all visible text (WCAG 1.4.3), in light and dark mode, measured on the rendered
// page rather than from the CSS alone, so that text on gradients, shadows, panels and images
// (what axe-core leaves as "needs review") is measured too.
//
// For each page and colour scheme: every <details> is opened; each visible text node gives its
// colour (computed colour, times the opacity of its ancestors) and the boxes of its text. Then
// all text is made transparent and the page is photographed: the background under each text box
// is read from that screenshot (the median pixel), and the text colour is composited on it. The
// ratio must be at least 4.5:1, or 3:1 for large text (24 px, or 18.67 px bold).
// SVG text (charts) is left to the chart tests.
// usage: node tools/a11y/contrast.js WIDTH PAGE.html ...   (exit 1 when some text falls short)
const { launch } = require('./lib');
const path = require('path');

function luminance([r, g, b]) {
  const f = (c) => { c /= 255; return c <= 0.03928 ? c / 12.92 : Math.pow((c + 0.055) / 1.055, 2.4); };
  return 0.2126 * f(r) + 0.7152 * f(g) + 0.0722 * f(b);
}
function ratio(a, b) {
  const [x, y] = [luminance(a), luminance(b)].sort((p, q) => q - p);
  return (x + 0.05) / (y + 0.05);
}

(async () => {
  const width = Number(process.argv[2]);
  const files = process.argv.slice(3);
  const browser = await launch(['--force-color-profile=srgb']);
  let failures = 0;
  let measured = 0;
  for (const scheme of ['light', 'dark']) {
    const page = await browser.newPage({ viewport: { width, height: 900 }, colorScheme: scheme });
    for (const file of files) {
      await page.goto('file://' + path.resolve(file), { waitUntil: 'load' });
      await page.addStyleTag({ content: '*, *::before, *::after { animation: none !important; transition: none !important; caret-color: transparent !important; }' });
      const theme = await page.evaluate(() => {
        document.querySelectorAll('details').forEach((d) => { d.open = true; });
        return document.documentElement.dataset.theme;
      });
      if (theme !== scheme) throw new Error(`${file}: asked for ${scheme}, the page shows ${theme}`);
      await page.waitForTimeout(100);
      const items = await page.evaluate(() => {
        const out = [];
        const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
        const docH = document.documentElement.scrollHeight;
        for (let node = walker.nextNode(); node; node = walker.nextNode()) {
          const text = node.textContent.trim();
          const el = node.parentElement;
          if (!text || !el || el.closest('svg, script, style, noscript, [hidden], template')) continue;
          if (!el.checkVisibility({ opacityProperty: true, visibilityProperty: true })) continue;
          const style = getComputedStyle(el);
          const m = style.color.match(/[\d.]+/g).map(Number);
          let alpha = m.length > 3 ? m[3] : 1;
          for (let p = el; p; p = p.parentElement) alpha *= Number(getComputedStyle(p).opacity);
          if (alpha === 0) continue;
          const range = document.createRange();
          range.selectNodeContents(node);
          const rects = [...range.getClientRects()]
            .map((r) => ({ x: r.left + scrollX, y: r.top + scrollY, w: r.width, h: r.height }))
            .filter((r) => r.w >= 2 && r.h >= 2 && r.y >= 0 && r.y + r.h <= docH);
          if (!rects.length) continue;
          // clipped by an ancestor that hides overflow? keep the visible part only
          let clip = { x1: 0, y1: 0, x2: document.documentElement.scrollWidth, y2: docH };
          for (let p = el; p && p !== document.body; p = p.parentElement) {
            const s = getComputedStyle(p);
            if (s.overflowX !== 'visible' || s.overflowY !== 'visible') {
              const r = p.getBoundingClientRect();
              clip = { x1: Math.max(clip.x1, r.left + scrollX), y1: Math.max(clip.y1, r.top + scrollY),
                       x2: Math.min(clip.x2, r.right + scrollX), y2: Math.min(clip.y2, r.bottom + scrollY) };
            }
          }
          const visible = rects.map((r) => ({ x: Math.max(r.x, clip.x1), y: Math.max(r.y, clip.y1),
            w: Math.min(r.x + r.w, clip.x2) - Math.max(r.x, clip.x1), h: Math.min(r.y + r.h, clip.y2) - Math.max(r.y, clip.y1) }))
            .filter((r) => r.w >= 2 && r.h >= 2);
          if (!visible.length) continue;
          const size = parseFloat(style.fontSize);
          const bold = Number(style.fontWeight) >= 700;
          out.push({ text: text.slice(0, 50), where: el.tagName.toLowerCase() + (el.className && typeof el.className === 'string' ? '.' + el.className.trim().split(/\s+/).slice(0, 2).join('.') : ''),
                     fg: m.slice(0, 3), alpha, large: size >= 24 || (bold && size >= 18.66), rects: visible.slice(0, 4) });
        }
        return out;
      });
      await page.addStyleTag({ content: '* { color: transparent !important; -webkit-text-fill-color: transparent !important; text-shadow: none !important; text-decoration-color: transparent !important; }' });
      await page.waitForTimeout(50);
      const shot = (await page.screenshot({ fullPage: true, type: 'png' })).toString('base64');
      const backgrounds = await page.evaluate(async ({ shot, items }) => {
        const img = new Image();
        img.src = 'data:image/png;base64,' + shot;
        await img.decode();
        const canvas = document.createElement('canvas');
        canvas.width = img.width; canvas.height = img.height;
        const ctx = canvas.getContext('2d', { willReadFrequently: true });
        ctx.drawImage(img, 0, 0);
        const scale = img.width / document.documentElement.clientWidth;
        return items.map((item) => {
          const reds = [], pixels = [];
          for (const r of item.rects) {
            const data = ctx.getImageData(Math.round(r.x * scale), Math.round(r.y * scale),
              Math.max(1, Math.round(r.w * scale)), Math.max(1, Math.round(r.h * scale))).data;
            for (let i = 0; i < data.length; i += 4 * 3) pixels.push([data[i], data[i + 1], data[i + 2]]);
          }
          pixels.sort((a, b) => (a[0] + a[1] + a[2]) - (b[0] + b[1] + b[2]));
          return pixels[Math.floor(pixels.length / 2)];
        });
      }, { shot, items });
      let bad = 0;
      items.forEach((item, i) => {
        const bg = backgrounds[i];
        if (!bg) return;
        const fg = item.fg.map((c, k) => Math.round(item.alpha * c + (1 - item.alpha) * bg[k]));
        const r = ratio(fg, bg);
        const need = item.large ? 3 : 4.5;
        measured += 1;
        if (r < need - 0.005) {
          bad += 1;
          if (bad <= 8) console.log(`  ${path.basename(file)} [${scheme}] ${r.toFixed(2)}:1 < ${need}: "${item.text}" (${item.where}) rgb(${fg}) on rgb(${bg})`);
        }
      });
      if (bad > 8) console.log(`  ... ${bad - 8} more on ${path.basename(file)} [${scheme}]`);
      failures += bad;
    }
    await page.close();
  }
  console.log(`text nodes measured: ${measured}; below the minimum: ${failures}`);
  await browser.close();
  process.exit(failures ? 1 : 0);
})();
