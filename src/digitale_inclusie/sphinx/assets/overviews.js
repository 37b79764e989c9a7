// The overview tables of the toolbox and the catalogue (table.overzicht-tabel, built by
// digitale_inclusie.sphinx.entries) made searchable and sortable with DataTables, from the one
// shared script that only these pages load (_static/datatables/…: DataTables and jQuery, which
// sets window.DataTable). Without that script, or without JavaScript, the table stays a plain,
// complete table with a link to every entry.
//
// For every reader:
// - each column title is a real <button> in its header cell: the header's accessible name is
//   the column title (followed by the sort state in Dutch once sorted), Enter and Space both sort;
// - the search and filter fields stand above the table, each with its own visible Dutch label,
//   and match their text as words (not as a regular expression);
// - the number of rows shown is a live status, and every DataTables text is Dutch.
// This file may run twice on a page (Jupyter Book lists it twice): a table is enhanced once.
(function () {
  'use strict';

  // A reader's filter text is text, never a regular expression: every word must occur in the
  // row (or cell), letters compared without case and accents ("enquete" finds "enquête").
  // DataTables' own smart search builds a regular expression from the input, which a very long
  // input can break; a function is matched as it is.
  const fold = (text) => String(text).normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase();
  function matcher(value) {
    const words = fold(value).split(/\s+/).filter(Boolean);
    if (!words.length) return '';
    return (text) => {
      const haystack = fold(text);
      return words.every((word) => haystack.includes(word));
    };
  }

  const DUTCH = {
    decimal: ',',
    thousands: '.',
    search: 'Zoeken:',
    searchPlaceholder: '',
    info: '_TOTAL_ _ENTRIES-TOTAL_ getoond',
    infoEmpty: 'Geen rijen getoond',
    infoFiltered: '(van de _MAX_)',
    infoPostFix: '',
    entries: { _: 'rijen', 1: 'rij' },
    emptyTable: 'Geen gegevens in deze tabel',
    zeroRecords: 'Geen rijen gevonden',
    loadingRecords: 'Bezig met laden …',
    processing: 'Bezig …',
    lengthMenu: '_MENU_ rijen per pagina',
    lengthLabels: { '-1': 'Alle' },
    paginate: { first: 'Eerste', last: 'Laatste', next: 'Volgende', previous: 'Vorige' },
    aria: {
      orderable: ': sorteer op deze kolom',
      orderableReverse: ': sorteer in omgekeerde volgorde',
      orderableRemove: ': hef de sortering op',
      paginate: { first: 'Eerste pagina', last: 'Laatste pagina', next: 'Volgende pagina',
                  previous: 'Vorige pagina', number: '' },
    },
  };
  const STATE = { asc: 'oplopend gesorteerd', desc: 'aflopend gesorteerd' };
  const ARIA_SORT = { asc: 'ascending', desc: 'descending' };

  // '62%' -> 62, '12,5%' -> 12.5; no number ('geen cijfer') sorts below every share
  function share(html) {
    const text = String(html).replace(/<[^>]*>/g, '').trim();
    const match = text.match(/^(\d+(?:,\d+)?)\s*%$/);
    return match ? parseFloat(match[1].replace(',', '.')) : -1;
  }

  function element(tag, properties, ...children) {
    const node = Object.assign(document.createElement(tag), properties);
    node.append(...children);
    return node;
  }

  function field(id, label, input) {
    input.id = id;
    input.type = 'search';
    input.autocomplete = 'off';
    input.spellcheck = false;
    return element('div', { className: 'overzicht-veld' }, element('label', { htmlFor: id, textContent: label }), input);
  }

  function enhance(table, number, DataTable) {
    if (table.dataset.overzicht) return;
    table.dataset.overzicht = 'actief';
    const prefix = 'overzicht-' + number;
    const headers = Array.from(table.tHead.rows[0].cells);
    const labels = headers.map((th) => th.textContent.trim());
    const numeric = headers.map((th) => th.classList.contains('overzicht-getal'));

    const dt = new DataTable(table, {
      paging: false,
      order: [], // the order of the source: by provider, or by group, as the page below
      autoWidth: false,
      ordering: { indicators: false, handler: false }, // our own buttons, below
      layout: { topStart: 'info', topEnd: null, bottomStart: null, bottomEnd: null },
      language: DUTCH,
      columnDefs: numeric.flatMap((isNumber, column) => (isNumber ? [{
        targets: column,
        type: 'num',
        render: (data, type) => (type === 'sort' || type === 'type' ? share(data) : data),
      }] : [])),
    });

    // search and filter fields, above the table (outside its horizontal scroll area)
    const everything = element('input', { placeholder: 'een of meer woorden' });
    everything.addEventListener('input', () => dt.search(matcher(everything.value)).draw());
    const fields = [field(prefix + '-alles', 'Alle kolommen', everything)];
    labels.forEach((label, column) => {
      const input = element('input');
      input.addEventListener('input', () => dt.column(column).search(matcher(input.value)).draw());
      fields.push(field(prefix + '-kolom-' + (column + 1), label, input));
    });
    const box = element('fieldset', { className: 'overzicht-filters' },
      element('legend', { textContent: 'Zoeken en filteren' }), ...fields);
    const container = table.closest('.dt-container') || table;
    (container.closest('.pst-scrollable-table-container') || container).before(box);
    const info = container.querySelector('.dt-info');
    if (info) info.setAttribute('role', 'status');

    // a sort button in every column header: the title is the button's text
    const buttons = headers.map((th, column) => {
      th.scope = 'col';
      const title = th.querySelector('.dt-column-title') || th;
      const arrow = element('span', { className: 'overzicht-pijl' });
      arrow.setAttribute('aria-hidden', 'true');
      const button = element('button', { type: 'button', className: 'overzicht-sorteer' },
        element('span', { textContent: labels[column] }), arrow);
      button.addEventListener('click', () => {
        const [current] = dt.order();
        const direction = current && current[0] === column && current[1] === 'asc' ? 'desc' : 'asc';
        dt.order([[column, direction]]).draw();
      });
      title.replaceChildren(button);
      return button;
    });
    clearHeaderControls(headers);
    table.querySelectorAll('tbody th').forEach((th) => { th.scope = 'row'; });

    function showOrder() {
      const [current] = dt.order();
      headers.forEach((th, column) => {
        const direction = current && current[0] === column ? current[1] : null;
        // the name: the visible title, then the state ('Materiaal, oplopend gesorteerd')
        if (ARIA_SORT[direction]) {
          th.setAttribute('aria-sort', ARIA_SORT[direction]);
          buttons[column].setAttribute('aria-label', labels[column] + ', ' + STATE[direction]);
        } else {
          th.removeAttribute('aria-sort');
          buttons[column].removeAttribute('aria-label');
        }
      });
    }
    dt.on('order', showOrder);
    showOrder();
  }

  // the header cells themselves are no controls (the buttons are): no focus stop or label of DataTables
  function clearHeaderControls(headers) {
    headers.forEach((th) => {
      th.removeAttribute('tabindex');
      th.removeAttribute('aria-label');
      th.querySelectorAll('.dt-column-order').forEach((node) => node.remove());
    });
  }

  function start() {
    if (typeof window.DataTable !== 'function') return;
    document.querySelectorAll('table.overzicht-tabel').forEach((table, n) => enhance(table, n + 1, window.DataTable));
  }

  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', start);
  else start();
}());
