// The checks run on every page of the built site, each on a page that site-check.js has loaded
// and made ready (lib.ready). Each takes the Playwright page (and what it needs) and returns what
// it saw; the Python tests judge (tests/test_browser.py). They run in this order on one load:
// focus (the page as it came), then every <details> opened, then controls, axe and charts, and
// contrast last (it makes the text transparent to photograph what lies under it).
const fs = require('fs');

// ---------------------------------------------------------------- keyboard focus
// WCAG 2.4.3, 2.4.7: Tab through the page; every element that receives focus must show it (an
// outline of at least 2 px, or a box shadow, background or border that differs from the
// unfocused state) and be on the screen. Stops when the focus comes back to an element already
// seen, or after 400 presses.
async function focus(page) {
  const seen = new Set();
  const stops = [];
  for (let i = 0; i < 400; i++) {
    await page.keyboard.press('Tab');
    const info = await page.evaluate(async () => {
      const el = document.activeElement;
      if (!el || el === document.body) return null;
      const hidden = () => { const b = el.getBoundingClientRect(); return (b.width === 0 || b.height === 0) && !el.checkVisibility(); };
      if (hidden()) return { vanished: true };  // see below
      const key = el.outerHTML.slice(0, 200) + '|' + el.getBoundingClientRect().top;
      const s = getComputedStyle(el);
      const focused = { outline: s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) >= 2 ? s.outlineWidth : '',
                        shadow: s.boxShadow, bg: s.backgroundColor, border: s.borderColor };
      el.blur();  // the same element unfocused, for comparison
      const u = getComputedStyle(el);
      const unfocused = { shadow: u.boxShadow, bg: u.backgroundColor, border: u.borderColor };
      el.focus({ focusVisible: true });
      const inView = (box) => box.width > 0 && box.height > 0 && box.bottom > 0 && box.top < innerHeight
        && box.right > 0 && box.left < innerWidth;
      let r = el.getBoundingClientRect();
      if (!inView(r)) {
        // the scroll that brings a focused element into view may wait for the next rendering
        // update: under load a just-focused link was now and then measured before it, off
        // screen. Measure again after two animation frames (only then: most stops are in view)
        await new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done)));
        r = el.getBoundingClientRect();
      }
      // Focused, then hidden by the page itself: the theme's scroll-spy opens and closes the
      // page-contents list of the section in view (an IntersectionObserver, one frame late). The
      // check presses Tab at once, so now and then a link of that list was focused just before a
      // late update, set off by the previous stop's scroll, closed its list. A reader pressing
      // Tab at a human pace meets the list already updated and never lands there; a hidden
      // element cannot take focus otherwise. Such a stop is left out, not judged.
      if (hidden()) return { vanished: true };
      const onScreen = inView(r);
      const visible = !!focused.outline || (focused.shadow !== 'none' && focused.shadow !== unfocused.shadow)
        || focused.bg !== unfocused.bg || focused.border !== unfocused.border;
      const name = (el.getAttribute('aria-label') || el.textContent || el.getAttribute('title') || '').trim().slice(0, 40);
      return { key, visible, onScreen, what: `${el.tagName.toLowerCase()} "${name}"`,
               rect: [r.left, r.top, r.right, r.bottom].map(Math.round), view: [innerWidth, innerHeight],
               connected: el.isConnected };
    });
    if (!info || info.vanished) continue;
    if (seen.has(info.key)) break;
    seen.add(info.key);
    stops.push({ what: info.what, visible: info.visible, onScreen: info.onScreen,
                 ...(info.onScreen ? {} : { rect: info.rect, view: info.view, connected: info.connected }) });
  }
  // leave the page as it was for the next checks: nothing focused, at the top
  await page.evaluate(() => { if (document.activeElement) document.activeElement.blur(); window.scrollTo(0, 0); });
  return { checked: stops.length, bad: stops.filter((s) => !s.visible || !s.onScreen) };
}

async function openDetails(page) {
  await page.evaluate(() => document.querySelectorAll('details').forEach((d) => { d.open = true; }));
  await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))));
}

// ---------------------------------------------------------------- names of controls
// Every rendered interactive control with the accessible name Chromium gives it, and every
// aria-label, aria-description, title, data-bs-title and placeholder on the page (hidden
// elements included: tooltips and labels of the theme's hidden copies).
const CONTROLS = 'a[href], button, input:not([type="hidden"]), select, textarea, summary, [tabindex]:not([tabindex^="-"])';

