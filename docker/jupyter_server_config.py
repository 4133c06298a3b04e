# The image's settings for the Jupyter server (/etc/jupyter/); docker/start.sh
# passes the ones that depend on how the container was started.
import logging
import os

c = get_config()  # noqa: F821 (defined by the config loader)

# The terminal (File > New > Terminal): bash, with the image's environment
# (PATH with Go and GoNB, GOPROXY=off, …), in the repository, where the
# server runs. A login shell would reset PATH from /etc/profile, which
# knows nothing of /usr/local/go/bin.
c.ServerApp.terminado_settings = {"shell_command": ["/bin/bash"]}

# Checkpoints (File > Save and Create Checkpoint, Revert) live in the home
# folder, not in a .ipynb_checkpoints folder beside each file: JupyterLab
# asks for a file's checkpoints as it opens the file, and beside a file in
# a folder this uid cannot write (a notebooks folder mounted read-only, or
# owned by another uid) that request fails with a 403 or a 500, a Python
# traceback in the log and uncaught errors in the page. A mounted folder
# also stays free of hidden folders.
c.FileCheckpoints.root_dir = os.path.join(os.environ.get("HOME", "/tmp"), ".cache", "sinenet-checkpoints")

# The login page (a wrong or expired token) says what works in a container:
# docker logs, not jupyter server list. See docker/login.html.
c.ServerApp.extra_template_paths = ["/usr/local/share/sinenet/templates"]


class _NoMaskedAddress(logging.Filter):
    """Drops the server's banner ("Jupyter Server … is running at:" and its
    two addresses with the token masked as token=...): a reader could copy
    one of those by mistake. The address to open is the line docker/start.sh
    prints first ("sinenet: open …")."""

    def filter(self, record):
        msg = record.getMessage()
        return "token=..." not in msg and not (msg.startswith("Jupyter Server ") and "is running at" in msg)


logging.getLogger("ServerApp").addFilter(_NoMaskedAddress())
