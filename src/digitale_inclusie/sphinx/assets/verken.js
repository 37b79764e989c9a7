/* "Verken de cijfers" (book/verken.md): the page holds every view (a question by a breakdown),
   computed when the site was built; without this script it is the list of all of them. The
   script shows the form's two lists and, of the views, only the one chosen, with its numbers
   drawn as bars (from the data-p and data-v of its table's cells); it says which view it shows in
   a status line that screen readers announce, and keeps it in the address (#v-<item>-<breakdown>)
   so that a link can point to a view. It computes nothing and inserts no markup: it shows and
   hides what the page holds and builds the bars from elements and text. */
(function () {
  'use strict';
  var form = document.getElementById('di-verken-form');
  var views = document.getElementById('di-verken-views');
  if (!form || !views) return;
  var question = document.getElementById('di-verken-vraag');
  var breakdown = document.getElementById('di-verken-opsplitsing');
  var status = document.getElementById('di-verken-status');
  var BREAKDOWNS = ['totaal', 'grootte', 'subsidie', 'grootte_subsidie'];

  function element(tag, className, text) {
    var node = document.createElement(tag);
    if (className) node.className = className;
    if (text) node.textContent = text;
    return node;
  }

  // The view's numbers as bars, for the eye only (the table is what a screen reader reads): per
  // group its answers stacked to 100%, or its mean hours on the scale of the largest mean.
  function drawBars(view) {
    if (view.querySelector('.di-verken-bars')) return;
    var table = view.querySelector('table');
    var heads = table.querySelectorAll('thead th');
    var groups = table.querySelectorAll('tbody tr');
    var bars = element('div', 'di-verken-bars');
    bars.setAttribute('aria-hidden', 'true');
    var means = table.querySelectorAll('td[data-v]');
    var top = 0;
    for (var m = 0; m < means.length; m++) top = Math.max(top, parseFloat(means[m].getAttribute('data-v')));
    if (!means.length) {
      var legend = element('p', 'di-verken-legend');
      for (var h = 2; h < heads.length; h++) {
        legend.appendChild(element('span', 'di-verken-key di-seg-' + (h - 2)));
        legend.appendChild(document.createTextNode(heads[h].textContent.replace(/: aandeel.*$/, '') + ' '));
      }
      bars.appendChild(legend);
    }
    for (var g = 0; g < groups.length; g++) {
      bars.appendChild(element('p', 'di-verken-bar-label', groups[g].querySelector('th').textContent.replace(/ \(n = .*$/, '')));
      var bar = element('div', 'di-verken-bar');
      var cells = groups[g].querySelectorAll(means.length ? 'td[data-v]' : 'td[data-p]');
      for (var c = 0; c < cells.length; c++) {
        var value = parseFloat(cells[c].getAttribute(means.length ? 'data-v' : 'data-p'));
        var width = means.length ? (top ? 100 * value / top : 0) : value;
        if (!(width > 0)) continue;
        var segment = element('span', 'di-seg-' + c);
        segment.style.width = width + '%';
        bar.appendChild(segment);
      }
      bars.appendChild(bar);
    }
    table.parentNode.parentNode.insertBefore(bars, table.parentNode.nextSibling);
  }

  function fromAddress() {
    var hash = decodeURIComponent(location.hash.slice(1));
    for (var i = 0; i < BREAKDOWNS.length; i++) {
      var end = '-' + BREAKDOWNS[i];
      if (hash.indexOf('v-') === 0 && hash.slice(-end.length) === end) {
        var item = hash.slice(2, -end.length);
        if (document.getElementById(hash) && question.querySelector('option[value="' + CSS.escape(item) + '"]')) {
          question.value = item;
          breakdown.value = BREAKDOWNS[i];
          return true;
        }
      }
    }
    return false;
  }

  function show(announce) {
    var id = 'v-' + question.value + '-' + breakdown.value;
    var view = document.getElementById(id);
    if (!view) return;
    var current = views.querySelectorAll('.di-verken-current');
    for (var i = 0; i < current.length; i++) current[i].classList.remove('di-verken-current');
    drawBars(view);
    view.classList.add('di-verken-current');
    if (announce) {
      status.textContent = 'Getoond: ' + view.querySelector('caption').textContent + '.';
      history.replaceState(null, '', '#' + id);
    }
  }

  form.hidden = false;
  views.classList.add('di-verken-chosen');
  form.addEventListener('submit', function (event) { event.preventDefault(); });
  question.addEventListener('change', function () { show(true); });
  breakdown.addEventListener('change', function () { show(true); });
  window.addEventListener('hashchange', function () { if (fromAddress()) show(false); });
  fromAddress();
  show(false);
}());
