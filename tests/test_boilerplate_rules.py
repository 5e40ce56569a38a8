"""Each default boilerplate rule, on lines it must remove and lines it must keep."""

from __future__ import annotations

import pytest

from cleantext.boilerplate import boilerplate_edits, default_rules

HEAD = "Trump and Putin Meet in Alaska\n\nANCHORAGE, Alaska — The two leaders met on Friday.\n\n"
TAIL = "\n\nThe talks are expected to continue next week, officials said on Saturday."

# (rule, line): the line, placed in an article, is removed by exactly this rule.
POSITIVE = [
    ("lone punctuation", "."),
    ("lone punctuation", "•"),
    ("lone punctuation", "·"),
    ("related-content trailer", "Related Content"),
    ("related-content trailer", "Related stories"),
    ("related-content trailer", "More on this story"),
    ("related-content trailer", "You may also like"),
    ("related-content trailer", "MOST READ"),
    ("read-more lead-in", "Read more from the Washington Examiner on the Trump-Putin meeting:"),
    ("read-more lead-in", "See more from our Europe desk:"),
    ("read-more lead-in", "Read more:"),
    ("read-more link", "READ MORE: What we know about the Trump-Putin summit"),
    ("read-more link", "See also: Putin invites Trump to Moscow"),
    ("read-more link", "Watch: Trump and Putin arrive at the summit"),
    ("read-more link", "Don't miss: Inside Trump's summit gamble"),
    ("read-more call to action", "Click here to read the full analysis"),
    ("read-more call to action", "Read the full story at the Examiner"),
    ("read-more call to action", "Continue reading"),
    ("read-more call to action", "Read more here."),
    (
        "photo caption with credit",
        "Putin and Trump shake hands in Anchorage. (Photo by Andrew Caballero-Reynolds / AFP)",
    ),
    ("photo caption with credit", "(AP Photo/Evan Vucci)"),
    ("photo caption with credit", "The base at dawn. (Image courtesy of the US Air Force)"),
    ("file-photo caption", "(FILES) Russian President Vladimir Putin arrives in Helsinki in 2018."),
    ("file-photo caption", "FILE PHOTO: Trump speaks to reporters aboard Air Force One."),
    ("photo credit line", "Photo: Getty Images"),
    ("photo credit line", "Photograph by Jane Doe"),
    ("photo credit line", "Photos: Inside the summit"),
    ("photo credit line", "REUTERS/Kevin Lamarque"),
    ("photo credit line", "Jane Doe/AFP via Getty Images"),
    ("image label", "Image source, Getty Images"),
    ("image label", "Image caption, Ukrainian soldiers near the front line"),
    ("reporting credit", "(Reporting by Guy Faulconbridge in Moscow; Editing by Alex Richardson)"),
    ("audio and comments widgets", "Listen to this article"),
    ("audio and comments widgets", "Comments (12)"),
    ("audio and comments widgets", "Leave a comment"),
    ("share line", "Share this article"),
    ("share line", "Share on Facebook"),
    ("share line", "Facebook Twitter WhatsApp Email"),
    ("share line", "Click to share on X (Opens in new window)"),
    ("share line", "Print"),
    ("subscribe line", "Subscribe"),
    ("subscribe line", "Sign up for our daily newsletter"),
    ("subscribe line", "Follow us on Facebook and Instagram for more local coverage"),
    ("subscribe line", "Get the latest headlines delivered to your inbox"),
    ("cookie and account notice", "We use cookies to personalise content and ads."),
    ("cookie and account notice", "Accept all cookies"),
    ("cookie and account notice", "Cookie settings"),
    ("cookie and account notice", "Already have an account? Log in"),
    ("read-more call to action", "Next article: Putin flies home"),
    ("footer links", "About Us | Contact Us | Privacy Policy"),
    ("footer links", "Terms of Service · Cookies · Accessibility"),
    ("advertisement", "Advertisement"),
    ("advertisement", "ADVERTISEMENT - SCROLL TO CONTINUE"),
    ("advertisement", "Story continues below advertisement"),
    ("advertisement", "Sponsored Content"),
    ("copyright line", "© 2025 Agence France-Presse. All rights reserved."),
    ("copyright line", "Copyright 2025 Anchorage Daily Herald"),
    ("wire end marker", "ENDS"),
    ("wire end marker", "-30-"),
    ("lone site signature", "radiodalsan"),
    ("lone site signature", "europeanvoice.com"),
    ("lone site signature", "@alaskanews"),
]

