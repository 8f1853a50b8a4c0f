"""The first use of a glossary term on a page explains itself; later uses and links are left alone."""
from markupsafe import Markup

from walkthrough.model import Term
from walkthrough.terms import TermMarker

TERMS = (Term("isva", "ISVA", ("Independent Sexual Violence Adviser",), "An adviser who **supports** you.", None),
         Term("bail", "bail", (), "Rules the suspect must follow.", None),
         Term("abe", "ABE interview", ("ABE",), "A video interview.", None))


def marker():
    return TermMarker(TERMS, lambda term_id: f"../glossary/#{term_id}")


def test_first_use_only_with_meaning_as_description():
    m = marker()
    first = m.explain(Markup("Your ISVA can help. Ask your ISVA."))
    assert first.count('class="wt-term"') == 1
    assert '<a class="wt-term" href="../glossary/#isva" aria-describedby="term-isva">ISVA</a>' in first
    assert ('<span class="wt-term__meaning" id="term-isva" hidden data-search-exclude="true">'
            'ISVA: An adviser who supports you.</span>') in first
    assert 'class="wt-term"' not in m.explain(Markup("Later, your ISVA again."))


def test_abbreviations_match_case_sensitively_and_words_in_any_case():
    m = marker()
    assert 'wt-term' not in m.explain(Markup("Isva is not the abbreviation."))
    assert 'href="../glossary/#bail"' in m.explain(Markup("Bail conditions apply."))


def test_longest_name_wins_and_links_are_left_alone():
    m = marker()
    html = m.explain(Markup('See <a href="x">the ABE interview</a>. Then your ABE interview.'))
    assert html.count("wt-term\"") == 1
    assert '<a href="x">the ABE interview</a>' in html
    assert '>ABE interview</a><button type="button" class="wt-term__button" aria-label="What does ABE interview mean?"' in html


def test_words_inside_other_words_do_not_match():
    assert "wt-term" not in marker().explain(Markup("Bailiffs and ISVAship are different words."))
