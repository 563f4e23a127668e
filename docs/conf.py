"""Sphinx configuration of Notecast's documentation site (`make docs`).

The site is built offline and loads nothing from another host: the theme's fonts and icons are
served with the site, the theme's external icon links are empty, and no math renderer (which
would come from a CDN) is loaded. `make docs` runs Sphinx on a copy of this folder into which it
first writes what is generated from the code, beside a copy of tutorials/ (embedded by the
`notecast` directive): the architecture's module table
(`_generated/layers.md`, from scripts/layers.mjs) and the API reference (`api/`, TypeDoc).
"""

import json
from pathlib import Path

HERE = Path(__file__).resolve().parent
# The repository's package.json, found upwards: docs/ itself, or the copy `make docs` builds from.
PACKAGE = next(
    json.loads(folder.joinpath("package.json").read_text(encoding="utf-8"))
    for folder in HERE.parents
    if folder.joinpath("package.json").is_file()
)

project = "Notecast"
author = "Notecast developers"
copyright = "Notecast developers"
release = PACKAGE["version"]
version = release

# The `notecast` directive embeds the repository's own tutorials, played by the web player.
extensions = ["myst_parser", "jupyterlab_notecast.sphinx"]
source_suffix = {".md": "markdown"}
root_doc = "index"
exclude_patterns = ["_build", "_templates", "Thumbs.db", ".DS_Store"]
language = "en"

# Every `page.md#heading` link is checked against real headings (with -W a broken one fails the build).
myst_heading_anchors = 6
myst_enable_extensions = ["colon_fence", "deflist"]
# Directives in tutorials are shown as code, never parsed by MyST: fences only use ``` and ~~~.
nitpicky = True
suppress_warnings = []

html_theme = "pydata_sphinx_theme"
html_title = "Notecast"
templates_path = ["_templates"]
html_last_updated_fmt = None
html_copy_source = False
html_show_sourcelink = False
html_theme_options = {
    # No icon links, analytics or announcement banner: each would point the page at another host.
    "icon_links": [],
    "navbar_end": ["theme-switcher", "navbar-icon-links"],
    "secondary_sidebar_items": ["page-toc"],
    "show_toc_level": 2,
    "navigation_with_keys": False,
    "footer_start": ["copyright"],
    "footer_end": [],
    "use_edit_page_button": False,
    # The sidebar's expand toggles are <summary> elements with only an icon, which have no
    # accessible name: the navigation shows the current section's pages instead.
    "collapse_navigation": True,
}
