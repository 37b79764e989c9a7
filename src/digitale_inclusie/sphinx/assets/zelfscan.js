/* "Zelfscan" (book/zelfscan.md): a government ticks what it does; beside each answer this script
   writes how peers of its size (and of its subsidy status) answered, from the numbers the page
   was built with (data-peers, data-hours, data-summary), shows what the catalogue and the toolbox
   offer for what it does not do yet, sums each pillar up, and lets the visitor export the result
   as CSV, print it, keep the answers in this browser (only when asked) and wipe everything. It
   sends nothing anywhere and inserts no markup: every text is set as text. */
(function () {
  'use strict';
  var form = document.getElementById('di-zelfscan');
  if (!form) return;
  var KEY = 'digitale-inclusie-zelfscan';
  var GROUPS = JSON.parse(form.getAttribute('data-groups'));
  var status = document.getElementById('zs-status');
  var keep = document.getElementById('zs-bewaar');
  var items = form.querySelectorAll('fieldset.di-zs-item[data-peers]');
  var hours = form.querySelector('.di-zs-hours');

  function checked(name) {
    var input = form.querySelector('input[name="' + name + '"]:checked');
    return input ? input.value : '';
  }
  function labelOf(name, value) {
    var input = form.querySelector('input[name="' + name + '"][value="' + value + '"]');
    return input ? input.parentNode.textContent.trim() : value;
  }
  function lower(text) { return text.charAt(0).toLowerCase() + text.slice(1); }
  function answers(n) { return n + (n === 1 ? ' antwoord' : ' antwoorden'); }
  // 'Van de kleine besturen (...) antwoordden 64 van de 100 "(Eerder) wel" (136 antwoorden; ...).'
  function peersText(peers, group, positive) {
    var p = peers[group];
    var who = group === 'totaal' ? 'alle respondenten samen' : 'de ' + lower(GROUPS[group]);
    if (!p || !p[0]) return 'Niemand van ' + who + ' beantwoordde deze vraag.';
    return 'Van ' + who + ' antwoordden ' + p[1] + ' van de 100 "' + positive + '" (' +
      answers(p[0]) + '; 95%-interval ' + p[2] + ' tot ' + p[3] + ').';
  }

  // every answered question: [pillar, question, answer, group, n, share, low, high]
  function results() {
    var size = checked('grootte');
    var subsidy = checked('subsidie');
    var rows = [];
    var answered = 0;
    for (var i = 0; i < items.length; i++) {
      var item = items[i];
      var name = item.getAttribute('data-item');
      var answer = checked(name);
      var result = item.querySelector('.di-zs-result');
      var tips = item.querySelector('.di-zs-tips');
      if (tips) tips.hidden = !(answer && answer === item.getAttribute('data-negative'));
      if (!answer) { result.hidden = true; result.textContent = ''; continue; }
      answered++;
      if (!size) { result.hidden = true; continue; }
      var peers = JSON.parse(item.getAttribute('data-peers'));
      var invented = JSON.parse(item.getAttribute('data-invented'));
      var positive = labelOf(name, item.getAttribute('data-positive'));
      var groups = subsidy ? [size, subsidy] : [size];
      var text = 'Jullie antwoord: ' + labelOf(name, answer) + '. ';
      for (var g = 0; g < groups.length; g++) {
        text += peersText(peers, groups[g], positive) + ' ';
        var p = peers[groups[g]];
        rows.push([item.closest('fieldset.di-zs-pillar').querySelector('legend').textContent,
          item.querySelector('legend').textContent, labelOf(name, answer), GROUPS[groups[g]],
          p[0], p[1], p[2], p[3], '']);
      }
      if (groups.some(function (group) { return invented.indexOf(group) >= 0; })) {
        text += 'Let op: het rapport drukt deze vraag niet per groep af; op het gereconstrueerde bestand is die ' +
          'opsplitsing een keuze van de reconstructie. ' + peersText(peers, 'totaal', positive);
      }
      result.textContent = text.trim();
      result.hidden = false;
    }
    var own = hours.querySelector('input');
    var hoursResult = hours.querySelector('.di-zs-result');
    var value = parseFloat(String(own.value).replace(',', '.'));
    if (own.value !== '' && value >= 0 && size) {
      var data = JSON.parse(hours.getAttribute('data-hours'))[size];
      var below = data[1].filter(function (d) { return d < value; }).length;
      hoursResult.textContent = 'Jullie werken er ' + String(value).replace('.', ',') + ' uur per week aan: ' +
        (data[0] ? 'meer dan ongeveer ' + below + ' op de 10 ' + lower(GROUPS[size]) + ' (' + answers(data[0]) + ').'
          : 'dit bestand heeft geen ' + lower(GROUPS[size]) + ' om mee te vergelijken.');
      hoursResult.hidden = false;
      rows.push(['Tijd', hours.querySelector('label').textContent, String(value).replace('.', ','), GROUPS[size],
        data[0], '', '', '', below]);
      answered++;
    } else {
      hoursResult.hidden = true;
    }
    var pillars = form.querySelectorAll('fieldset.di-zs-pillar[data-summary]');
    for (var k = 0; k < pillars.length; k++) {
      var pillar = pillars[k];
      var own_items = pillar.querySelectorAll('fieldset.di-zs-item[data-peers]');
      var given = 0;
      var done = 0;
      for (var j = 0; j < own_items.length; j++) {
        var a = checked(own_items[j].getAttribute('data-item'));
        if (a) given++;
        if (a && a === own_items[j].getAttribute('data-positive')) done++;
      }
      var summary = pillar.querySelector('.di-zs-summary');
      if (!given || !size) { summary.hidden = true; continue; }
      var peer = JSON.parse(pillar.getAttribute('data-summary'))[size];
      var yes = labelOf(own_items[0].getAttribute('data-item'), own_items[0].getAttribute('data-positive'));
      var text = 'Samengevat: jullie antwoordden ' + done + ' keer "' + yes + '" op de ' + own_items.length +
        ' vragen hieronder. ';
      if (peer[0] === null) {  // a group without respondents in this file
        text += 'Dit bestand heeft geen ' + lower(GROUPS[size]) + ' om mee te vergelijken.';
      } else if (given < own_items.length) {  // like with like: the peers' count is over every question
        text += 'Vul ze alle ' + own_items.length + ' in om te vergelijken met ' + lower(GROUPS[size]) +
          ' (nu ' + given + ' ingevuld).';
      } else {
        text += GROUPS[size] + ' antwoordden dat gemiddeld ' + String(Math.round(peer[0] * 10) / 10).replace('.', ',') +
          ' keer; de helft ' + String(peer[1]).replace('.', ',') + ' keer of meer.';
      }
      summary.textContent = text;
      summary.hidden = false;
    }
    status.textContent = answered + ' van ' + (items.length + 1) + ' vragen ingevuld.' +
      (size ? '' : ' Kies de grootte van jullie bestuur om te vergelijken.');
    return rows;
  }

  function save() {
    if (!keep.checked) return;
    var answers = {};
    var inputs = form.querySelectorAll('input[type="radio"]:checked, input[type="number"]');
    for (var i = 0; i < inputs.length; i++) answers[inputs[i].name] = inputs[i].value;
    try { localStorage.setItem(KEY, JSON.stringify(answers)); } catch (error) { /* storage refused: nothing kept */ }
  }

  function restore() {
    var stored = null;
    try { stored = JSON.parse(localStorage.getItem(KEY) || 'null'); } catch (error) { stored = null; }
    if (!stored || typeof stored !== 'object') return;
    keep.checked = true;
    Object.keys(stored).forEach(function (name) {
      var value = String(stored[name]);
      var inputs = form.querySelectorAll('input[name="' + CSS.escape(name) + '"]');
      for (var i = 0; i < inputs.length; i++) {
        if (inputs[i].type === 'radio') inputs[i].checked = inputs[i].value === value;
        else inputs[i].value = value;
      }
    });
  }

  function cell(value) {
    var text = String(value === null || value === undefined ? '' : value);
    if (/^[=+\-@\t\r]/.test(text)) text = "'" + text;  // never a formula in a spreadsheet
    return /[",\n;]/.test(text) ? '"' + text.replace(/"/g, '""') + '"' : text;
  }

  document.getElementById('zs-csv').addEventListener('click', function () {
    var rows = results();
    var lines = [['onderdeel', 'vraag', 'jullie_antwoord', 'vergelijkingsgroep', 'n', 'aandeel', 'ondergrens',
      'bovengrens', 'meer_dan_tienden']].concat(rows).map(function (row) { return row.map(cell).join(','); });
    var link = document.createElement('a');
    link.href = URL.createObjectURL(new Blob([lines.join('\r\n') + '\r\n'], { type: 'text/csv;charset=utf-8' }));
    link.download = 'zelfscan.csv';
    document.body.appendChild(link);
    link.click();
    link.remove();
    status.textContent = 'Het resultaat is gedownload als zelfscan.csv (' + rows.length + ' rijen).';
  });
  document.getElementById('zs-print').addEventListener('click', function () { window.print(); });
  keep.addEventListener('change', function () {
    if (keep.checked) { save(); status.textContent = 'Je antwoorden worden in deze browser bewaard.'; }
    else { try { localStorage.removeItem(KEY); } catch (error) { /* nothing kept */ }
      status.textContent = 'Je antwoorden worden niet meer bewaard.'; }
  });
  form.addEventListener('reset', function () {
    try { localStorage.removeItem(KEY); } catch (error) { /* nothing kept */ }
    setTimeout(function () { results(); status.textContent = 'Alles is gewist.'; }, 0);
  });
  form.addEventListener('change', function (event) { if (event.target !== keep) { results(); save(); } });
  form.addEventListener('input', function (event) { if (event.target.type === 'number') { results(); save(); } });
  form.addEventListener('submit', function (event) { event.preventDefault(); });

  form.querySelector('.di-zs-actions').hidden = false;
  restore();
  results();
}());
