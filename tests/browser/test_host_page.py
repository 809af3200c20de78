"""The widget on a campaign site on another origin: CORS, hostile CSS, colours, no side effects."""

from __future__ import annotations

import pytest
from playwright.sync_api import Page, expect

from tests.browser.conftest import describe
from tests.browser.widget import SHADOW, Widget

pytestmark = [pytest.mark.stack, pytest.mark.model]

MEASURED = [
    ".panel",
    ".title",
    ".close",
    ".human",
    ".restart",
    ".notice",
    "#omzien-input",
    ".send",
    ".msg-user",
    ".replies button",
]
STYLE_PROPERTIES = [
    "display",
    "visibility",
    "opacity",
    "fontSize",
    "fontFamily",
    "fontWeight",
    "lineHeight",
    "letterSpacing",
    "textTransform",
    "direction",
    "color",
    "backgroundColor",
    "boxSizing",
]
MEASURE = f"""([selectors, properties]) => {{
    const root = {SHADOW};
    const host = getComputedStyle(document.querySelector('omzien-chat'));
    const result = {{host: [host.display, host.position, host.transform, host.opacity]}};
    for (const selector of selectors) {{
        const node = root.querySelector(selector);
        const box = node.getBoundingClientRect();
        const style = getComputedStyle(node);
        result[selector] = [Math.round(box.x), Math.round(box.y), Math.round(box.width),
            Math.round(box.height), ...properties.map((p) => style[p])];
    }}
    return result;
}}"""
PAGE_BUTTON_STYLE = """() => {
    const style = getComputedStyle(document.getElementById('page-button'));
    return [...style].map((property) => style.getPropertyValue(property));
}"""


def open_and_greet(page: Page, url: str) -> Widget:
    page.goto(url)
    widget = Widget(page)
    expect(widget.launcher).to_be_visible()
    widget.open()
    widget.send("hallo")  # a cross-origin chat turn: the gateway's CORS allow-list lets it through
    expect(widget.replies.first).to_be_visible()
    return widget


def measure(page: Page) -> dict:
    return page.evaluate(MEASURE, [MEASURED, STYLE_PROPERTIES])


def test_hostile_host_css_does_not_change_the_widget(host_site, new_page):
    plain = new_page(reduced_motion="reduce")
    open_and_greet(plain, f"{host_site}/plain.html")
    hostile = new_page(reduced_motion="reduce")
    open_and_greet(hostile, f"{host_site}/hostile.html")
    expected = measure(plain)
    assert expected["host"] == ["block", "static", "none", "1"]
    assert measure(hostile) == expected


def test_hostile_host_css_leaves_the_launcher_usable(host_site, new_page):
    page = new_page()
    page.goto(f"{host_site}/hostile.html")
    widget = Widget(page)
    expect(widget.launcher).to_be_visible()
    font_size = widget.launcher.evaluate("node => parseFloat(getComputedStyle(node).fontSize)")
    assert font_size >= 16
    widget.open()
    expect(widget.input).to_be_visible()


def test_the_widget_leaves_the_host_page_alone(host_site, new_page):
    page = new_page()
    page.route("**/widget.js", lambda route: route.abort())
    page.goto(f"{host_site}/plain.html")
    without_widget = page.evaluate(PAGE_BUTTON_STYLE)
    page.unroute("**/widget.js")
    page.goto(f"{host_site}/plain.html")
    Widget(page).open()
    assert page.evaluate(PAGE_BUTTON_STYLE) == without_widget
    assert (
        page.evaluate("() => document.styleSheets.length + document.adoptedStyleSheets.length") == 0
    )
    children = page.evaluate("() => [...document.body.children].map((node) => node.tagName)")
    assert children == ["MAIN", "SCRIPT", "OMZIEN-CHAT"]


def test_a_light_data_color_gets_dark_text(host_site, new_page, run_axe):
    page = new_page()
    widget = open_and_greet(page, f"{host_site}/yellow.html")
    colours = widget.send_button.evaluate(
        "node => [getComputedStyle(node).backgroundColor, getComputedStyle(node).color]"
    )
    assert colours == ["rgb(255, 210, 0)", "rgb(17, 17, 17)"]
    expect(widget.host.get_by_role("heading", name="Praat met ons")).to_be_visible()
    violations = run_axe(page)
    assert violations == [], describe(violations)


def test_an_invalid_data_color_falls_back_to_the_default(host_site, new_page):
    page = new_page()
    page.goto(f"{host_site}/bad-colour.html")
    widget = Widget(page)
    colours = widget.launcher.evaluate(
        "node => [getComputedStyle(node).backgroundColor, getComputedStyle(node).color]"
    )
    assert colours == ["rgb(29, 92, 99)", "rgb(255, 255, 255)"]
