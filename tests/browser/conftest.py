"""Browser test set-up: one built site, one local server and one Chromium per test session.

The site is built from the real content into a temporary folder (the developer's site/ is not
touched), served on 127.0.0.1, and every request to any other host is answered with a stub and
recorded, so no test ever reaches the network.
"""
from __future__ import annotations

import functools
import http.server
import threading
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import expect

from find_chromium import LAUNCH_ARGS, find
from support import ROOT


def pytest_collection_modifyitems(items):
    for item in items:
        if "tests/browser/" in str(item.fspath).replace("\\", "/"):
            item.add_marker(pytest.mark.browser)


# site_dir (the site built once per session) is in tests/conftest.py: tests/leaflet/ uses it too.


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


@pytest.fixture(scope="session")
def base_url(site_dir):
    handler = functools.partial(_Quiet, directory=str(site_dir))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}/"
    server.shutdown()


@pytest.fixture(scope="session")
def browser():
    from playwright.sync_api import sync_playwright
    executable = find()
    if not executable:
        pytest.fail("No Chromium: run 'make chromium' (installs Debian's chromium) and try again")
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=executable, args=LAUNCH_ARGS)
        yield browser
        browser.close()


@pytest.fixture
def offsite_requests():
    return []


@pytest.fixture
def context(browser, base_url, offsite_requests):
    context = browser.new_context()
    # Every wait ends on the state it waits for; the limit is only for a state that never comes,
    # and generous, so that a busy shared machine never fails a test (Playwright's default is 30 s).
    context.set_default_timeout(60_000)
    expect.set_options(timeout=60_000)
    host = urlsplit(base_url).netloc

    def route(route):
        if urlsplit(route.request.url).netloc == host:
            route.continue_()
        else:  # never reach the network: record it and answer with a stub
            offsite_requests.append(route.request.url)
            route.fulfill(status=200, body="Mock response")

    context.route("**/*", route)
    yield context
    context.close()


@pytest.fixture
def page(context):
    page = context.new_page()
    yield page
    page.close()
