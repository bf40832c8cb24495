# ruff: noqa: E501 (a table of invented films, one a line)
"""Texts for the fixture sites, written for these tests: invented films, people and prose,
assembled per page so that no two pages print the same paragraph."""

FILMS = [
    {"title": t, "file": f, "director": d, "cast": c, "writer": w, "minutes": m}
    for t, f, d, c, w, m in [
        ("The Salt Road", "saltroad", "Marta Kessling", ["Owen Trask", "Lidia Moreau"], "Paul Renner", 104),
        ("Harbour Lights", "harbour", "Dennis Colquhoun", ["Ada Brennan", "Felix Ward"], "Nora Tull", 97),
        ("A Winter Ledger", "ledger", "Yusuf Demir", ["Clara Voss", "Ben Hollis", "Mae Ortega"], "Yusuf Demir", 121),
        ("Quiet Engines", "engines", "Hal Sorensen", ["Pia Lund", "Marcus Obi"], "Greta Sand", 88),
        ("The Glass Orchard", "orchard", "Leonie Fabre", ["Jules Aubry", "Nina Castel"], "Remi Duval", 112),
        ("Night Ferry", "ferry", "Callum Reid", ["Iona Blair", "Stuart Kerr"], "Callum Reid", 95),
        ("Paper Lanterns", "lanterns", "Mei Tanaka", ["Kenji Mori", "Aiko Sato"], "Hiro Abe", 109),
        ("Sundown Motel", "motel", "Wade Pruitt", ["Lana Birch", "Cody Marsh"], "Jo Pruitt", 91),
        ("The Cartographer", "cartographer", "Anselm Roth", ["Vera Klein", "Otto Brandt"], "Lise Roth", 130),
        ("Low Tide", "lowtide", "Bridget Nolan", ["Sean Doyle", "Maura Keane"], "Ciaran Nolan", 99),
        ("Copper Sky", "coppersky", "Rafael Ibarra", ["Lucia Vega", "Tomas Rey"], "Ana Ibarra", 115),
        ("The Last Projectionist", "projectionist", "Ivo Petrak", ["Karel Novy", "Jana Dvorak"], "Ivo Petrak", 102),
        ("Field of Hours", "hours", "Signe Holm", ["Erik Strand", "Tove Berg"], "Nils Holm", 118),
        ("Borrowed Weather", "weather", "Priya Raman", ["Arjun Das", "Leela Nair"], "Kavi Raman", 94),
        ("The Tin Choir", "tinchoir", "Morgan Pryce", ["Gwen Lloyd", "Rhys Evans"], "Ffion Pryce", 106),
        ("Second Harvest", "harvest", "Elias Stone", ["June Archer", "Wes Calder"], "Ruth Stone", 101),
        ("A Room Above the Bakery", "bakery", "Sofia Lenz", ["Emil Hart", "Greta Lenz"], "Max Lenz", 93),
        ("Dry Season", "dryseason", "Kwame Asante", ["Esi Mensah", "Kofi Boateng"], "Ama Asante", 124),
        ("The Understudy", "understudy", "Celia Vance", ["Rupert Ames", "Tilly Hooper"], "Celia Vance", 98),
        ("Iron Meadow", "meadow", "Bruno Salas", ["Marta Gil", "Ivan Cruz"], "Pau Salas", 111),
        ("Lantern Bay", "lanternbay", "Tessa Quinn", ["Liam Burke", "Orla Hayes"], "Dara Quinn", 96),
        ("The Weight of Snow", "snow", "Anders Vik", ["Solveig Dahl", "Per Moen"], "Kari Vik", 127),
        ("Small Hours Radio", "radio", "Nadia Karim", ["Omar Haddad", "Rana Aziz"], "Nadia Karim", 89),
        ("Under the Viaduct", "viaduct", "George Mallory", ["Edith Crane", "Walter Finch"], "Ivy Mallory", 103),
    ]
]  # fmt: skip

