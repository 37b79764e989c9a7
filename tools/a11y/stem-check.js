// The stems the site's search page gives: Sphinx's stemmer as the site ships it
// (_static/language_data.js), run in Node. Reads words, one a line, from WORDS_FILE; prints their
// stems as JSON: { word: stem }, each word lower-cased first, as searchtools.js does with a query.
// usage: node tools/a11y/stem-check.js SITE_DIR WORDS_FILE
const fs = require('fs');
const path = require('path');
const vm = require('vm');

const site = path.resolve(process.argv[2]);
const context = {};
vm.createContext(context);
vm.runInContext(fs.readFileSync(path.join(site, '_static', 'language_data.js'), 'utf8'), context);
const stemmer = vm.runInContext('new Stemmer()', context);
const words = fs.readFileSync(process.argv[3], 'utf8').split('\n').map((w) => w.trim()).filter(Boolean);
console.log(JSON.stringify(Object.fromEntries(words.map((w) => [w, stemmer.stemWord(w.toLowerCase())]))));
