"""WCAG 2.1 AA in a real browser: axe-core, keyboard and focus, motion, 200 % text, phone layout."""

from __future__ import annotations

import json

import pytest
from playwright.sync_api import Page, expect

from tests.browser.conftest import CHROMIUM, DESKTOP, PHONE, SCREENSHOTS, describe
from tests.browser.widget import SHADOW, Widget

pytestmark = [pytest.mark.stack, pytest.mark.model]


def full_conversation(stack, page: Page) -> Widget:
    """The landing page with the widget open: quick replies, the human line and a crisis card."""
    page.goto(f"{stack.url}/")
    widget = Widget(page)
    widget.open()
    widget.send("ik voel me eenzaam")
    widget.human_button.click()
    widget.send("ik wil niet meer leven")
    expect(widget.card("crisis")).to_be_visible()
    expect(widget.replies.first).to_be_visible()
    return widget


def fits_on_screen(page: Page) -> dict:
    """Where the panel and its controls are once it has opened, and whether anything scrolls."""
    return page.evaluate(
        f"""async () => {{
            // Resize events (the on-screen keyboard) are handled in the next rendering steps.
            await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
            const root = {SHADOW};
            const opening = root.querySelector('.panel').getAnimations({{subtree: true}})
                .filter((a) => a.effect.getTiming().iterations !== Infinity);
            await Promise.all(opening.map((a) => a.finished));
            const box = (s) => root.querySelector(s).getBoundingClientRect();
            const panel = box('.panel'), input = box('#omzien-input'), send = box('.send');
            const log = root.querySelector('.log');
            return {{
                panel: [panel.left, panel.top, panel.right, panel.bottom],
                input_bottom: input.bottom, send_right: send.right, send_bottom: send.bottom,
                sideways: log.scrollWidth > log.clientWidth,
                viewport: [innerWidth, innerHeight],
            }};
        }}"""
    )


def assert_fits(layout: dict) -> None:
    width, height = layout["viewport"]
    left, top, right, bottom = layout["panel"]
    assert left >= 0 and top >= 0 and right <= width and bottom <= height, layout
    assert layout["input_bottom"] <= height and layout["send_bottom"] <= height, layout
    assert layout["send_right"] <= width, layout
    assert not layout["sideways"], layout


@pytest.mark.parametrize("viewport", [DESKTOP, PHONE], ids=["desktop", "phone"])
def test_axe_finds_nothing_serious_in_an_open_conversation(stack, new_page, run_axe, viewport):
    page = new_page(viewport)
    full_conversation(stack, page)
    violations = run_axe(page)
    assert violations == [], describe(violations)


def test_axe_finds_nothing_serious_in_the_error_state(stack, new_page, run_axe):
    page = new_page()
    page.goto(f"{stack.url}/")
    widget = Widget(page)
    widget.open()
    page.route(f"{stack.url}/chat", lambda route: route.abort())
    widget.input.fill("hallo")
    widget.input.press("Enter")
    expect(widget.error).to_be_visible()
    violations = run_axe(page)
    assert violations == [], describe(violations)


@pytest.mark.parametrize("path", ["/", "/privacy"])
def test_axe_finds_nothing_serious_on_the_pages(stack, new_page, run_axe, path):
    page = new_page()
    page.goto(f"{stack.url}{path}")
    violations = run_axe(page)
    assert violations == [], describe(violations)


def test_focus_is_visible_and_every_control_has_a_name(stack, new_page):
    page = new_page()
    page.goto(f"{stack.url}/")
    widget = Widget(page)
    widget.open_by_keyboard()
    page.keyboard.press("Escape")
    assert widget.focused() == "launcher"
    outline = widget.launcher.evaluate(
        "node => [getComputedStyle(node).outlineStyle, getComputedStyle(node).outlineWidth]"
    )
    assert outline[0] == "solid" and float(outline[1].removesuffix("px")) >= 2
    widget.open()
    for control in widget.host.locator("button, input, a").all():
        if control.is_visible():
            assert control.evaluate(
                "node => node.labels?.length || node.ariaLabel || node.textContent.trim()"
            )


