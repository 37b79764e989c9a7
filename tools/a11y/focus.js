// Keyboard focus (WCAG 2.4.3, 2.4.7): tab through each page and check that every element that
// receives focus shows it (an outline of at least 2 px, or a box shadow, or a change of
// background or border against the unfocused state), and that it is visible on the screen.
// usage: node tools/a11y/focus.js WIDTH PAGE.html ...   (exit 1 on an invisible focus)
const { launch } = require('./lib');
const path = require('path');

(async () => {
  const width = Number(process.argv[2]);
  const browser = await launch();
  let problems = 0, checked = 0;
  for (const scheme of ['light', 'dark']) {
    const page = await browser.newPage({ viewport: { width, height: 900 }, colorScheme: scheme });
    for (const file of process.argv.slice(3)) {
      await page.goto('file://' + path.resolve(file), { waitUntil: 'load' });
      await page.addStyleTag({ content: '*, *::before, *::after { animation: none !important; transition: none !important; }' });
      const seen = new Set();
      for (let i = 0; i < 400; i++) {
        await page.keyboard.press('Tab');
        const info = await page.evaluate(() => {
          const el = document.activeElement;
          if (!el || el === document.body) return null;
          const key = el.outerHTML.slice(0, 200) + '|' + el.getBoundingClientRect().top;
          const s = getComputedStyle(el);
          const focused = { outline: s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) >= 2 ? s.outlineWidth : '',
                            shadow: s.boxShadow, bg: s.backgroundColor, border: s.borderColor, deco: s.textDecorationLine };
          // the same element unfocused, for comparison
          const clone = { shadow: '', bg: '', border: '' };
          el.blur();
          const u = getComputedStyle(el);
          clone.shadow = u.boxShadow; clone.bg = u.backgroundColor; clone.border = u.borderColor; clone.deco = u.textDecorationLine;
          el.focus({ focusVisible: true });
          const r = el.getBoundingClientRect();
          const onScreen = r.width > 0 && r.height > 0 && r.bottom > 0 && r.top < innerHeight && r.right > 0 && r.left < innerWidth;
          const visible = !!focused.outline || (focused.shadow !== 'none' && focused.shadow !== clone.shadow)
            || focused.bg !== clone.bg || focused.border !== clone.border;
          const name = (el.getAttribute('aria-label') || el.textContent || el.getAttribute('title') || '').trim().slice(0, 40);
          return { key, visible, onScreen, what: `${el.tagName.toLowerCase()} "${name}"` };
        });
        if (!info || seen.has(info.key)) { if (info) break; else continue; }
        seen.add(info.key);
        checked += 1;
        if (!info.visible || !info.onScreen) {
          problems += 1;
          if (problems <= 20) console.log(`  ${path.basename(file)} [${scheme}]: ${info.what}: ${info.visible ? '' : 'no visible focus'} ${info.onScreen ? '' : 'not on screen'}`);
        }
      }
    }
    await page.close();
  }
  console.log(`focus stops checked: ${checked}; without a visible focus on screen: ${problems}`);
  await browser.close();
  process.exit(problems ? 1 : 0);
})();