# Lines that look like a rule's target but are headlines, subheadings or body text.
NEGATIVE = [
    ("lone punctuation", "* * *"),
    ("lone punctuation", "?"),
    ("lone punctuation", "..."),  # an elision, e.g. in a transcript or code example
    ("lone punctuation", ".."),  # a reStructuredText comment marker
    ("lone punctuation", ";"),  # an empty statement in C code
    ("lone punctuation", "|"),  # a table rule
    ("copyright line", "© Co 0xa9 169 COPYRIGHT SIGN"),  # a row of a character table
    ("related-content trailer", "Related Risks for the Baltic States"),
    ("related-content trailer", "Top Officials Weigh In"),
    ("related-content trailer", "The Latest"),
    ("related-content trailer", "Latest News"),
    ("read-more lead-in", "Find more of the key findings in the report, officials said:"),
    ("read-more lead-in", "Trump Seeks to Broker Ceasefire"),
    ("read-more lead-in", "Find more about the plan below:"),
    ("read-more link", "Watch and Wait"),
    ("read-more link", "Ukraine War: Kyiv Reacts to the Alaska Summit"),
    ("read-more link", "Listen: I told him we would never give up the Donbas, he said."),
    ("read-more call to action", "Continue reading programs in Ukrainian schools were disrupted."),
    ("read-more call to action", "Click and Collect? Not for Territory"),
    ("photo caption with credit", "Photo opportunities were limited, and reporters kept away."),
    ("photo caption with credit", "He posted a clip of the meeting (video: Truth Social)."),
    ("file-photo caption", "Files released by the court (FILES) show the hack."),
    ("photo credit line", "Picture this: a deal signed on the tarmac in Anchorage."),
    ("photo credit line", "Credit: The Hidden Cost of Sanctions"),
    ("photo credit line", "Picture by picture, the story of the summit unfolds."),
    ("image label", "Image matters, caption writers say, in summit diplomacy."),
    ("reporting credit", "(Reporting on the talks was restricted to a small pool.)"),
    ("audio and comments widgets", "Comments from the Ukrainian foreign ministry were brief."),
    ("share line", "Share prices in Moscow rose 3% on Friday."),
    ("share line", "Print media were barred from the base."),
    ("share line", "Share With Caution"),
    ("subscribe line", "Subscribers to the Kremlin’s Telegram channel were shown footage."),
    ("subscribe line", "Follow the Money"),
    ("subscribe line", "Register to vote by October, the governor urged residents."),
    ("subscribe line", "Sign up rates rose after alerts were sent to residents"),
    ("cookie and account notice", "Cookies were served at the reception, officials said."),
    ("cookie and account notice", "Terms of the ceasefire were not disclosed."),
    ("cookie and account notice", "Privacy advocates criticised the plan."),
    ("cookie and account notice", "TERMS AND CONDITIONS"),  # a licence's section heading
    ("cookie and account notice", "Privacy Policy"),  # the title of a policy document
    ("footer links", "Help | Hope | Peace"),
    ("footer links", "Jobs / wages / prices: what the deal means"),
    ("advertisement", "Advertising revenue at the group rose 12 percent."),
    ("advertisement", "Sponsored by local churches, a vigil was held later."),
    ("copyright line", "Copyright claims over the summit footage were raised on Friday."),
    ("copyright line", "(c) the parties shall refrain from the use of force"),
    ("wire end marker", "End of an Era"),
    ("lone site signature", "“We will be here tomorrow, too,” she said."),
    ("lone site signature", "Anchorage"),
    ("lone site signature", "No Immediate Breakthrough"),
]


def _article(line: str, last: bool) -> tuple[str, int]:
    """An article holding ``line`` (as last line or in the middle) and the line's offset."""
    if last:
        return HEAD + line, len(HEAD)
    return HEAD + line + TAIL, len(HEAD)


def _removed_by(line: str, last: bool) -> set[str]:
    text, start = _article(line, last)
    end = start + len(line)
    return {
        edit.model.removeprefix("boilerplate: ")
        for edit in boilerplate_edits(text)
        if edit.start <= start and end <= edit.end
    }


def _is_last_rule(name: str) -> bool:
    return default_rules()[name].position in ("last", "tail")


@pytest.mark.parametrize(("rule", "line"), POSITIVE)
def test_rule_removes(rule: str, line: str) -> None:
    assert _removed_by(line, _is_last_rule(rule)) == {rule}


@pytest.mark.parametrize(("rule", "line"), NEGATIVE)
def test_rule_keeps(rule: str, line: str) -> None:
    # Kept wherever it stands: in the body and as the last line.
    assert _removed_by(line, last=False) == set()
    assert _removed_by(line, last=True) == set()


def test_every_default_rule_has_cases() -> None:
    names = set(default_rules().names)
    assert {rule for rule, _ in POSITIVE} == names
    assert {rule for rule, _ in NEGATIVE} == names


@pytest.mark.parametrize(
    "text",
    [
        "He said the talks were over\n.\nThen he left.",  # a wrapped full stop, not a stray mark
        "The talks ended without a\ndeal",  # a wrapped last word, not a signature
        "radiodalsan",  # a lone word with no body is not a signature of anything
        "The value is kept in a\nregister.\nThen it is read.",  # wrapped: the rest of a sentence
        "He declined to make any\ncomments.",
        "The page kept\nloading\nfor a minute.",
    ],
)
def test_standalone_and_body_guards(text: str) -> None:
    assert boilerplate_edits(text) == []


@pytest.mark.parametrize(
    "line",
    [
        "By Jane Smith",
        "ANCHORAGE, Alaska — The two leaders met on Friday.",
        "Updated 15 August 2025",
    ],
)
def test_bylines_and_datelines_stay(line: str) -> None:
    assert _removed_by(line, last=False) == set()
    assert _removed_by(line, last=True) == set()


def test_signature_only_as_last_line() -> None:
    text = "Headline\n\nradiodalsan\n\nThe article goes on after it, officials said."
    assert boilerplate_edits(text) == []
