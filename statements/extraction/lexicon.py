"""Word lists the rules lean on. Kept together so a newsroom can extend them in one place."""

import re


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


def alternation(words: frozenset[str]) -> str:
    """A regex alternation of ``words``, longest first, grouped by first letter so the engine
    tries only the words that can start where it stands (a flat list of 150 verbs is tried
    word by word at every word of the article)."""
    by_first: dict[str, list[str]] = {}
    for word in words:
        by_first.setdefault(word[0], []).append(word[1:])
    return "|".join(
        re.escape(first)
        + "(?:"
        + "|".join(re.escape(rest) for rest in sorted(rests, key=len, reverse=True))
        + ")"
        for first, rests in sorted(by_first.items())
    )


ABBREVIATIONS = _words(
    """
        Mr Mrs Ms Dr Prof St Sen Rep Gov Gen Col Lt Sgt Supt Insp Det Jr Sr Inc Ltd Co Corp No vs
        etc Jan Feb Mar Apr Jun Jul Aug Sep Sept Oct Nov Dec Mt Ft Rev Capt Cllr Hon a.m p.m e.g
        i.e approx
        """
)

# Verbs that attribute words to a speaker.
CLAUSE_VERBS = _words(
    """
        said says say told tells added adds insisted insists warned warns claimed claims argued
        argues stressed stresses explained explains admitted admits acknowledged acknowledges
        conceded concedes confirmed confirms announced announces declared declares noted notes
        suggested suggests wrote writes revealed reveals maintained maintains agreed agrees
        complained complains predicted predicts promised promises vowed vows pledged pledges ruled
        rules testified reiterated assured assures emphasised emphasized recalled recalls tweeted
        tweets posted posts saying urged urges denied denies alleged alleges stated states
        boasted boasts disclosed discloses asserted asserts contended contends accepted accepts
        confessed confesses hinted hints signalled signals cautioned cautions
        """
) | {"warning that", "cautioning that", "insisting that", "claiming that", "arguing that"}
# Participles that carry speech after a comma or in a "with" clause, like "saying": "...,
# warning that ...", "with Northern warning that ...". Only with "that": "warning" is also a
# noun.
PARTICIPLE_CLAUSE_VERBS = frozenset(
    {"saying", "warning that", "cautioning that", "insisting that", "claiming that", "arguing that"}
)
# Verbs whose object is the quoted words: the verb starts the partial quote's clause.
DESCRIBING_VERBS = _words(
    """
        called calls described describes accused accuses hailed hails branded brands labelled
        labeled dismissed dismisses praised praises criticised criticises criticized criticizes
        condemned condemns welcomed welcomes slammed slams blasted blasts attacked attacks
        mocked mocks defended defends blamed blames
        """
)
# Their participles, whose subject stands in a "with" clause: "with a judge describing ...".
PARTICIPLE_DESCRIBING_VERBS = _words(
    """
        describing calling branding labelling labeling accusing hailing condemning blaming
        """
)
# Verbs that attribute a direct quotation but never introduce reported speech.
QUOTE_ONLY_VERBS = _words(
    """
        asked asks replied replies responded responds continued continues shouted cried pleaded
        joked jokes quipped retorted countered remarked observed demanded begged began
        """
) | {"went on"}
SPEECH_VERBS = CLAUSE_VERBS | DESCRIBING_VERBS | QUOTE_ONLY_VERBS | PARTICIPLE_DESCRIBING_VERBS
# "Say" itself introduces speech whatever follows; other clause verbs also take plain objects
# ("announced a review", "declared a state of emergency"), so their clause must be one.
SAYING_VERBS = frozenset({"said", "says", "say", "saying"})
# "told" takes a listener before its clause: "told MPs the government had ...".
TELLING_VERBS = frozenset({"told", "tells"})

# Words between a subject and its speech verb: "has told", "had also said".
AUXILIARIES = _words(
    """
        has have had also later then previously again earlier once since now repeatedly first
        recently publicly reportedly yesterday today last
        """
)
# A subject followed by these is passive ("was told", "is said to"), not a speaker.
PASSIVE_AUXILIARIES = _words(
    """
        was were is are be been being
        """
)
# Words that, just before a would-be subject, show it is not one ("who police said").
NOT_BEFORE_SUBJECT = _words(
    """
        who whom whose which that as than of for to with by from about against at on in into after
        before when if because while where what
        """
)
# Of those, the ones that open a clause of its own, whose subject can speak: "after the company
# said ...".
CLAUSE_OPENERS = _words("after before when because while since although though once until")
# Words that may sit between a speech verb and "that": "said on Monday that".
ADVERBIAL_STARTERS = _words(
    """
        on in at during after before outside last this earlier later yesterday today tonight to
        when while from via through over under
        """
)

