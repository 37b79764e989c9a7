// "Verken de cijfers" in Chromium (tests/test_verken.py). For each question given: choose it,
// then walk the breakdown list by keyboard (ArrowDown on the focused list), and read after each
// step what the page shows: the address, the status line, how many views are visible, the shown
// table's rows and how many bars were drawn. Without JavaScript: is the form hidden, how many
// views are listed. Anything logged as an error, a failed request or a request to another host
// is a problem.
//
// usage: node verken-check.js SITE '["uitkomst_burgers", ...]'
const { launch, serve, watch, ready, STILL, args } = require('./lib');

(async () => {
  const { site, rest } = args();
  const questions = JSON.parse(rest[0]);
  const server = await serve(site);
  const browser = await launch();
  const result = { problems: [], views: [], nojs: null };
  try {
    const page = await browser.newPage({ viewport: { width: 390, height: 900 } });
    result.problems = watch(page, server.url);
    await page.goto(server.url + 'book/verken.html');
    await ready(page);
    await page.addStyleTag({ content: STILL });
    for (const item of questions) {
      await page.selectOption('#di-verken-vraag', item);
      await page.focus('#di-verken-opsplitsing');
      // to the first breakdown, then down the list, one key at a time
      for (let k = 0; k < 4; k++) await page.keyboard.press('ArrowUp');
      for (let step = 0; step < 4; step++) {
        if (step) await page.keyboard.press('ArrowDown');
        const shown = await page.evaluate(() => {
          const visible = [...document.querySelectorAll('.di-verken-view')].filter((v) => v.getClientRects().length);
          const view = visible[0];
          return {
            item: document.getElementById('di-verken-vraag').value,
            breakdown: document.getElementById('di-verken-opsplitsing').value,
            hash: location.hash,
            status: document.getElementById('di-verken-status').textContent,
            visible: visible.length,
            focused: document.activeElement && document.activeElement.id,
            rows: view ? [...view.querySelectorAll('tbody tr')].map((tr) => [...tr.children].map((c) => c.textContent.trim())) : [],
            bars: view ? view.querySelectorAll('.di-verken-bar').length : 0,
          };
        });
        if (shown.item !== item) result.problems.push(`question changed to ${shown.item} while choosing a breakdown`);
        if (shown.focused !== 'di-verken-opsplitsing') result.problems.push(`focus left the list: ${shown.focused}`);
        result.views.push(shown);
      }
    }
    const plain = await browser.newContext({ viewport: { width: 390, height: 900 }, javaScriptEnabled: false });
    const bare = await plain.newPage();
    await bare.goto(server.url + 'book/verken.html');
    result.nojs = await bare.evaluate(() => ({
      form: document.getElementById('di-verken-form').getClientRects().length > 0,
      views: [...document.querySelectorAll('.di-verken-view')].filter((v) => v.getClientRects().length).length,
    }));
    await plain.close();
  } finally {
    await browser.close();
    await server.close();
  }
  process.stdout.write(JSON.stringify(result));
})().catch((error) => { console.error(error); process.exit(1); });
