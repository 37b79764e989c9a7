// The sidebars on a phone: at 390 x 800 px, each visible sidebar toggle (the chapter list, the page
// contents) is used by mouse click, and by Enter and by Space after reaching it with Tab. For each
// try it reports whether the sidebar opened, which of its links are visible, which links Tab
// reaches, and where activating one of them with Enter leads. Returns a list of tries:
// { toggle, method, reachedByTab, opened, links: [href], tabbed: [href], target, landed, closed }.
// A scenario of site-check.js: run(browser, server, { page }) with PAGE relative to the site,
// e.g. notebooks/03_acties.html.
const { watch, until, ready } = require('../lib');

const DIALOG = { primary: '#pst-primary-sidebar-modal', secondary: '#pst-secondary-sidebar-modal' };

// Mark the toggle a reader sees (the visible button of that kind); false when there is none.
function markVisibleToggle(kind) {
  const button = [...document.querySelectorAll(`button.${kind}-toggle`)]
    .find((b) => b.checkVisibility() && b.getBoundingClientRect().width > 0);
  if (button) button.dataset.checkToggle = kind;
  return Boolean(button);
}

async function tabTo(page, test, arg, presses) {
  for (let i = 0; i < presses; i++) {
    await page.keyboard.press('Tab');
    if (await page.evaluate(test, arg)) return true;
  }
  return false;
}

async function run(browser, server, { page: pagePath }) {
  const tries = [];
  for (const toggle of ['primary', 'secondary']) {
    for (const method of ['click', 'Enter', 'Space']) {
      const page = await browser.newPage({ viewport: { width: 390, height: 800 } });
      const problems = watch(page, server.url);
      await page.goto(server.url + pagePath);
      await ready(page);
      const result = { toggle, method, reachedByTab: null, opened: false, links: [], tabbed: [], problems };
      tries.push(result);
      if (!await page.evaluate(markVisibleToggle, toggle)) { await page.close(); continue; }
      const selector = `button[data-check-toggle="${toggle}"]`;
      if (method === 'click') {
        await page.click(selector);
      } else {
        result.reachedByTab = await tabTo(page, (s) => document.activeElement === document.querySelector(s), selector, 40);
        if (!result.reachedByTab) { await page.close(); continue; }
        await page.keyboard.press(method);
      }
      const dialog = DIALOG[toggle];
      try {
        await until(page, (d) => document.querySelector(d).open, dialog);
        result.opened = true;
      } catch (error) {
        await page.close();
        continue;
      }
      // links a reader can see: rendered, with a size, inside the window
      result.links = await page.evaluate((d) => [...document.querySelectorAll(`${d} a[href]`)].filter((a) => {
        const r = a.getBoundingClientRect();
        return a.checkVisibility({ visibilityProperty: true, opacityProperty: true }) && r.width > 0 && r.height > 0
          && r.left >= 0 && r.right <= window.innerWidth;
      }).map((a) => a.getAttribute('href')), dialog);
      // Tab through the open sidebar
      for (let i = 0; i < result.links.length + 5; i++) {
        await page.keyboard.press('Tab');
        const href = await page.evaluate((d) => {
          const a = document.activeElement;
          return a && a.closest(d) && a.matches('a[href]') ? a.getAttribute('href') : null;
        }, dialog);
        if (href !== null && !result.tabbed.includes(href)) result.tabbed.push(href);
      }
      // Activate a link with Enter: another page from the chapter list, a later section of this
      // page from the page contents.
      const candidates = result.links.filter((href) => (toggle === 'primary'
        ? !href.startsWith('#') && !pagePath.endsWith(href.split('#')[0]) : href.startsWith('#')));
      result.target = candidates[candidates.length - 1] || null;
      if (result.target) {
        const onTarget = (arg) => document.activeElement && document.activeElement.closest(arg.dialog)
          && document.activeElement.getAttribute('href') === arg.href;
        if (await tabTo(page, onTarget, { dialog, href: result.target }, result.links.length + 5)) {
          const before = page.url();
          await page.keyboard.press('Enter');
          if (toggle === 'primary') {
            await page.waitForURL((url) => url.href !== before);
          } else {
            await until(page, (hash) => location.hash === hash, result.target).catch(() => null);
          }
          result.landed = page.url().slice(server.url.length);
          result.closed = await page.evaluate((d) => !document.querySelector(d) || !document.querySelector(d).open, dialog);
        }
      }
      await page.close();
    }
  }
  return tries;
}

module.exports = { run };