async function controls(page) {
  const html = await page.evaluate((selector) => {
    const out = [];
    document.querySelectorAll(selector).forEach((element) => {
      if (element.checkVisibility({ visibilityProperty: true })) {
        element.dataset.checkControl = String(out.length);
        out.push(element.outerHTML.replace(/ data-check-control="\d+"/, '').slice(0, 160));
      }
    });
    return out;
  }, CONTROLS);
  const cdp = await page.context().newCDPSession(page);
  const { root } = await cdp.send('DOM.getDocument', { depth: 0 });
  const { nodeIds } = await cdp.send('DOM.querySelectorAll', { nodeId: root.nodeId, selector: '[data-check-control]' });
  const found = [];
  for (const nodeId of nodeIds) {
    const { nodes } = await cdp.send('Accessibility.getPartialAXTree', { nodeId, fetchRelatives: false });
    const ax = nodes.find((n) => !n.ignored) || nodes[0];
    const { node } = await cdp.send('DOM.describeNode', { nodeId });
    const index = Number(node.attributes[node.attributes.indexOf('data-check-control') + 1]);
    found.push({ name: ax && ax.name ? String(ax.name.value).trim() : '', role: ax && ax.role ? ax.role.value : '',
                 html: html[index] });
  }
  await cdp.detach();
  await page.evaluate(() => document.querySelectorAll('[data-check-control]').forEach((e) => delete e.dataset.checkControl));
  const attributes = await page.evaluate(() => {
    const names = ['aria-label', 'aria-description', 'title', 'data-bs-title', 'placeholder'];
    const values = new Set();
    document.querySelectorAll(names.map((n) => `[${n}]`).join(', ')).forEach((element) => {
      names.forEach((n) => { if (element.hasAttribute(n)) values.add(element.getAttribute(n).trim()); });
    });
    return [...values];
  });
  return { marked: html.length, controls: found, attributes };
}

// ---------------------------------------------------------------- axe-core
let axeSource = null;

async function axe(page) {
  axeSource = axeSource || fs.readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
  await page.addScriptTag({ content: axeSource });
  const result = await page.evaluate(async () => {
    const run = await axe.run(document, { runOnly: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] });
    return { passes: run.passes.length,
             violations: run.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, count: v.nodes.length,
                                                       example: v.nodes[0].target.join(' ') })) };
  });
  return result;
}

// ---------------------------------------------------------------- charts
// Every <figure class="di-figure">: which of its drawings is shown (one per colour mode), whether
// it is vector, every text's rendered size in CSS px, its colour and the colour under it, every
// mark's colour and the colour under it, the caption's and its links' colours. The drawing shown
// is an <img>, whose SVG the page cannot reach into: a copy of the same SVG at the same rendered
// size goes into a shadow root (no page CSS applies there, as none does inside an <img>).
function measureCharts() {
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
      captionWeight: caption && Number(getComputedStyle(caption).fontWeight),
      captionBackground: caption && backgroundOf(caption),
      links: caption ? [...caption.querySelectorAll('a')].map((a) => [getComputedStyle(a).color, backgroundOf(a)]) : [],
      texts: [], marks: [],
    };
    figures.push(out);
    const img = [...figure.querySelectorAll('img')].find(shown);
    if (!img) continue;
    const box = img.getBoundingClientRect();
    out.width = box.width;
    out.effects = [];  // what the page does to the image's colours (the theme dims images in dark mode)
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
  return figures;
}

async function charts(page) {
  return page.evaluate(measureCharts);
}

