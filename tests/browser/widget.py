"""The embedded widget as a person uses it, seen through its open shadow root."""

from __future__ import annotations

from playwright.sync_api import Page, expect

SHADOW = "document.querySelector('omzien-chat').shadowRoot"
ANSWERS = ".msg-bot, [data-card]"


class Widget:
    """Locators and actions for the widget on one page."""

    def __init__(self, page: Page):
        self.page = page
        self.host = page.locator("omzien-chat")
        self.launcher = self.host.locator(".launcher")
        self.panel = self.host.get_by_role("dialog")
        self.input = self.host.get_by_label("Je bericht")
        self.send_button = self.host.get_by_role("button", name="Verstuur")
        # exact: the bot's quick replies may say "praat met een mens" too
        self.human_button = self.host.get_by_role("button", name="Praat met een mens", exact=True)
        self.restart_button = self.host.get_by_role("button", name="Nieuw gesprek", exact=True)
        self.notice = self.host.locator(".notice")
        self.user_messages = self.host.locator(".msg-user")
        self.bot_messages = self.host.locator(".msg-bot")
        self.replies = self.host.locator(".replies button")
        self.typing = self.host.locator(".typing")
        self.error = self.host.get_by_role("alert")
        self.question = self.host.get_by_role("alertdialog")
        self.yes = self.question.get_by_role("button", name="Ja", exact=True)
        self.no = self.question.get_by_role("button", name="Nee", exact=True)
        self.status = self.host.locator(".status")

    def card(self, kind: str):
        """The last crisis or human-line card."""
        return self.host.locator(f"[data-card={kind}]").last

    def focused(self) -> str | None:
        """The class (or id) of the focused element inside the widget, None outside it."""
        return self.page.evaluate(
            f"""() => {{
                const inWidget = document.activeElement?.tagName === 'OMZIEN-CHAT';
                const active = inWidget ? {SHADOW}.activeElement : null;
                return active ? (active.id || active.className || active.tagName) : null;
            }}"""
        )

    def open_by_keyboard(self, max_tabs: int = 100) -> None:
        """Tab to the launcher as a keyboard user would, and press Enter."""
        self.host.wait_for(state="attached")
        for _ in range(max_tabs):
            self.page.keyboard.press("Tab")
            if self.focused() == "launcher":
                break
        else:
            raise AssertionError("the launcher cannot be reached with Tab")
        self.page.keyboard.press("Enter")
        expect(self.panel).to_be_visible()

    def open(self) -> None:
        """Open the panel with the launcher."""
        self.launcher.click()
        expect(self.panel).to_be_visible()

    def answers(self) -> int:
        """How many bot messages and cards are shown."""
        return self.host.locator(ANSWERS).count()

    def wait_for_answer(self, before: int) -> None:
        """Wait until the bot answered something new and is no longer busy."""
        self.page.wait_for_function(
            f"n => {SHADOW}.querySelectorAll('{ANSWERS}').length > n", arg=before, timeout=30_000
        )
        expect(self.typing).to_be_hidden()

    def send(self, text: str) -> None:
        """Type a message, press Enter and wait for the answer."""
        before = self.answers()
        self.input.fill(text)
        self.input.press("Enter")
        self.wait_for_answer(before)

    def choose(self, index: int = 0) -> str:
        """Click a quick reply, wait for the answer; its title."""
        button = self.replies.nth(index)
        title = button.inner_text()
        before = self.answers()
        button.click()
        self.wait_for_answer(before)
        return title
