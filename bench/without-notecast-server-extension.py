"""A class's server without Notecast's server extension, for the classroom benchmark's comparison.

``update`` keeps every other extension the environment enables (JupyterLab, jupyter-collaboration).
"""

c.ServerApp.jpserver_extensions.update({"jupyterlab_notecast": False})  # noqa: F821 (c is the config)
