"""The model's lookups between stages and services: the same answers as reading the content by
hand, in journey order, for branches and for support lists that name services or tags."""
import datetime

from walkthrough.model import Card, Contact, Content, Fact, NextStep, Service, Stage, SupportItem, VictimsCode


def _stage(sid, order, nexts=(), support=()):
    return Stage(id=sid, order=order, title=sid.title(), short_title=sid, summary="", what_happens=(),
                 your_rights=(), your_choices=(), how_long=Fact("", ""), who_you_will_deal_with=(),
                 if_you_are_unhappy=(), questions_to_ask=(), support=tuple(support), key_facts=(),
                 next=tuple(NextStep(n, None) for n in nexts), search_terms=(),
                 last_reviewed=datetime.date(2026, 1, 1), sources=(), file=f"stages/{sid}.yml")


def _service(sid, who=("anyone",), helps=(), area=("national",), **more):
    return Service(id=sid, name=sid, what_they_do="", who_for=tuple(who), helps_with=tuple(helps), area=tuple(area), **more,
                   contact=Contact((), (), (), None, None, None), hours=None, languages=(), cost=None,
                   last_verified=datetime.date(2026, 1, 1), source="")


def _content(stages, services=()):
    return Content(stages=tuple(stages), services=tuple(services), glossary=(),
                   code=VictimsCode("", "", datetime.date(2026, 1, 1), ()), tag_titles={})


def test_a_stage_reached_by_two_branches_lists_both_in_journey_order():
    decision = _stage("decision", 1, ["charged", "not-charged"])
    charged = _stage("charged", 2, ["after"])
    not_charged = _stage("not-charged", 3, ["after"])
    after = _stage("after", 4)
    content = _content([decision, charged, not_charged, after])
    assert content.previous(after) == (charged, not_charged)
    assert content.previous(charged) == (decision,)
    assert content.previous(decision) == ()
    assert content.stage("not-charged") is not_charged


def test_support_lists_the_chosen_services_in_order_then_services_for_everyone_its_needs_add():
    court = _service("witness-service", helps=("court",))
    talk = _service("helpline", helps=("talk-now",))
    both = _service("isva", helps=("talk-now", "court"))
    named = _service("local-centre", helps=())
    for_men = _service("men-only", who=("men",), helps=("talk-now", "court"))
    adults = _service("adults", helps=("talk-now", "court"), min_age=18)
    wales = _service("wales-only", helps=("talk-now", "court"), area=("wales",))
    support = [SupportItem(service="local-centre", why_now="Near you."), SupportItem(need="talk-now"),
               SupportItem(service="witness-service", why_now="At court."), SupportItem(need="court")]
    stage = _stage("trial", 1, support=support)
    content = _content([stage], [court, talk, for_men, adults, wales, both, named])
    # The designer's order, each with its why-now line; then tags add services for everyone only
    # (a narrower service appears only when named, with a line that says who it is for).
    assert content.support_cards(stage) == (Card(named, "Near you."), Card(court, "At court."), Card(both, None), Card(talk, None))
    assert content.services_for(stage, limit=3) == (named, court, both)
    # Named services are never cut, whatever the limit.
    assert content.services_for(stage, limit=1) == (named, court)
