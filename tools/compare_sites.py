"""Compare two builds of the site: are their outputs the same?

For checking a change that should not change what the book shows (a restructuring of the code):
build the site before and after (same data, same ``SOURCE_DATE_EPOCH``), keep a copy of the first,
and compare. Every file is compared byte for byte, except:

* pages (``*.html``): compared with the source of every code cell taken out (``div.cell_input``:
  the folded "Toon code" blocks, which a restructuring may change on purpose) and the version
  digests of static files (``?v=…``, ``?digest=…``) blanked; everything else (tables, figures,
  text, glued numbers, notes, links) must be the same;
* ``_sources/``, the notebooks offered for download (``_downloads/*.ipynb``) and
  ``searchindex.js``: these hold the code itself, so they are listed, not judged.

Prints what differs and exits 1 when a judged file differs or is missing on one side.

usage: python tools/compare_sites.py BEFORE_HTML_DIR AFTER_HTML_DIR
"""

import re
import sys
from pathlib import Path

from bs4 import BeautifulSoup

DIGEST = re.compile(r"\?(?:v|digest)=[0-9a-f]+")


def page_outputs(path):
    """A page without the code it shows: what the reader gets from running it."""
    soup = BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")
    for code in soup.select("div.cell_input"):
        code.replace_with("[code]")
    return DIGEST.sub("?v=", str(soup))


def listed_only(relative):
    return relative.parts[0] == "_sources" or relative.name == "searchindex.js" or (
        relative.parts[0] == "_downloads" and relative.suffix == ".ipynb")


def main(argv):
    before, after = (Path(a) for a in argv)
    names = {p.relative_to(before) for p in before.rglob("*") if p.is_file()}
    names |= {p.relative_to(after) for p in after.rglob("*") if p.is_file()}
    judged, listed, same = [], [], 0
    for name in sorted(names):
        a, b = before / name, after / name
        if not (a.exists() and b.exists()):
            judged.append(f"only in {'after' if b.exists() else 'before'}: {name}")
            continue
        if a.read_bytes() == b.read_bytes():
            same += 1
        elif listed_only(name):
            listed.append(str(name))
        elif name.suffix == ".html" and page_outputs(a) == page_outputs(b):
            listed.append(f"{name} (only its code or the digests of changed static files)")
        else:
            judged.append(f"differs: {name}")
    print(f"{same} files byte-identical; {len(listed)} differ only in the code they show or hold:")
    for line in listed:
        print(f"  {line}")
    print(f"{len(judged)} outputs differ:")
    for line in judged:
        print(f"  {line}")
    return 1 if judged else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
