// Shared by the browser checks of the built site: Debian's Chromium, and the site served over HTTP
// on the loopback interface (as a reader's browser gets it: a missing file is a 404, not silence).
const { chromium } = require('playwright-core');
const fs = require('fs');
const http = require('http');
const path = require('path');

const ARGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync'];

// Debian's Chromium (or $CHROMIUM), with the flags a closed network needs; `extra`: more flags.
function launch(extra = []) {
  return chromium.launch({ executablePath: process.env.CHROMIUM || '/usr/bin/chromium', args: [...ARGS, ...extra] });
}

const TYPES = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.mjs': 'text/javascript',
  '.css': 'text/css', '.svg': 'image/svg+xml', '.png': 'image/png', '.ico': 'image/x-icon',
  '.json': 'application/json', '.csv': 'text/csv; charset=utf-8', '.txt': 'text/plain; charset=utf-8',
  '.woff2': 'font/woff2', '.woff': 'font/woff', '.ttf': 'font/ttf', '.inv': 'application/octet-stream',
  '.ipynb': 'application/json',
};

// Serve the folder `root` on 127.0.0.1 (a free port); resolves to { url, close }.
function serve(root) {
  const server = http.createServer((request, response) => {
    let file = path.join(root, decodeURIComponent(new URL(request.url, 'http://x').pathname));
    if (!file.startsWith(path.resolve(root))) file = '';
    if (file && fs.existsSync(file) && fs.statSync(file).isDirectory()) file = path.join(file, 'index.html');
    if (!file || !fs.existsSync(file)) {
      response.writeHead(404, { 'Content-Type': 'text/plain' });
      response.end('not found');
      return;
    }
    response.writeHead(200, { 'Content-Type': TYPES[path.extname(file)] || 'application/octet-stream', 'Cache-Control': 'max-age=3600' });
    fs.createReadStream(file).pipe(response);
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve({
    url: `http://127.0.0.1:${server.address().port}/`,
    close: () => new Promise((done) => server.close(done)),
  })));
}

// Record what goes wrong while a page is open: console errors, uncaught exceptions, requests
// that fail or answer 4xx/5xx, and any request to another host than `origin`.
function watch(page, origin) {
  const problems = [];
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(`console error: ${message.text()}`);
  });
  page.on('pageerror', (error) => problems.push(`uncaught: ${error.message}`));
  page.on('requestfailed', (request) => problems.push(`request failed: ${request.url()} (${request.failure().errorText})`));
  page.on('response', (response) => {
    if (response.status() >= 400) problems.push(`HTTP ${response.status()}: ${response.url()}`);
  });
  page.on('request', (request) => {
    if (!request.url().startsWith(origin) && !/^(data|blob):/.test(request.url())) {
      problems.push(`request to another host: ${request.url()}`);
    }
  });
  return problems;
}

// Wait until `predicate` (run in the page, with `arg`) returns something truthy; returns it. Polls
// from Node, so that it works whatever the page's scripts do; gives up after `limit` ms.
async function until(page, predicate, arg, limit = 20000) {
  const end = Date.now() + limit;
  for (;;) {
    const value = await page.evaluate(predicate, arg);
    if (value) return value;
    if (Date.now() > end) throw new Error(`gave up waiting for: ${predicate.toString().slice(0, 200)}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

// Wait until a page has finished what it does on its own after loading, judged by what it shows,
// never by elapsed time: the load event; web fonts (the icon font included); the overview tables are enhanced (when their bundle is there); a search page has shown
// all its results. Then two animation frames, so that layout and paint have caught up.
async function ready(page, limit = 60000) {
  await page.waitForLoadState('load');
  const waiting = () => {  // what the page is still doing, or '' when it is done
    if (document.readyState !== 'complete') return `document ${document.readyState}`;
    if (document.fonts.status !== 'loaded') return `fonts ${document.fonts.status}`;
    if (typeof window.DataTable === 'function' && document.querySelector('table.overzicht-tabel:not([data-overzicht])')) return 'overview table not enhanced';
    // a search is done when Sphinx has finished it (_finishSearch, after the last result): it then
    // rewrites the heading's text, which takes the pulsing dots out of the page. Not
    // Search._pulse_status: in Sphinx 7.4 a pulse timer still pending when the search stops sets it
    // back to 0 and keeps it cycling, so it reads -1 only for the moment between the end of the
    // search and that timer (the browser pass waited 60 s in vain when it polled later). Not the
    // summary line either: a catalogue may translate it to nothing.
    if (/search\.html$/.test(location.pathname) && new URLSearchParams(location.search).get('q')
        && !(typeof Search !== 'undefined' && Search.dots && !Search.dots.isConnected
             && document.querySelector('#search-results h2'))) {
      return 'search results not all shown';
    }
    return '';
  };
  const end = Date.now() + limit;
  for (let state = await page.evaluate(waiting); state; state = await page.evaluate(waiting)) {
    if (Date.now() > end) throw new Error(`${page.url()} not ready after ${limit / 1000} s: ${state}`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))));
}

// No animation, transition or smooth scrolling: every check sees the page in its final state at
// once (the theme scrolls its sidebars smoothly; a link focused there was measured mid-scroll,
// off screen, now and then).
const STILL = '*, *::before, *::after { animation: none !important; transition: none !important; caret-color: transparent !important; scroll-behavior: auto !important; }';

// Arguments: the built site's folder, then the rest.
function args() {
  const [site, ...rest] = process.argv.slice(2);
  return { site: path.resolve(site), rest };
}

module.exports = { launch, serve, watch, until, ready, STILL, args };