FEATURES = [
    {
        "title": "Thirty Years of the Double Bill",
        "file": "doublebill",
        "paragraphs": [
            "The double bill was never meant to be art. It was a way of filling the seats on a "
            "wet Tuesday, a main feature with something cheaper in front of it, and yet for "
            "three decades it taught a whole town how to watch two films against each other.",
            "Ask anyone who grew up with it and they will remember the pairings before the "
            "films: a western with a cartoon, a thriller with a travelogue, once, famously, "
            "a costume drama with a documentary about bees that nobody has forgotten since.",
        ],
    },
    {
        "title": "Why We Still Go to the Matinee",
        "file": "matinee",
        "paragraphs": [
            "There is a particular light in a cinema at two in the afternoon, when the street "
            "outside is bright and the audience is made of pensioners, truants and people who "
            "have simply decided that the day can wait for a couple of hours.",
            "The matinee crowd laughs at different places from the evening crowd. It is "
            "quieter, more patient, and less inclined to check its watch, which may be why "
            "the slow films we love best seem to play better before the sun goes down.",
        ],
    },
    {
        "title": "The Lost Art of the Intermission",
        "file": "intermission",
        "paragraphs": [
            "Long films used to stop in the middle. The lights came up, an organ played, the "
            "ice cream trays went round, and the audience stood to stretch and argue about "
            "what they had seen so far before the second half began.",
            "Nobody misses the queues, but something went with the interval: the sense that "
            "a film was an occasion, shared with strangers, and that its first half deserved "
            "to be talked over before its second was allowed to begin.",
        ],
    },
]

OPENINGS = [
    "{name} has written about films for The Reel Cellar since its first issue, mostly about "
    "westerns, musicals and anything with a train in it, and still runs the film club at the "
    "public library on the first Thursday of every month.",
    "{name} came to film criticism from twenty years of teaching languages, which may explain "
    "a weakness for subtitles and a suspicion of dubbing, and writes for us from a flat above "
    "a bicycle shop on the edge of town.",
    "{name} reviews new releases and the occasional revival, and has been known to sit "
    "through the same film three times in one week to be sure of an opinion before putting "
    "it in print.",
    "{name} joined the magazine in its second year, after a letter to the editor that was "
    "longer and better argued than the review it complained about, and has covered the "
    "festival circuit for us ever since.",
]

_OPEN = [
    "{title} opens on a long shot of an empty street and takes its time before letting "
    "anyone speak, which tells you at once what kind of film this is going to be.",
    "Few films this year have been as patient as {title}, and fewer still have trusted "
    "their audience to work out for themselves what the characters are not saying.",
    "It would be easy to dismiss {title} as one more small drama about a family in "
    "trouble, but the film has more on its mind than its modest budget suggests.",
    "The first thing you notice about {title} is the sound: wind, gulls, the tick of a "
    "clock in an empty kitchen, all of it mixed so carefully that the silence feels loud.",
    "{title} arrives with a reputation from the festivals, and for once the praise is "
    "deserved, even if the film is odder and more stubborn than the reviews let on.",
    "Somewhere in the middle of {title} there is a five-minute scene without a cut, and it "
    "is the best thing on a screen in town this month by some distance.",
]
_MIDDLE = [
    "The cast is small and careful, and nobody reaches for an effect the script has not "
    "earned; the two leads share a scene at a kitchen table that says more than any speech.",
    "The photography favours grey mornings and lamplit evenings, and the camera stays at a "
    "polite distance, as if it too were a guest who did not want to intrude on anyone.",
    "Where the film falters is in its third act, which hurries to tie up threads that were "
    "more interesting left loose, and lets a late revelation do work the acting had done.",
    "The score is used sparingly, a few bars of piano at the ends of scenes, and the film "
    "is all the better for letting the ordinary noises of its world fill the rest.",
    "The editing deserves a mention of its own: scenes end a beat later than we expect, "
    "and that extra moment is where most of the feeling of the picture is kept.",
    "There are one or two jokes, quietly placed, and they land because the film has been "
    "so serious until then that a laugh comes as a relief to the audience as well.",
    "The supporting players fill in a whole town around the story without ever seeming to "
    "audition for a bigger part, which is rarer than it ought to be in films like this.",
]
_CLOSE = [
    "It is not a film for every evening, but on the right one it will stay with you for days.",
    "Go with patience and a friend to argue with afterwards; it rewards both generously.",
    "A small film, then, but a whole one, and a reminder of what the cinema can do quietly.",
    "See it on a large screen if you can: its best moments are in the corners of the frame.",
    "Flawed, certainly, yet more alive than most of what the big studios offered this year.",
]


def body_paragraphs(number: int, title: str) -> list[str]:
    """Three paragraphs of a review, different on every page."""
    opening = _OPEN[number % len(_OPEN)].format(title=title)
    first, then = (
        _MIDDLE[(number * step + offset) % len(_MIDDLE)] for step, offset in ((1, 0), (3, 2))
    )
    middle = f"In {title}, {first[0].lower()}{first[1:]} {then}"
    closing = _CLOSE[number % len(_CLOSE)]
    second = _MIDDLE[(number + 4) % len(_MIDDLE)]
    return [
        opening,
        middle,
        f"{second} {closing} That is {title}, number {number + 1} of our spring.",
    ]
