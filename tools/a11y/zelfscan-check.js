// "Zelfscan" in Chromium, by keyboard only (tests/test_zelfscan.py). For each government given
// ({ size: 0|1|2, subsidy: 0|1, answers: { item: option index }, hours }): Tab from the top of
// the form to each question's radio group and choose with Space (the first option) or ArrowDown
// (the next ones); type the hours; then read every comparison and summary shown, the suggestion
// links shown, the status line. Then: export the CSV (Enter on its button) and read it; print the
// page to PDF; keep the answers, reload, see them back; wipe everything. axe (WCAG 2.1 AA) runs
// on the filled scan and on the explorer at 320 and 1280 px in light and dark mode. A console
// error, a failed request or a request to another host is a problem.
//
// usage: node zelfscan-check.js SITE CONFIG.json OUT_FOLDER
const fs = require('fs');
const path = require('path');
const { launch, serve, watch, ready, STILL, args } = require('./lib');
const checks = require('./checks');

async function tabTo(page, predicate, arg, limit = 60) {
  for (let i = 0; i < limit; i++) {
    await page.keyboard.press('Tab');
    if (await page.evaluate(predicate, arg)) return true;
  }
  return false;
}

async function fill(page, government, problems) {
  // start where a keyboard user starts the scan: just before its first field
  await page.evaluate(() => {
    const form = document.getElementById('di-zelfscan');
    form.setAttribute('tabindex', '-1');
    form.focus();
  });
  const groups = [['grootte', government.size], ['subsidie', government.subsidy],
    ...Object.entries(government.answers)];
  for (const [name, index] of groups) {
    const reached = await tabTo(page, (n) => document.activeElement && document.activeElement.name === n, name);
    if (!reached) { problems.push(`Tab never reached the question ${name}`); continue; }
    await page.keyboard.press('Space');  // checks the focused radio: the group's first
    for (let k = 0; k < index; k++) await page.keyboard.press('ArrowDown');
  }
  if (government.hours !== undefined) {
    const reached = await tabTo(page, () => document.activeElement && document.activeElement.id === 'zs-uren');
    if (!reached) problems.push('Tab never reached the hours');
    await page.keyboard.type(String(government.hours));
  }
}

async function read(page) {
  return page.evaluate(() => {
    const shown = (e) => e.getClientRects().length > 0;
    const items = {};
    for (const item of document.querySelectorAll('fieldset.di-zs-item[data-peers], .di-zs-hours')) {
      const result = item.querySelector('.di-zs-result');
      const checked = item.querySelector('input:checked');
      items[item.getAttribute('data-item')] = {
        answer: checked ? checked.value : (item.querySelector('input[type=number]') || {}).value || '',
        result: shown(result) ? result.textContent : '',
        tips: [...item.querySelectorAll('.di-zs-tips a')].filter(shown).map((a) => a.getAttribute('href')),
      };
    }
    return {
      items,
      summaries: [...document.querySelectorAll('.di-zs-summary')].filter(shown).map((s) => s.textContent),
      status: document.getElementById('zs-status').textContent,
    };
  });
}

(async () => {
  const { site, rest } = args();
  const config = JSON.parse(fs.readFileSync(rest[0], 'utf8'));
  const out = rest[1];
  const server = await serve(site);
  const browser = await launch();
  const report = { problems: [], governments: [], axe: {} };
  try {
    for (const government of config.governments) {
      const context = await browser.newContext({ viewport: { width: 390, height: 900 }, acceptDownloads: true });
      const page = await context.newPage();
      const problems = watch(page, server.url);
      await page.goto(server.url + 'book/zelfscan.html');
      await ready(page);
      await page.addStyleTag({ content: STILL });
      await fill(page, government, problems);
      const shown = await read(page);
      // the CSV, by keyboard: focus its button, Enter
      await page.focus('#zs-csv');
      const [download] = await Promise.all([page.waitForEvent('download'), page.keyboard.press('Enter')]);
      const csvPath = path.join(out, `${government.name}.csv`);
      await download.saveAs(csvPath);
      shown.csv = fs.readFileSync(csvPath, 'utf8');
      shown.statusAfterCsv = await page.evaluate(() => document.getElementById('zs-status').textContent);
      // printed
      await page.emulateMedia({ media: 'print' });
      await page.pdf({ path: path.join(out, `${government.name}.pdf`), format: 'A4', printBackground: true });
      await page.emulateMedia({ media: 'screen' });
      // kept on request, back after a reload, gone after "Wis alles"
      await page.focus('#zs-bewaar');
      await page.keyboard.press('Space');
      await page.reload();
      await ready(page);
      shown.restored = await page.evaluate(() => ({
        kept: document.getElementById('zs-bewaar').checked,
        checked: document.querySelectorAll('#di-zelfscan input[type=radio]:checked').length,
        hours: document.getElementById('zs-uren').value,
        results: [...document.querySelectorAll('.di-zs-result')].filter((r) => r.getClientRects().length).length,
      }));
      await page.focus('#zs-wis');
      await page.keyboard.press('Enter');
      await page.waitForFunction(() => document.getElementById('zs-status').textContent === 'Alles is gewist.');
      shown.wiped = await page.evaluate(() => ({
        checked: document.querySelectorAll('#di-zelfscan input[type=radio]:checked').length,
        stored: localStorage.getItem('digitale-inclusie-zelfscan'),
        results: [...document.querySelectorAll('.di-zs-result')].filter((r) => r.getClientRects().length).length,
      }));
      report.problems.push(...problems.map((p) => `${government.name}: ${p}`));
      report.governments.push({ name: government.name, ...shown });
      await context.close();
    }
    for (const width of [320, 1280]) {
      for (const mode of ['light', 'dark']) {
        for (const pagePath of ['book/zelfscan.html', 'book/verken.html']) {
          const context = await browser.newContext({ viewport: { width, height: 900 }, colorScheme: mode });
          const page = await context.newPage();
          await page.goto(server.url + pagePath);
          await ready(page);
          if (pagePath.includes('zelfscan')) {  // with results and suggestions shown
            await page.check('#zs-grootte-0');
            await page.check('#zs-subsidie-0');
            await page.check('#zs-beleid_visie_noden-0');
            await page.check('#zs-materiaal_webinars-1');
          }
          report.axe[`${pagePath} ${width} ${mode}`] = (await checks.axe(page)).violations;
          await context.close();
        }
      }
    }
  } finally {
    await browser.close();
    await server.close();
  }
  process.stdout.write(JSON.stringify(report));
})().catch((error) => { console.error(error); process.exit(1); });
