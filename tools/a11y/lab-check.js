// The chapters as a researcher sees them in JupyterLab (`make lab`: jupyterlab-myst), in Debian's
// Chromium. For every chapter: no raw MyST left in what Lab shows (a placeholder of glue, a role,
// a directive fence, a template), every chart drawn once, every CSV link answered by Lab with the
// file, every exercise's solution folded away, nothing marked changed by opening it. For the chapter given as `live`: Run All in a real
// kernel, then "Verken zelf" must answer a change of its breakdown list with another table.
//
// usage: node lab-check.js CONFIG.json   (written by tests/test_lab.py)
// CONFIG: { url, token, notebooks: [{ path, cells, solutions: [first words, ...] }], live }
// Prints one JSON object: { "<path>": { problems: [...], ... }, ... }
const fs = require('fs');
const { launch, until } = require('./lib');

// raw MyST, and what jupyterlab-myst shows of a role it does not know: its bare content, such as
// the name of a glued number or claim (every name the chapters use starts with h1-h6)
const RAW = [/\{glue/, /\{term\}/, /\{download\}/, /\{ref\}/, /```\{/, /\{\{/, /:myst\b/, /\bh[1-6][-_][a-z0-9_-]+(\.kort)?\b/];

// What Lab shows of the notebook: rendered Markdown cells and every output, not the editors of
// code cells (their source is code, shown as code).
function shown() {
  return [...document.querySelectorAll('.jp-Notebook .jp-Cell')].map((cell) => {
    if (cell.classList.contains('jp-MarkdownCell')) return cell.innerText;
    const out = cell.querySelector('.jp-Cell-outputWrapper');
    return out ? out.innerText : '';
  }).join('\n');
}

// The notebook is rendered when it has all its cells and every Markdown cell and every output
// shows something (jupyterlab-myst renders cells and Markdown outputs asynchronously, loading its
// parser on first use: a cell marked rendered may still be empty), every image is decoded, and
// two polls 250 ms apart see the same text.
async function rendered(page, cells) {
  let last = null;
  await until(page, (n) => {
    const all = document.querySelectorAll('.jp-Notebook .jp-Cell');
    if (all.length !== n) return false;
    const markdown = [...document.querySelectorAll('.jp-Notebook .jp-MarkdownCell')];
    if (markdown.some((c) => !c.classList.contains('jp-mod-rendered') || !c.innerText.trim())) return false;
    const outputs = [...document.querySelectorAll('.jp-Notebook .jp-OutputArea-output')];
    if (outputs.some((o) => !o.innerText.trim() && !o.querySelector('img'))) return false;
    return [...document.querySelectorAll('.jp-Notebook img')].every((i) => i.complete);
  }, cells, 90000);
  for (;;) {
    const text = await page.evaluate(shown);
    if (text === last) return text;
    last = text;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

async function check(browser, config, notebook) {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  const problems = [];
  page.on('pageerror', (error) => problems.push(`uncaught: ${error.message}`));
  await page.goto(`${config.url}lab/tree/${notebook.path}?token=${config.token}&reset`);
  const text = await rendered(page, notebook.cells);
  for (const pattern of RAW) {
    const found = text.match(pattern);
    if (found) {
      const at = text.indexOf(found[0]);
      problems.push(`raw MyST ${pattern}: …${text.slice(Math.max(0, at - 60), at + 60)}…`);
    }
  }
  const charts = await page.evaluate(() => [...document.querySelectorAll('.jp-OutputArea figure')].map((figure) => {
    const drawn = [...figure.querySelectorAll('img')].filter((img) => img.getClientRects().length > 0 && img.naturalWidth > 0);
    return { caption: (figure.querySelector('figcaption') || figure).innerText.slice(0, 80), drawn: drawn.length };
  }));
  for (const chart of charts) {
    if (chart.drawn !== 1) problems.push(`chart drawn ${chart.drawn} times: ${chart.caption}`);
  }
  const links = await page.evaluate(() => [...new Set([...document.querySelectorAll('.jp-OutputArea a[href]')]
    .map((a) => a.href).filter((href) => /\.(csv|txt)(\?|$)/.test(href)))]);
  for (const href of links) {
    const response = await page.request.get(href);
    if (response.status() !== 200) problems.push(`link answered ${response.status()}: ${href}`);
  }
  // opening a chapter changes nothing in it: once its kernel has started (JupyterLab then writes
  // the kernel's name into the notebook), the document is still unchanged
  await until(page, () => {
    const kernel = window.jupyterapp.shell.currentWidget?.sessionContext?.session?.kernel;
    return kernel && kernel.status === 'idle';
  }, null, 60000);
  if (await page.evaluate(() => window.jupyterapp.shell.currentWidget.context.model.dirty)) {
    problems.push('the notebook is marked changed once its kernel has started');
  }
  for (const words of notebook.solutions) {
    if (text.includes(words)) problems.push(`solution shown unfolded: ${words}`);
  }
  const result = { problems, charts: charts.length, links: links.length };
  if (config.live === notebook.path) result.live = await explore(page, problems);
  await page.close();
  return result;
}

// Run All in the kernel, then choose another breakdown in "Verken zelf": its table must change.
async function explore(page, problems) {
  await page.evaluate(() => window.jupyterapp.commands.execute('notebook:run-all-cells'));
  const select = '.jp-OutputArea .widget-dropdown select';
  await page.waitForSelector(select, { timeout: 180000 });
  const area = (s) => {
    const box = document.querySelector(s).closest('.jp-OutputArea');
    return [...box.querySelectorAll('table')].map((t) => t.innerText).join('\n');
  };
  await until(page, (s) => document.querySelector(s).closest('.jp-OutputArea').querySelector('table'), select, 60000);
  const before = await page.evaluate(area, select);
  const dropdowns = await page.$$(select);
  const breakdown = dropdowns[dropdowns.length - 1];
  const options = await breakdown.evaluate((s) => [...s.options].map((o) => o.value));
  const current = await breakdown.evaluate((s) => s.value);
  const other = options.find((o) => o !== current);
  await breakdown.selectOption(other);
  let after = before;
  try {
    after = await until(page, ([s, old]) => {
      const box = document.querySelector(s).closest('.jp-OutputArea');
      const now = [...box.querySelectorAll('table')].map((t) => t.innerText).join('\n');
      return now && now !== old ? now : false;
    }, [select, before], 60000);
  } catch (error) {
    problems.push(`Verken zelf: choosing the breakdown "${other}" did not change the table`);
  }
  return { options, chosen: other, before: before.slice(0, 200), after: after.slice(0, 200) };
}

(async () => {
  const config = JSON.parse(fs.readFileSync(process.argv[2], 'utf8'));
  const browser = await launch();
  const results = {};
  try {
    for (const notebook of config.notebooks) results[notebook.path] = await check(browser, config, notebook);
  } finally {
    await browser.close();
  }
  process.stdout.write(JSON.stringify(results));
})().catch((error) => { console.error(error); process.exit(1); });