// ---------------------------------------------------------------- reflow
// WCAG 1.4.10: at a narrow viewport no page may scroll sideways. Reports the page's scroll width
// and the widest elements that stick out of the viewport (those inside a scrollable region are
// allowed: a data table may scroll within its own labelled, focusable region).
async function reflow(page, width) {
  return page.evaluate((w) => {
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
      if (r.right > w + 1 && !inScroller(el)) wide.push(el);
    }
    const culprits = wide.filter((el) => !wide.some((other) => other !== el && el.contains(other)));
    const named = culprits.map((el) => `${el.tagName.toLowerCase()}${el.id ? '#' + el.id : ''}`
      + `${el.className && typeof el.className === 'string' ? '.' + el.className.trim().split(/\s+/).join('.') : ''}`
      + ` right=${Math.round(el.getBoundingClientRect().right)}`);
    // every table region that scrolls sideways has its cue ("schuif opzij", tables.js) shown
    // right before it; one that fits has none shown
    const cues = [...document.querySelectorAll('.di-table-wrap, .bd-article .pst-scrollable-table-container')]
      .filter((region) => region.getBoundingClientRect().width > 0)
      .map((region) => {
        const hint = region.previousElementSibling;
        const shown = Boolean(hint && hint.matches('p.di-scroll-hint') && !hint.hidden && hint.getBoundingClientRect().height > 0);
        return { region: region.getAttribute('aria-label') || region.className, scrolls: region.scrollWidth > region.clientWidth + 1, cueBefore: shown };
      });
    return { scrollWidth: doc.scrollWidth, clientWidth: doc.clientWidth, wide: named.slice(0, 8), cues };
  }, width);
}

// ---------------------------------------------------------------- contrast of text
// WCAG 1.4.3, measured on the rendered page rather than from the CSS alone, so that text on
// gradients, shadows, panels and images is measured too. Every visible text node gives its
// colour (computed colour, times the opacity of its ancestors) and the boxes of its text; then
// all text is made transparent and the page photographed: the background under each text box is
// the median pixel of the screenshot there, and the text colour is composited on it. The ratio
// must be at least 4.5:1, or 3:1 for large text (24 px, or 18.67 px bold). SVG text (charts) is
// left to the chart check. Leaves the page's text transparent: run it last.
function luminance([r, g, b]) {
  const f = (c) => { c /= 255; return c <= 0.03928 ? c / 12.92 : Math.pow((c + 0.055) / 1.055, 2.4); };
  return 0.2126 * f(r) + 0.7152 * f(g) + 0.0722 * f(b);
}
function ratio(a, b) {
  const [x, y] = [luminance(a), luminance(b)].sort((p, q) => q - p);
  return (x + 0.05) / (y + 0.05);
}

async function contrast(page) {
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
      const cls = el.className && typeof el.className === 'string' ? '.' + el.className.trim().split(/\s+/).slice(0, 2).join('.') : '';
      out.push({ text: text.slice(0, 50), where: el.tagName.toLowerCase() + cls,
                 fg: m.slice(0, 3), alpha, large: size >= 24 || (bold && size >= 18.66), rects: visible.slice(0, 4) });
    }
    return out;
  });
  await page.addStyleTag({ content: '* { color: transparent !important; -webkit-text-fill-color: transparent !important; text-shadow: none !important; text-decoration-color: transparent !important; }' });
  await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))));
  // the whole page at 1 device pixel per CSS px, PNG (lossless) with the encoder's fast setting
  const size = await page.evaluate(() => ({ width: document.documentElement.scrollWidth,
                                            height: document.documentElement.scrollHeight }));
  const cdp = await page.context().newCDPSession(page);
  const { data: shot } = await cdp.send('Page.captureScreenshot', {
    format: 'png', optimizeForSpeed: true, captureBeyondViewport: true, clip: { x: 0, y: 0, ...size, scale: 1 } });
  await cdp.detach();
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
      const pixels = [];
      for (const r of item.rects) {
        const data = ctx.getImageData(Math.round(r.x * scale), Math.round(r.y * scale),
          Math.max(1, Math.round(r.w * scale)), Math.max(1, Math.round(r.h * scale))).data;
        for (let i = 0; i < data.length; i += 4 * 3) pixels.push([data[i], data[i + 1], data[i + 2]]);
      }
      pixels.sort((a, b) => (a[0] + a[1] + a[2]) - (b[0] + b[1] + b[2]));
      return pixels[Math.floor(pixels.length / 2)];
    });
  }, { shot, items });
  const bad = [];
  let measured = 0;
  items.forEach((item, i) => {
    const bg = backgrounds[i];
    if (!bg) return;
    const fg = item.fg.map((c, k) => Math.round(item.alpha * c + (1 - item.alpha) * bg[k]));
    const r = ratio(fg, bg);
    const need = item.large ? 3 : 4.5;
    measured += 1;
    if (r < need - 0.005) bad.push({ ratio: Number(r.toFixed(2)), need, text: item.text, where: item.where, fg: `rgb(${fg})`, bg: `rgb(${bg})` });
  });
  return { measured, bad };
}

module.exports = { focus, openDetails, controls, axe, charts, reflow, contrast };
