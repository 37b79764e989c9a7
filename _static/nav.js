// nav.js: navigation and sidebars
