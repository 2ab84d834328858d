"""The Content-Security-Policy of every page: scripts, styles and everything else from the site itself.

The theme (overrides/main.html) writes POLICY into each page's head as a meta tag, so it holds on any
static host. Hosts that can send headers should send HEADER instead (see the README).
"""
POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:"

# Browsers ignore frame-ancestors in a meta tag: only a header can stop other sites framing the pages.
HEADER = POLICY + "; frame-ancestors 'none'"