PRONOUNS = {"he": "m", "she": "f", "they": None, "it": None}
# Verbs of an answer: with a pronoun, the one answering is not the one who just spoke.
REPLY_VERBS = _words("replied replies responded responds answered answers retorted countered")
SUBJECT_PRONOUNS = _words("i you he she it we they there")

# How a reported clause shows its own verb: auxiliaries and modals, common irregular pasts.
FINITE_WORDS = _words(
    """
        is was were are am has have had will would could should can may might must did does do
        shall
        """
)
IRREGULAR_PAST = _words(
    """
        fell rose lost won took made went came saw knew thought felt gave got left kept meant
        paid put ran sold spent stood understood began broke brought built bought caught chose
        drew drove fought found grew heard held hit hurt led met sent set shut sat spoke struck
        taught threw wore wrote told said cut let quit bore became
        """
)
# Words that cannot open a reported clause: particles and prepositions after a verb ("ruled
# out", "warned of", "insisted on") and determiners of a plain object.
NOT_CLAUSE_STARTERS = _words(
    """
        out up off down back away of about on against for to with into over by from at as
        """
)
# Words that open a clause inside an object: "which allowed", "after talks broke down".
SUBORDINATING_WORDS = _words(
    """
        which who whose whom where when after before while because since until unless if
        although though once as
        """
)
CLAUSE_DETERMINERS = _words(
    """
        a an the this that these those his her its their our my your of for with by in on to at
        from into about over after before new more less very
        """
)

