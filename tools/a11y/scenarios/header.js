// The article header's chapter-list toggle (hamburger) and the "Terug naar boven" button, as a
// reader meets them on a phone. Returns
//  toggle: per window width, when the toggle is reached with Tab: focusVisible, outline and
//    boxShadow (computed), the tooltip's text, the header controls it covers, and whether Escape
//    hides it; then the same tooltip shown by the mouse pointer, and whether Escape hides it.
//  backToTop: per colour mode, the button's computed text and background colours (and the
//    page background behind it), at rest and hovered, once scrolling up has shown it.
// A scenario of site-check.js: run(browser, server, { page }).
const { watch, until, ready, STILL } = require('../lib');

function markToggle() {
  const button = [...document.querySelectorAll('button.primary-toggle')]
    .find((b) => b.checkVisibility() && b.getBoundingClientRect().width > 0);
  if (button) button.dataset.checkToggle = 'primary';
  return Boolean(button);
}

// The shown tooltip's text and the visible header controls (other than its own button) it covers.
function tooltipState() {
  const tip = document.querySelector('.di-tooltip.show');
  if (!tip) return null;
  const t = tip.getBoundingClientRect();
  const covered = [...document.querySelectorAll('.bd-header-article button, .bd-header-article a[href]')]
    .filter((c) => c.dataset.checkToggle === undefined && c.checkVisibility() && c.getBoundingClientRect().width > 0)
    .filter((c) => {
      const r = c.getBoundingClientRect();
      return r.left < t.right && t.left < r.right && r.top < t.bottom && t.top < r.bottom;
    })
    .map((c) => c.getAttribute('aria-label') || c.getAttribute('title') || c.className);
  return { text: tip.textContent.trim(), covered };
}

const noTooltip = () => !document.querySelector('.di-tooltip.show');

async function run(browser, server, { page: pagePath }) {
  const out = { toggle: {}, backToTop: {} };

  for (const width of [390, 320]) {
    const page = await browser.newPage({ viewport: { width, height: 800 } });
    const problems = watch(page, server.url);
    await page.goto(server.url + pagePath);
    await ready(page);
    const result = { problems };
    out.toggle[width] = result;
    if (!await page.evaluate(markToggle)) { await page.close(); continue; }
    const selector = 'button[data-check-toggle="primary"]';
    for (let i = 0; i < 40 && !result.reached; i++) {
      await page.keyboard.press('Tab');
      result.reached = await page.evaluate((s) => document.activeElement === document.querySelector(s), selector);
    }
    if (result.reached) {
      Object.assign(result, await page.evaluate((s) => {
        const button = document.querySelector(s);
        const style = getComputedStyle(button);
        return { focusVisible: button.matches(':focus-visible'), outlineStyle: style.outlineStyle,
          outlineWidth: style.outlineWidth, outlineColor: style.outlineColor, boxShadow: style.boxShadow };
      }, selector));
      result.focusTooltip = await until(page, tooltipState).catch(() => null);
      await page.keyboard.press('Escape');
      result.focusTooltipEscape = await until(page, noTooltip).then(() => true, () => false);
    }
    // the pointer on the toggle: its tooltip, then Escape
    await page.evaluate(() => document.activeElement && document.activeElement.blur());
    await page.mouse.move(width / 2, 600);
    await page.hover(selector);
    result.hoverTooltip = await until(page, tooltipState).catch(() => null);
    await page.keyboard.press('Escape');
    result.hoverTooltipEscape = await until(page, noTooltip).then(() => true, () => false);
    await page.close();
  }

  // the search controls a reader sees (one: the sidebar's field when wide, the magnifier when
  // narrow), and the colour-mode button pressed twice with the keyboard: where the focus is after
  // each press, the mode, and the button's name
  out.search = {};
  out.colourMode = {};
  for (const width of [390, 1280]) {
    const page = await browser.newPage({ viewport: { width, height: 800 } });
    await page.goto(server.url + pagePath);
    await ready(page);
    out.search[width] = await page.evaluate(() => [...document.querySelectorAll('.search-button__button, input[type="search"]')]
      .filter((c) => c.checkVisibility() && c.getBoundingClientRect().width > 0)
      .map((c) => c.getAttribute('aria-label') || c.className));
    const presses = [];
    await page.focus('.theme-switch-button');
    for (const key of ['Enter', ' ']) {
      await page.keyboard.press(key);
      presses.push(await until(page, () => {
        const button = document.querySelector('.theme-switch-button');
        if (document.activeElement !== button) return null;  // (the focus comes back after the click)
        return { mode: document.documentElement.dataset.mode, name: button.getAttribute('aria-label'),
                 status: (document.querySelector('[role="status"].visually-hidden') || {}).textContent || '' };
      }).catch(() => ({ lost: true })));
    }
    out.colourMode[width] = presses;
    await page.close();
  }

  for (const mode of ['light', 'dark']) {
    const page = await browser.newPage({ viewport: { width: 390, height: 800 } });
    await page.addInitScript((m) => { localStorage.setItem('mode', m); localStorage.setItem('theme', m); }, mode);
    await page.goto(server.url + pagePath);
    await ready(page);
    // colours as they end up, not halfway through the theme's colour transitions
    await page.addStyleTag({ content: STILL });
    // scroll down, then up a little: the theme shows the button while scrolling up
    await page.mouse.move(200, 400);
    await page.mouse.wheel(0, 4000);
    await until(page, () => window.scrollY > 1500);
    await page.mouse.wheel(0, -400);
    const shown = await until(page, () => getComputedStyle(document.getElementById('pst-back-to-top')).display !== 'none')
      .then(() => true, () => false);
    const colours = () => {
      const button = document.getElementById('pst-back-to-top');
      const style = getComputedStyle(button);
      return { theme: document.documentElement.dataset.theme, text: button.textContent.trim(), color: style.color,
        background: style.backgroundColor, page: getComputedStyle(document.body).backgroundColor,
        fontSize: style.fontSize, fontWeight: style.fontWeight };
    };
    const result = { shown };
    if (shown) {
      result.rest = await page.evaluate(colours);
      await page.hover('#pst-back-to-top');
      result.hover = await page.evaluate(colours);
    }
    out.backToTop[mode] = result;
    await page.close();
  }

  return out;
}

module.exports = { run };
