"""The demo record: facts about the seed article that the article itself does not state.

Statement texts are not typed here: each is located in the seed by its first and last words,
so the stored text is verbatim by construction.
"""

import datetime
from dataclasses import dataclass

D = datetime.date

ORGANIZATIONS = [
    # slug, name, classification
    ("home-office", "Home Office", "government"),
    ("metropolitan-police-service", "Metropolitan Police Service", "police"),
    ("prime-ministers-office", "Prime Minister's Office", "government"),
    ("ministry-of-justice", "Ministry of Justice", "government"),
    ("crown-prosecution-service", "Crown Prosecution Service", "justice"),
    ("sky-news", "Sky News", "outlet"),
]


@dataclass(frozen=True)
class DemoPerson:
    slug: str
    name: str
    other_names: tuple[str, ...]
    organization: str
    title: str
    label: str
    start: datetime.date
    end: datetime.date


# fmt: off
PEOPLE = [
    DemoPerson("kit-malthouse", "Kit Malthouse", ("Mr Malthouse", "Kit Malthouse MP"),
               "home-office", "Minister of State for Crime and Policing", "policing minister",
               D(2019, 7, 25), D(2022, 7, 7)),
    DemoPerson("cressida-dick", "Cressida Dick", ("Ms Dick", "Dame Cressida Dick"),
               "metropolitan-police-service", "Commissioner of Police of the Metropolis",
               "Metropolitan Police commissioner", D(2017, 4, 10), D(2022, 4, 10)),
    DemoPerson("priti-patel", "Priti Patel", ("Ms Patel", "Priti Patel MP"),
               "home-office", "Home Secretary", "home secretary",
               D(2019, 7, 24), D(2022, 9, 6)),
    DemoPerson("boris-johnson", "Boris Johnson", ("Mr Johnson",),
               "prime-ministers-office", "Prime Minister", "prime minister",
               D(2019, 7, 24), D(2022, 9, 6)),
    DemoPerson("robert-buckland", "Robert Buckland", ("Mr Buckland",),
               "ministry-of-justice", "Lord Chancellor and Secretary of State for Justice",
               "justice secretary", D(2019, 7, 24), D(2021, 9, 15)),
    DemoPerson("max-hill", "Max Hill", ("Mr Hill",),
               "crown-prosecution-service", "Director of Public Prosecutions",
               "director of public prosecutions", D(2018, 11, 1), D(2023, 10, 31)),
]
# fmt: on


@dataclass(frozen=True)
class DemoEvent:
    slug: str
    title: str
    start: datetime.date
    location: str
    description: str
    parent: str | None = None
    participants: tuple[tuple[str, str], ...] = ()


VIGIL = "clapham-common-vigil"
INVESTIGATION = "clapham-common-vigil-policing-investigation"
TASKFORCE = "crime-and-justice-taskforce-meeting-march-2021"

EVENTS = [
    DemoEvent(
        VIGIL,
        "Vigil for Sarah Everard on Clapham Common",
        D(2021, 3, 13),
        "Clapham Common, London",
        "A vigil for Sarah Everard on Clapham Common in south London, where police were seen "
        "grabbing several women and leading them away in handcuffs.",
    ),
    DemoEvent(
        INVESTIGATION,
        "Independent investigation into the policing of the Clapham Common vigil",
        D(2021, 3, 14),
        "",
        "The independent investigation the Home Secretary asked for into the policing of the "
        "vigil.",
        parent=VIGIL,
        participants=(("priti-patel", "asked for the investigation"),),
    ),
    DemoEvent(
        TASKFORCE,
        "Crime and justice taskforce meeting",
        D(2021, 3, 15),
        "",
        "The government's crime and justice taskforce meets to look at what further action can "
        "be taken to protect women and girls and make sure streets are safe.",
        parent=VIGIL,
        participants=tuple(
            (slug, "expected attendee")
            for slug in (
                "boris-johnson",
                "priti-patel",
                "robert-buckland",
                "cressida-dick",
                "max-hill",
            )
        ),
    ),
]

SOURCE = {
    "outlet": "sky-news",
    "title": "Kit Malthouse interview on Sky News",
    "published_on": D(2021, 3, 14),
    "medium": "tv",
}
SAID_ON = D(2021, 3, 14)
SPEAKER = "kit-malthouse"


@dataclass(frozen=True)
class DemoStatement:
    kind: str
    first_words: str
    last_words: str
    events: tuple[str, ...]
    tags: tuple[str, ...]
    context: str = ""


# fmt: off
STATEMENTS = [
    DemoStatement("partial", "Clashes between police", "and “alarming”", (VIGIL,),
                  ("policing", "protest", "women's safety")),
    DemoStatement("partial", "officers were “happy”", "Saturday night’s chaos",
                  (VIGIL, INVESTIGATION), ("policing", "accountability")),
    DemoStatement("reported", "the under-pressure Metropolitan", "the force’s handling of events",
                  (VIGIL,), ("policing", "resignation calls")),
    DemoStatement("direct", "Along with everyone else", "in jeopardy and under threat.",
                  (VIGIL, INVESTIGATION),
                  ("policing", "women's safety", "protest", "accountability"),
                  context="Asked about the scenes at the vigil"),
    DemoStatement("reported", "ministers would use a meeting", "make sure streets are safe",
                  (TASKFORCE,), ("women's safety", "crime and justice taskforce")),
    DemoStatement("direct", "I recognise the police", "an incredible difficult position",
                  (VIGIL,), ("policing",)),
    DemoStatement("direct", "Throughout this pandemic", "extremely well between them.",
                  (VIGIL,), ("policing", "pandemic")),
]
# fmt: on


@dataclass(frozen=True)
class DemoCorrection:
    """A correction the demo record shows: the statement at `index` of STATEMENTS was first
    entered with `entered` where the article has `verbatim`, and corrected."""

    index: int
    verbatim: str
    entered: str
    reason: str


# The article's own words are "an incredible difficult position"; an entry that tidied them
# would no longer be verbatim, which is what a correction puts right.
CORRECTION = DemoCorrection(
    index=5,
    verbatim="an incredible difficult position",
    entered="an incredibly difficult position",
    reason="Our entry had tidied the quote (“incredibly difficult”); it now has the minister’s "
    "words as the article reported them: “incredible difficult”. On Record keeps quotes verbatim.",
)

# Local-only accounts, documented in the README; never created when DEBUG is off.
ACCOUNTS = [
    # username, password, group (None = superuser)
    ("admin", "onrecord-admin", None),
    ("editor", "onrecord-editor", "Editors"),
    ("reviewer", "onrecord-reviewer", "Reviewers"),
]