def test_desktop_panel_is_a_non_modal_dialog(stack, new_page):
    page = new_page(DESKTOP)
    page.goto(f"{stack.url}/")
    widget = Widget(page)
    widget.open()
    expect(widget.panel).to_have_attribute("aria-modal", "false")
    expect(widget.panel).to_have_accessible_name("Chat met Omzien")
    expect(widget.host.get_by_role("log")).to_have_attribute("aria-live", "polite")


def test_on_a_phone_the_panel_is_modal_and_keeps_the_focus(stack, new_page):
    page = new_page(PHONE)
    page.goto(f"{stack.url}/")
    widget = Widget(page)
    widget.open_by_keyboard()
    expect(widget.panel).to_have_attribute("aria-modal", "true")
    for _ in range(12):
        page.keyboard.press("Tab")
        assert widget.focused() is not None, "focus left the dialog"
    for _ in range(12):
        page.keyboard.press("Shift+Tab")
        assert widget.focused() is not None, "focus left the dialog"


def test_reduced_motion_turns_off_animation(stack, new_page):
    animations = {}
    for motion in ("no-preference", "reduce"):
        page = new_page(reduced_motion=motion)
        page.goto(f"{stack.url}/")
        widget = Widget(page)
        widget.open()
        animations[motion] = widget.panel.evaluate("node => getComputedStyle(node).animationName")
    assert animations == {"no-preference": "omzien-in", "reduce": "none"}


def test_a_360_px_phone_with_the_keyboard_up_keeps_input_and_send_on_screen(stack, new_page):
    page = new_page(PHONE, is_mobile=True, has_touch=True)
    full_conversation(stack, page)
    assert_fits(fits_on_screen(page))
    page.set_viewport_size({"width": 360, "height": 400})  # the on-screen keyboard takes the rest
    Widget(page).input.focus()
    assert_fits(fits_on_screen(page))


@pytest.mark.parametrize("viewport", [DESKTOP, PHONE], ids=["desktop", "phone"])
def test_text_scales_to_200_percent(stack, browser, tmp_path, viewport):
    # Chromium's own font-size setting, as a person would set it: 32 px instead of 16 px.
    profile = tmp_path / "profile"
    (profile / "Default").mkdir(parents=True)
    preferences = {"webkit": {"webprefs": {"default_font_size": 32}}}
    (profile / "Default" / "Preferences").write_text(json.dumps(preferences))
    context = browser.browser_type.launch_persistent_context(
        str(profile), executable_path=str(CHROMIUM), headless=True, viewport=viewport
    )
    try:
        page = context.new_page()
        page.goto(f"{stack.url}/")
        widget = Widget(page)
        widget.open()
        widget.send("ik voel me eenzaam")
        title_size = widget.host.locator(".title").evaluate("n => getComputedStyle(n).fontSize")
        assert title_size == "36px"  # 1.125em of 32 px: twice the normal 18 px
        assert_fits(fits_on_screen(page))
        expect(widget.replies.first).to_be_visible()
        page_width = page.evaluate("() => [document.documentElement.scrollWidth, innerWidth]")
        assert page_width[0] <= page_width[1], "the landing page scrolls sideways"
    finally:
        context.close()


def test_screenshots_of_the_open_widget_for_review(stack, new_page):
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    shots = {
        "widget-desktop.png": DESKTOP,
        "widget-phone-360.png": PHONE,
    }
    for name, viewport in shots.items():
        page = new_page(viewport, reduced_motion="reduce")
        full_conversation(stack, page)
        page.screenshot(path=SCREENSHOTS / name)
    page.set_viewport_size({"width": 360, "height": 400})
    Widget(page).input.focus()
    page.screenshot(path=SCREENSHOTS / "widget-phone-360-keyboard.png")
    for name in [*shots, "widget-phone-360-keyboard.png"]:
        assert (SCREENSHOTS / name).stat().st_size > 10_000
