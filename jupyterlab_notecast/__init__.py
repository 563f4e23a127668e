"""Notecast: accessible, narrated tutorials for JupyterLab (prebuilt labextension)."""

try:
    from ._version import __version__
except ImportError:  # a source checkout that has not been built yet
    __version__ = "unknown"


def _jupyter_labextension_paths():
    # Where `jupyter labextension develop` finds the build output of package.json's outputDir.
    return [{"src": "labextension", "dest": "jupyterlab-notecast"}]


def _jupyter_server_extension_points():
    # The server extension: broadcast rooms read-only for followers (see classroom/).
    return [{"module": "jupyterlab_notecast.classroom"}]