# Courtesy titles and honours; the gender they imply, when they imply one.
HONORIFICS = {
    "Mr": "m", "Mrs": "f", "Ms": "f", "Miss": "f", "Mx": None, "Dr": None, "Prof": None,
    "Professor": None, "Sir": "m", "Dame": "f", "Lord": "m", "Lady": "f", "Baroness": "f",
    "Baron": "m", "Judge": None, "Justice": None, "Rev": None, "Reverend": None, "Father": "m",
    "Sister": "f", "Rabbi": None, "Imam": None, "Bishop": None, "Archbishop": None,
    "King": "m", "Queen": "f", "Prince": "m", "Princess": "f", "Duke": "m", "Duchess": "f",
}  # fmt: skip
# Honours kept in the name when the article gives no first name: "Lord Pemberton".
NAME_KEEPING_HONORIFICS = _words(
    """
        Sir Dame Lord Lady Baroness Baron King Queen Prince Princess Duke Duchess
        """
)
# Capitalised words of office that can stand before a name: "Home Secretary Priti Patel".
OFFICE_WORDS = _words(
    """
        Minister Secretary Chancellor Commissioner Leader President Vice Deputy Shadow Premier
        Chief Executive Officer Director Chairman Chairwoman Chair Governor Senator Sen Rep
        Representative Congressman Congresswoman Mayor Councillor Cllr Coach Manager Captain Capt
        Inspector Superintendent Supt Insp Det Detective Sergeant Sgt Constable Con PC DC DS DI
        DCI Ch Gen General Col Colonel Lt Maj Major Admiral Ambassador Attorney Speaker Prosecutor
        Sheriff Gov Officer Member Editor Founder Professor Prof MP MSP MEP MLA AM
        """
)
# Common given names across cultures. A capitalised word before "Given Surname" that is not
# itself a given name is a description ("Headteacher Sarah Oduya", "Paramedic Kerry Bolton"),
# whatever the description is; the list only has to know names, not every job.
GIVEN_NAMES = _words(
    """
        Aaliyah Aaron Abbie Abdul Abdullah Abigail Ada Adaeze Adam Adrian Agnes Ahmed Aidan Ailsa
        Aimee Aisha Akua Alan Alasdair Albert Alejandro Alex Alexander Alexandra Alfie Ali Alice
        Alicia Alison Ama Amanda Amara Amelia Amina Amir Amira Amy Ana Anders Andrea Andrew Andy
        Angela Angus Anil Anita Ann Anna Anne Annie Anthony Antonio Anya Aoife Archie Arjun Arthur
        Asha Ashley Astrid Aurelia Ava Ayesha Barbara Barry Becky Ben Benjamin Bernard Beth Bethan
        Bethany Bill Billy Bob Brendan Brian Bridget Bronwen Bruce Callum Camila Carl Carlos Carmen
        Carol Caroline Carys Catherine Cerys Charles Charlie Charlotte Chelsea Chen Chidi Chloe
        Chris Christine Christopher Chukwu Cian Ciara Claire Clara Clive Colin Connor Conor
        Courtney Craig Dafydd Dan Dana Daniel Danielle Darren Dave David Dawn Dean Deborah Declan
        Deepa Deepak Demi Denise Dennis Derek Dermot Diana Diane Diego Divya Dmitri Dominic Donna
        Dorothy Douglas Duncan Dylan Ed Edward Eileen Eleanor Elena Eliza Elizabeth Ella Ellen
        Ellie Emeka Emer Emily Emma Eoin Eric Erik Erin Esther Ethan Eva Evelyn Ewan Farah Fatima
        Felix Femi Fergus Fernando Fiona Florence Francesca Francesco Francis Frank Fraser Freddie
        Freja Freya Gabby Gabriel Gareth Gary Gavin Gemma Geoffrey George Georgia Gerald Gethin
        Giulia Glen Glenn Gordon Grace Graeme Graham Greg Hamish Hana Hannah Hans Harriet Harry
        Haruto Harvey Hassan Hayley Heather Heike Helen Helena Henry Hina Hiroshi Holly Howard Hugh
        Hugo Hyun Ian Ibrahim Ifeoma Imogen Imran Ingrid Isaac Isabel Isabella Ivan Izzy Jack Jacob
        Jake James Jamie Jan Jane Janet Jasmine Jason Javier Jean Jed Jen Jenna Jennifer Jenny Jens
        Jeremy Jess Jessica Jill Jim Jo Joan Joanna Joanne Jodie Joe Joel John Jonah Jonathan
        Jordan Jorge Jose Joseph Josephine Josh Joshua José Joy Juan Jude Judith Judy Julia Julie
        Justin Kai Kane Karen Kate Katherine Kathleen Kathryn Katie Katrin Kavita Kayleigh Keeley
        Keith Kelly Kemi Ken Kenji Kenneth Kerry Kevin Kieran Kim Kirsten Kirsty Klaus Kofi Kwabena
        Kwame Kyle Lars Laura Lauren Leah Leanne Lee Leigh Leila Lenny Leo Leon Lewis Liam Lily
        Linda Lindsay Linh Lisa Liv Liz Lorna Lorraine Louis Louise Luca Lucia Lucy Luis Luke Lydia
        Lynn Malcolm Mandy Marco Marcus Margaret Maria Marie Marion Mark Marta Martha Martin Mary
        Mateo Matteo Matthew Maureen Maxine Maya Meg Megan Mehmet Melanie Mia Michael Michelle Mike
        Miles Millie Mohamed Mohammed Molly Morag Morgan Muhammad Nadia Nadine Naomi Natalie
        Natasha Nathan Nathaniel Neil Neville Ngozi Niall Niamh Nicholas Nick Nicola Nicole Nigel
        Nikhil Nina Nkechi Noah Noor Norman Oksana Oliver Olivia Ollie Oluwaseun Omar Oscar Owen
        Pablo Padraig Paige Pamela Patricia Patrick Paul Paula Pedro Peter Petra Phil Philip Phoebe
        Pierre Pooja Poppy Priya Priyanka Quentin Rachael Rachel Rafael Rahul Raj Rajesh Ralph Ravi
        Rebecca Reece Reggie Rhian Rhiannon Rhys Richard Rita Rob Robert Robin Roger Roisin Ron
        Ronan Rory Rosa Rose Ross Roy Rufus Russell Ruth Ryan Sally Sam Samantha Sami Samira Samuel
        Sandra Sanjay Santiago Sara Sarah Scott Seamus Sean Seb Sebastian Seren Sergei Shannon
        Sharon Shaun Sheila Shirley Sian Simon Sinead Siobhan Sofia Sophie Stacey Stanley Stephanie
        Stephen Steve Steven Stuart Sunita Susan Sven Takashi Tamsin Tanya Tara Tash Teddy Teresa
        Terry Tess Theo Thomas Tim Timothy Toby Tom Tomás Toni Tony Tracey Tracy Trevor Tristan
        Tunde Tyler Valentina Valerie Vanessa Vicky Victoria Vikram Vince Vincent Warren Wayne Wei
        Wendy William Wolfgang Xavier Yasmin Yaw Yuki Yusuf Yvonne Zac Zach Zainab Zoe
        """
)
# Capitalised words that start a sentence or a phrase but never a name.
FUNCTION_WORDS = _words(
    """
        The A An But And In On At As For From By With After Before When While If Since Although
        Though Because So Yet Or Nor Then Now Here There This That These Those His Her Its Their
        Our My Your It He She They We I You Speaking Asked Sentencing Defending According
        Meanwhile However Last Next Every Each Some Many Most Several All Both One Two Three Not
        No Only Even Also Still Ex Under Over Despite During Without Within Instead Why What How
        Who Where Which
        """
)
CALENDAR_WORDS = _words(
    """
        Monday Tuesday Wednesday Thursday Friday Saturday Sunday January February March April May
        June July August September October November December Christmas Easter
        """
)
POST_NOMINALS = _words(
    """
        MP MSP MS AM MLA MEP QC KC OBE MBE CBE Jr Sr II III
        """
)

