// The toolbox and catalogue overviews (table.overzicht-tabel, made searchable by overviews.js) as a
// keyboard and screen-reader user meets them, measured in Debian's Chromium: accessible names
// as Chromium computes them (DevTools protocol), sorting with Enter and Space, a column filter,
// the colours of the fields in light and dark mode, the scripts the page loads and every request
// that leaves the site. Returns one report per page and mode; tests/test_browser.py judges them.
//
// A scenario of site-check.js: run(browser, server, { pages }) with
// pages: [{"page": "book/toolbox.html", "filter": {"column": "Aanbieder", "text": "Inter"},
//          "sort": [["Materiaal", "Enter", "Space"], ["Gebruikt door", "Space", "Enter"]]}]
const { ready, watch } = require('../lib');

const REGION = '.overzicht-filters, .overzicht-filters *, .dt-container, .dt-container *';

async function axNodes(client, selector) {
  const { root } = await client.send('DOM.getDocument', { depth: 0 });
  const { nodeIds } = await client.send('DOM.querySelectorAll', { nodeId: root.nodeId, selector });
  const out = [];
  for (const nodeId of nodeIds) {
    const { nodes } = await client.send('Accessibility.getPartialAXTree', { nodeId, fetchRelatives: false });
    const node = nodes[0];
    if (!node || node.ignored) continue;
    out.push({ role: node.role ? node.role.value : '', name: node.name ? node.name.value : '' });
  }
  return out;
}

async function headerNames(client) {
  return (await axNodes(client, 'table.overzicht-tabel thead th')).map((n) => n.name);
}

async function columnTexts(page, column) {
  return page.evaluate((column) => Array.from(document.querySelectorAll('table.overzicht-tabel tbody tr'),
    (tr) => tr.cells[column].textContent.trim()), column);
}

async function sortState(page, column) {
  return page.evaluate((column) => document.querySelectorAll('table.overzicht-tabel thead th')[column]
    .getAttribute('aria-sort'), column);
}

// colours of an element (and of its placeholder), with the background it is painted on
async function colours(page, selector) {
  return page.evaluate((selector) => {
    function background(element) {
      for (let node = element; node; node = node.parentElement) {
        const colour = getComputedStyle(node).backgroundColor;
        if (colour && colour !== 'transparent' && !/rgba\(.*,\s*0\)$/.test(colour)) return colour;
      }
      return getComputedStyle(document.documentElement).backgroundColor || 'rgb(255, 255, 255)';
    }
    return Array.from(document.querySelectorAll(selector), (element) => ({
      what: element.tagName.toLowerCase() + (element.id ? '#' + element.id : '') + ' ' + element.textContent.trim().slice(0, 30),
      colour: getComputedStyle(element).color,
      placeholder: element.placeholder ? getComputedStyle(element, '::placeholder').color : null,
      background: background(element),
    }));
  }, selector);
}

