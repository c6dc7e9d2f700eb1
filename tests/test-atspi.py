#!/usr/bin/python3
# test-atspi.py VONK — drives Vonk the way a screen reader or a test robot
# does, through the AT-SPI accessibility bus only: it finds the window and
# its controls by their accessible roles and names, selects a view in the
# sidebar, presses a button, types into a form and saves it, and checks
# that what it added is there to read. Run by test-atspi.sh, which gives
# it a D-Bus session of its own.
import os
import subprocess
import sys
import tempfile
import time

import pyatspi

TIMEOUT = 60  # a shared machine under load is slow to start GTK


def wait_for(what, condition):
    """Polls condition() until it returns something true, or fails after TIMEOUT s."""
    deadline = time.monotonic() + TIMEOUT
    while time.monotonic() < deadline:
        try:
            result = condition()
        except Exception:  # the tree changes under us while we look
            result = None
        if result:
            return result
        time.sleep(0.05)
    sys.exit(f"FAIL: timed out waiting for {what}")


def find(accessible, role, name=None):
    """The first descendant with role (and name), depth first. GTK 4.8
    marks no widget as showing, so hidden pages are searched too: start
    from the part of the tree that is meant."""
    for child in accessible:
        if child is None:
            continue
        if child.getRoleName() == role and (name is None or child.name == name):
            return child
        found = find(child, role, name)
        if found is not None:
            return found
    return None


def titled(window, text):
    """Whether a header bar of window has the title text."""
    for child in window:
        if child is None:
            continue
        if child.getRoleName() == "filler" and child.name == "AdwWindowTitle":
            if find(child, "label", text) is not None:
                return True
        elif titled(child, text):
            return True
    return False


def application(name):
    for app in pyatspi.Registry.getDesktop(0):
        if app is not None and app.name == name:
            return app
    return None


def button_labelled(accessible, text):
    """A push button whose label reads text (GTK 4.8 puts the mnemonic in its name)."""
    for child in accessible:
        if child is None:
            continue
        if child.getRoleName() == "push button" and find(child, "label", text) is not None:
            return child
        found = button_labelled(child, text)
        if found is not None:
            return found
    return None


def window_named(app, name):
    return next((w for w in app if w is not None and w.name == name), None)


def click(button):
    action = button.queryAction()
    names = [action.getName(i) for i in range(action.nActions)]
    assert "click" in names, f"{button.name} has no click action: {names}"
    action.doAction(names.index("click"))


def main():
    vonk = sys.argv[1]
    with tempfile.TemporaryDirectory() as tmp:
        env = dict(os.environ, XDG_DATA_HOME=f"{tmp}/data", XDG_CONFIG_HOME=f"{tmp}/config",
                   XDG_CACHE_HOME=f"{tmp}/cache", LANGUAGE="C", GSETTINGS_BACKEND="memory")
        env.pop("GTK_A11Y", None)  # the real AT-SPI bus, not GTK's test context
        # GTK 4.8's AT-SPI code itself logs a critical now and then when a
        # window closes while a client reads it (g_variant_is_object_path)
        env.pop("G_DEBUG", None)
        database = f"{tmp}/vonk.db"
        project = subprocess.run([vonk, f"--database={database}", "--demo"], env=env,
                                 check=True, capture_output=True, text=True).stdout.strip()
        app_process = subprocess.Popen([vonk, f"--database={database}", f"--project={project}"],
                                       env=env)
        try:
            run(app_process)
        finally:
            app_process.terminate()
            app_process.wait(10)
    print("ok: Vonk driven through AT-SPI")


def run(app_process):
    def started():
        if app_process.poll() is not None:
            sys.exit(f"FAIL: Vonk exited with {app_process.returncode}")
        return application("vonk")

    app = wait_for("Vonk on the accessibility bus", started)
    window = wait_for("the window", lambda: window_named(app, "Vonk"))

    # the sidebar is a list named Views, its rows named after the views
    views = wait_for("the sidebar", lambda: find(window, "list", "Views"))
    names = [views[i].name for i in range(views.childCount)]
    assert "Success Stories" in names, f"sidebar rows: {names}"
    views.querySelection().selectChild(names.index("Success Stories"))
    wait_for("the view's title", lambda: titled(window, "Success Stories"))
    # the view's page in the window's stack is named after it too
    page = wait_for("the Stories view", lambda: find(window, "panel", "Success Stories"))
    add = wait_for("its Add button", lambda: find(page, "push button", "Add Story…"))

    # the form opens as its own window; its fields are named by their titles
    click(add)
    form = wait_for("the story form", lambda: window_named(app, "Add Success Story"))
    title = wait_for("the Title field", lambda: find(form, "text", "Title"))
    story = "Robot story about the intranet"
    title.queryEditableText().setTextContents(story)
    # GTK 4.8 answers getText (0, -1) with '': ask for the characters typed
    wait_for("the title typed", lambda: title.queryText().getText(0, len(story)) == story)
    click(button_labelled(form, "Add"))

    # the new story is in the list, readable by name (the form closes, but
    # GTK 4.8 sometimes fails to tell the bus: a critical about a NULL
    # object path, after which the bus lists the closed window still)
    wait_for("the new story in the list",
             lambda: find(page, "label", story))
    assert app_process.poll() is None, "Vonk quit"


if __name__ == "__main__":
    main()