# Words that make a capitalised phrase an organisation.
ORGANIZATION_WORDS = _words(
    """
        Police Constabulary Council Office Department Ministry Party Commission Agency Association
        Institute Trust Service Services University College School Academy Hospital Railway
        Railways Rail Bank Group Inc Inc. Ltd Ltd. plc Corp Corp. Company Homes Union Federation
        League Club FC United City Town Rovers Athletic Committee Authority Board Foundation
        Society Network Networks House News Court District Government Parliament Senate Congress
        Assembly Airways Airlines Partners Capital Holdings Media Studios Museum Library Church
        Cathedral Prison Council Watch Times Post Herald Rescue Ambulance Coastguard Unit
        """
)
# Organisation words that take "of"/"for": "Department of Health", "Institute for ...".
ORGANIZATION_HEADS = _words(
    """
        Department Ministry Institute University Office Bank College Society Association
        Federation Commission Council Board Union Church Court Museum Royal House Chamber Centre
        Center School Academy League Committee
        """
)
# Areas public bodies are named for, joined by "and" or listed with commas: "Fire and Rescue",
# "Department for Culture, Media and Sport", "Housing, Communities and Local Government
# Committee".
AREA_WORDS = _words(
    """
        Fire Rescue Health Social Care Safety Crime Justice Housing Communities Local Government
        Education Skills Science Technology Innovation Culture Media Sport Business Trade Energy
        Industrial Strategy Environment Food Rural Affairs Work Pensions Transport Defence Security
        Immigration Customs Revenue Excise Digital Foreign Commonwealth Development Levelling
        Planning Policing Welfare Equality Human Rights Arts Heritage Tourism Agriculture
        Fisheries Research Enterprise Employment Finance Treasury Economy Infrastructure Water
        Climate Net Zero Family Children Families Youth Ambulance Coastguard Marine Wildlife
        """
)
PLACE_WORDS = _words(
    """
        Common Street Road Park Square Lane Avenue Heath Airport Station Stadium Centre Bridge
        River Island Islands Valley Mountains Sea Ocean Coast
        """
)

