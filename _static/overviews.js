// overviews.js: the toolbox and catalogue overviews (itables)