async function check(browser, server, entry, scheme) {
  const context = await browser.newContext({ colorScheme: scheme, viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  const problems = watch(page, server.url);
  await page.goto(server.url + entry.page);
  await ready(page);
  const client = await context.newCDPSession(page);
  await client.send('DOM.enable');
  await client.send('Accessibility.enable');
  const report = { page: entry.page, scheme, problems };
  report.theme = await page.evaluate(() => document.documentElement.dataset.theme);
  Object.assign(report, await page.evaluate(() => ({
    scripts: Array.from(document.scripts, (s) => s.getAttribute('src')).filter(Boolean),
    inlineScriptBytes: Array.from(document.scripts).filter((s) => !s.src).reduce((n, s) => n + s.text.length, 0),
    bundle: typeof window.DataTable === 'function',
    tables: document.querySelectorAll('table.overzicht-tabel').length,
    enhanced: document.querySelectorAll('table.overzicht-tabel[data-overzicht]').length,
    fieldsets: document.querySelectorAll('fieldset.overzicht-filters').length,
    labels: Array.from(document.querySelectorAll('table.overzicht-tabel thead th'), (th) => th.querySelector('button span') ? th.querySelector('button span').textContent.trim() : th.textContent.trim()),
    rows: document.querySelectorAll('table.overzicht-tabel tbody tr').length,
  })));
  report.headers = await headerNames(client);
  report.headerRoles = (await axNodes(client, 'table.overzicht-tabel thead th')).map((n) => n.role);
  report.buttons = await axNodes(client, 'table.overzicht-tabel thead button');
  report.inputs = await axNodes(client, '.overzicht-filters input');
  report.inputLabels = await page.evaluate(() => Array.from(document.querySelectorAll('.overzicht-filters input'),
    (input) => Array.from(input.labels || [], (l) => l.textContent.trim()).join(' ')));
  report.focusable = await page.evaluate(() => Array.from(document.querySelectorAll('table.overzicht-tabel thead [tabindex], table.overzicht-tabel thead button'),
    (n) => n.tagName.toLowerCase()));

  // a column filter: type, look, clear
  const { column: filterColumn, text } = entry.filter;
  const filterIndex = report.labels.indexOf(filterColumn);
  const input = page.locator('.overzicht-filters input').nth(filterIndex + 1);
  await input.focus();
  await page.keyboard.type(text);
  report.filter = { column: filterColumn, text, shown: await columnTexts(page, filterIndex), headers: await headerNames(client),
                    status: await page.evaluate(() => (document.querySelector('.dt-info') || {}).textContent || '') };
  await input.fill('');
  const all = page.locator('.overzicht-filters input').first();
  await all.focus();
  await page.keyboard.type(text);
  report.search = { text, headers: await headerNames(client), rows: (await columnTexts(page, 0)).length };
  await all.fill('');
  report.afterClearing = (await columnTexts(page, 0)).length;
  // a filter text is text: 100 000 regular-expression characters find nothing and break nothing;
  // letters match without case and accents ("DIGICAFE" finds "Digicafé")
  await all.fill('('.repeat(100000));
  report.hostile = { shown: await columnTexts(page, 0),
                     status: await page.evaluate(() => (document.querySelector('.dt-info') || {}).textContent || '') };
  await all.fill('DIGICAFE');
  report.folded = await columnTexts(page, 0);
  await all.fill('');

  // sorting with the keyboard: each column's button, pressed with the keys given
  report.sort = [];
  for (const [label, ...keys] of entry.sort) {
    const column = report.labels.indexOf(label);
    const button = page.locator('table.overzicht-tabel thead button').nth(column);
    await button.focus();
    for (const key of keys) {
      const scrolled = await page.evaluate(() => window.scrollY);
      await page.keyboard.press(key === 'Space' ? ' ' : key);
      report.sort.push({ label, key, column, state: await sortState(page, column), values: await columnTexts(page, column),
                         name: (await headerNames(client))[column], focused: await page.evaluate(() => document.activeElement.className),
                         scrolled: (await page.evaluate(() => window.scrollY)) - scrolled });
    }
  }

  // every text and accessible name of the overview (fields, status, table)
  await input.focus();
  await page.keyboard.type(text);
  report.texts = await page.evaluate(() => Array.from(document.querySelectorAll('.overzicht-filters, .dt-container'), (n) => n.innerText));
  report.names = (await axNodes(client, REGION)).map((n) => n.name).filter(Boolean);
  await input.fill('');
  report.colours = await colours(page, '.overzicht-filters input, .overzicht-filters label, .overzicht-filters legend, .dt-info, button.overzicht-sorteer');
  await input.focus();
  await page.keyboard.type(text);
  report.typedColours = await colours(page, '.overzicht-filters input');
  await context.close();
  return report;
}

// The table's layout at one window width: words of the cells broken across lines (a word whose
// text spans more than one line box; a compound may break after its hyphen), whether the table scrolls sideways in its region, the
// "scroll sideways" cue (shown? above the table's top?), and the table's accessible name.
async function layout(browser, server, entry, width) {
  const context = await browser.newContext({ viewport: { width, height: 900 } });
  const page = await context.newPage();
  await page.goto(server.url + entry.page);
  await ready(page);
  const client = await context.newCDPSession(page);
  await client.send('DOM.enable');
  await client.send('Accessibility.enable');
  const seen = await page.evaluate(() => {
    const table = document.querySelector('table.overzicht-tabel');
    const broken = [];
    table.querySelectorAll('th, td').forEach((cell) => {
      const walker = document.createTreeWalker(cell, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        // a word, or one part of a hyphenated compound ("e-|inclusie" may break after its hyphen)
        for (const match of node.data.matchAll(/[^\s-]+-?/g)) {
          const range = document.createRange();
          range.setStart(node, match.index);
          range.setEnd(node, match.index + match[0].length);
          const tops = new Set(Array.from(range.getClientRects(), (r) => Math.round(r.top)));
          if (tops.size > 1) broken.push(match[0]);
        }
      }
    });
    const region = table.closest('.pst-scrollable-table-container');
    const hint = document.querySelector('p.di-scroll-hint');
    const top = table.getBoundingClientRect().top;
    return {
      broken,
      scrolls: region ? region.scrollWidth > region.clientWidth + 1 : false,
      hint: hint ? { shown: !hint.hidden && hint.getBoundingClientRect().height > 0,
                     above: hint.getBoundingClientRect().bottom <= top,
                     before: Boolean(hint.compareDocumentPosition(table) & Node.DOCUMENT_POSITION_FOLLOWING) } : null,
    };
  });
  seen.name = (await axNodes(client, 'table.overzicht-tabel'))[0].name;
  seen.regionName = (await axNodes(client, '.pst-scrollable-table-container'))[0].name;
  await context.close();
  return { page: entry.page, width, ...seen };
}

async function run(browser, server, { pages }) {
  const reports = [];
  for (const entry of pages) {
    for (const scheme of ['light', 'dark']) reports.push(await check(browser, server, entry, scheme));
  }
  const layouts = [];
  for (const entry of pages) {
    for (const width of [390, 1280]) layouts.push(await layout(browser, server, entry, width));
  }
  return { reports, layouts };
}

module.exports = { run };
