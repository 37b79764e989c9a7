// Every browser check of the built site in one Chromium: the site is served over HTTP on the
// loopback interface (as a reader's browser gets it: a missing file is a 404), and each page is
// loaded once per window width and colour mode, made ready (lib.ready: judged by what the page
// shows, never by elapsed time) and checked there by every check that applies (checks.js):
//
//   width x mode        checks on that one load
//   1280, 390 x light   problems, focus, controls, charts, contrast; axe at 1280
//   1280, 390 x dark    problems, focus, charts, contrast
//   320 x light, dark   problems, reflow
//
// "problems" are console errors, uncaught exceptions, failed or 4xx/5xx requests and requests to
// another host. Then the scenarios that change a
// page's state run (scenarios/: sidebars, header buttons, search, overview tables). Prints one
// JSON object; tests/test_browser.py judges it (the report comes from tests/site_tools.browser_report).
//
// usage: node tools/a11y/site-check.js SITE_DIR CONFIG.json
// CONFIG: {"pages": ["book/intro.html", "search.html?q=woord", ...],
//          "scenarios": {"nav": {"page": ...}, "header": {...}, "search": {...}, "overviews": {...}}}
// Set SITE_CHECK_ONLY=focus,contrast (say) to run only those checks while working on one.
const fs = require('fs');
const checks = require('./checks');
const { launch, serve, watch, ready, STILL, args } = require('./lib');

const PASSES = [
  { width: 1280, mode: 'light', checks: ['focus', 'controls', 'axe', 'charts', 'contrast'] },
  { width: 390, mode: 'light', checks: ['focus', 'controls', 'charts', 'contrast'] },
  { width: 1280, mode: 'dark', checks: ['focus', 'charts', 'contrast'] },
  { width: 390, mode: 'dark', checks: ['focus', 'charts', 'contrast'] },
  { width: 320, mode: 'light', checks: ['reflow'] },
  { width: 320, mode: 'dark', checks: ['reflow'] },
];
const TABS = Number(process.env.SITE_CHECK_TABS || 3);
const ONLY = process.env.SITE_CHECK_ONLY ? process.env.SITE_CHECK_ONLY.split(',') : null;

async function checkPage(context, server, pagePath, pass) {
  const page = await context.newPage();
  const problems = watch(page, server.url);
  const out = { problems };
  const seconds = {};
  const timed = async (name, work) => {
    const start = Date.now();
    out[name] = await work();
    seconds[name] = (Date.now() - start) / 1000;
  };
  await timed('load', async () => {
    await page.goto(server.url + pagePath, { waitUntil: 'load' });
    await ready(page);
    await page.addStyleTag({ content: STILL });
    return true;
  });
  out.theme = await page.evaluate(() => document.documentElement.dataset.theme);
  const wanted = pass.checks.filter((c) => !ONLY || ONLY.includes(c));
  if (wanted.includes('focus')) await timed('focus', () => checks.focus(page));
  await checks.openDetails(page);
  if (wanted.includes('controls')) await timed('controls', () => checks.controls(page));
  if (wanted.includes('axe')) await timed('axe', () => checks.axe(page));
  if (wanted.includes('charts')) await timed('charts', () => checks.charts(page));
  if (wanted.includes('reflow')) await timed('reflow', () => checks.reflow(page, pass.width));
  if (wanted.includes('contrast')) await timed('contrast', () => checks.contrast(page));
  out.seconds = seconds;
  await page.close();
  return out;
}

(async () => {
  const { site, rest: [configFile] } = args();
  const config = JSON.parse(fs.readFileSync(configFile, 'utf8'));
  const server = await serve(site);
  const browser = await launch(['--force-color-profile=srgb']);
  const report = { pages: {}, scenarios: {}, seconds: {} };
  for (const pass of PASSES) {
    if (ONLY && !pass.checks.some((c) => ONLY.includes(c))) continue;
    const context = await browser.newContext({ viewport: { width: pass.width, height: 900 }, colorScheme: pass.mode });
    // a few pages at a time, each in its own tab: the checks spend most of their time waiting for
    // the browser's answers, not computing; every result lands in its fixed place of the report
    const queue = [...config.pages];
    const worker = async () => {
      for (let pagePath = queue.shift(); pagePath !== undefined; pagePath = queue.shift()) {
        const result = await checkPage(context, server, pagePath, pass);
        ((report.pages[pagePath] = report.pages[pagePath] || {})[pass.width] = report.pages[pagePath][pass.width] || {})[pass.mode] = result;
      }
    };
    await Promise.all(Array.from({ length: TABS }, worker));
    await context.close();
  }
  for (const [name, options] of Object.entries(config.scenarios || {})) {
    if (ONLY && !ONLY.includes(name)) continue;
    const start = Date.now();
    report.scenarios[name] = await require(`./scenarios/${name}`).run(browser, server, options);
    report.seconds[name] = (Date.now() - start) / 1000;
  }
  process.stdout.write(JSON.stringify(report));
  await browser.close();
  await server.close();
})().catch((error) => { console.error(error); process.exit(2); });
