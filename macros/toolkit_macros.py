"""Glue for the toolkit's macros; the HTML comes from toolkit.py and the checked templates from messages.py.
Registered by define_env in __init__.py."""
import json

from . import blocks, toolkit
from .teaching import checked_macro


def define_macros(env, templates, page_url):
    """page_url(path): the address of a site page such as 'toolkit/templates' from the page being rendered."""
    macro = checked_macro(env)
    # The limits of what the toolkit keeps in the learner's browser, for the theme to put in each page's head
    # (overrides/main.html): import validation reads them.
    env.conf["extra"]["course_toolkit_limits"] = json.dumps(templates.limits(), separators=(",", ":"))

    @macro
    def message_template(template_id, show="example"):
        """One message template from toolkit/templates.yml: its worked example, or with show="template" its
        text with blanks, and a link to fill it in on the templates page."""
        if template_id not in templates.templates:
            raise ValueError(f"message_template('{template_id}'): no such template in toolkit/templates.yml; "
                             f"use one of: {', '.join(templates.templates)}")
        html = toolkit.card(templates.templates[template_id], templates.fields, page_url(toolkit.PAGE), show)
        return blocks.set_aside(env.page, "message_template", html)

    @macro
    def template_form():
        """The form where learners fill in their details once, for every template on the page."""
        return blocks.set_aside(env.page, "template_form", toolkit.form(templates))

    @macro
    def message_templates():
        """Every message template, each under its own heading, filled in as the learner types."""
        return toolkit.page(templates, lambda html: blocks.set_aside(env.page, "message_templates", html))