# Head nouns of role phrases that name an office someone holds ("the policing minister").
ROLE_NOUNS = _words(
    """
        minister secretary chancellor commissioner president leader chief executive chairman
        chairwoman chair director judge manager coach captain head boss mayor governor senator
        congressman congresswoman constable inspector superintendent prosecutor attorney barrister
        solicitor lawyer headteacher headmaster headmistress principal author founder owner
        premier officer sheriff general admiral ambassador envoy bishop archbishop professor
        consultant surgeon editor presenter skipper ceo chair spokesman
        """
)
# Words that make a different office of a role: "shadow health secretary" is not the health
# secretary, nor is "former", "deputy" or "junior" one.
ROLE_CHANGING_WORDS = _words(
    """
        shadow former ex deputy junior assistant vice acting interim incoming previous late
        then next future would-be associate
        """
)
# Nouns that, after "the", describe a person the story has already named: "the 24-year-old
# added", "the striker said". (Office holders are in ROLE_NOUNS.)
PERSON_NOUNS = _words(
    """
        striker midfielder defender goalkeeper keeper winger forward player star veteran rookie
        teenager youngster champion athlete batter bowler batsman opener singer actor actress
        politician mp peer campaigner activist father mother grandmother grandfather pensioner
        businessman businesswoman entrepreneur billionaire tycoon economist scientist
        researcher historian novelist writer artist musician rapper comedian doctor nurse teacher
        farmer driver rider boxer fighter golfer cyclist swimmer runner sprinter
        """
)
# People a story quotes without naming them ("her daughter said", "one resident said"), with
# the gender the noun implies. A pronoun after them points back at them, not at a named person.
UNNAMED_PERSON_NOUNS: dict[str, str | None] = {
    **dict.fromkeys(
        _words(
            """
            resident witness neighbour neighbor passenger customer shopper commuter motorist
            onlooker bystander friend relative colleague parent pupil student patient victim
            worker employee driver fan supporter local survivor source voter
            """
        ),
        None,
    ),
    **dict.fromkeys(
        _words("daughter mother wife widow sister girlfriend grandmother aunt niece woman girl"),
        "f",
    ),
    **dict.fromkeys(
        _words("son father husband widower brother boyfriend grandfather uncle nephew man boy"),
        "m",
    ),
}
# Head nouns that point back at an organisation ("the company said").
ORGANIZATION_NOUNS = _words(
    """
        company firm club council force district department agency regulator watchdog government
        party charity group union school hospital trust board university bank network association
        commission service ministry office police constabulary court retailer supermarket airline
        operator insurer lender developer committee body organisation organization authority
        panel
        """
)
# Nouns that stand for the organisation the article last named when none of their kind is
# named: "the union said" after "the British Medical Association".
GENERIC_ORGANIZATION_NOUNS = _words(
    """
        company firm group club regulator watchdog charity retailer supermarket airline operator
        insurer lender developer union council force department agency trust board association
        body organisation organization committee authority service
        """
)
# Words in an organisation's name that show its kind, for 'the union', 'the force', ...
_POLICE = ("Police", "Constabulary")
_CLUB = ("FC", "United", "City", "Club", "Rovers", "Athletic", "Town", "Wanderers", "Albion")
FITTING_ORGANIZATION_WORDS: dict[str, tuple[str, ...]] = {
    "union": ("Union", "Association", "Federation", "Congress", "Guild", "Unite", "Unison"),
    "police": _POLICE,
    "officers": _POLICE,
    "detectives": _POLICE,
    "force": _POLICE,
    "club": _CLUB,
    "charity": ("Trust", "Foundation", "Charity", "Society", "Fund", "Appeal"),
    "department": ("Department", "Ministry", "Office"),
    "ministry": ("Department", "Ministry", "Office"),
    "company": ("Inc", "Inc.", "Ltd", "Ltd.", "plc", "Corp", "Corp.", "Group", "Holdings"),
    "firm": ("Inc", "Inc.", "Ltd", "Ltd.", "plc", "Corp", "Corp.", "Group", "Holdings", "LLP"),
    "committee": ("Committee",),
    "council": ("Council",),
    "regulator": ("Commission", "Authority", "Ofcom", "Ofgem", "Ofwat", "Ofsted"),
    "watchdog": ("Commission", "Authority", "Ofcom", "Ofgem", "Ofwat", "Ofsted"),
}
# Documents a body speaks through: "the report said", "the statement added".
DOCUMENT_NOUNS = _words("report statement letter review study survey filing notice guidance")
# Nouns for police officers as a body ("Officers said ...").
POLICE_NOUNS = _words(
    """
        police officers detectives investigators
        """
)
SPOKESPERSON_NOUNS = _words(
    """
        spokesperson spokesman spokeswoman representative source official insider
        """
)
# Words that make a would-be subject a clause of its own ("his players had lacked ...").
BLOCKING_WORDS = _words(
    """
        was were is are has have had been will would could should who which that after when
        because while before if
        """
)
# Particles inside people's names: "Ursula von der Leyen", "Rafael da Silva".
NAME_PARTICLES = _words("de van von der den da du la le al bin")
