"""Texts for the whole-site fixtures, written for them: invented films, people and prose.

A paragraph is put together from sentences about one film (its title, director and a
player substituted), chosen by a seeded random generator, so every page of a site reads
differently (the site pass must not mistake two reviews' paragraphs for chrome) and the
same seed always writes the same site.
"""

import random

FILMS = [
    ("The Salt Orchard", "Inga Vallin", "Maren Holt"),
    ("A Winter in Harrow", "Desmond Achterberg", "Colm Feeney"),
    ("Nine Lanterns", "Rosalind Okafor", "Tess Whitlow"),
    ("Paper Harbour", "Teodor Lisak", "Anneke Broos"),
    ("The Glass Orchestra", "Hollis Grange", "Vera Kostic"),
    ("Slow River Blues", "Amadou Sissoko", "Leland Pryce"),
    ("Kingdom of Moths", "Perrin Delacroix", "Odile Marchetti"),
    ("Under the Copper Sky", "Magda Wierzba", "Tomas Ruehl"),
    ("The Long Recess", "Francis Ambler", "Hattie Cole"),
    ("Lantern Street", "Yusuf Demirel", "Petra Lindqvist"),
    ("Forty Acres of Rain", "Wendell Haskins", "June Carrow"),
    ("The Clockmaker's Debt", "Ottilie Baird", "Rafe Duncannon"),
    ("Quiet Engines", "Sunil Varadan", "Mira Kaplan"),
    ("Blue Tuesday", "Noreen Quaid", "Barnaby Tull"),
    ("The Ferryman's Daughter", "Casimir Nowak", "Elena Prat"),
    ("Harvest of Mirrors", "Ludmila Serova", "Ivo Bartek"),
    ("Second Sight", "Gideon Marsh", "Carla Webb"),
    ("Saltwater Psalm", "Aileen Duffy", "Fergal Rowe"),
    ("The Ninth Floor", "Marcus Ebbing", "Dana Oyelaran"),
    ("Orchard Road Motel", "Beatrix Lowe", "Hank Delgado"),
    ("Northern Lullaby", "Sigrun Eide", "Pavel Horak"),
    ("The Cartographer", "Imogen Stroud", "Rhys Bellamy"),
    ("A House of Kites", "Kenji Arakawa", "Lucia Ferro"),
    ("Dust on the Piano", "Oren Shalev", "Nadia Volkov"),
    ("The Borrowed Summer", "Agnes Tillman", "Olly Strand"),
    ("Midnight at Fulham Broadway", "Clive Ashdown", "Priya Nair"),
    ("Steel and Lace", "Ramona Fitch", "Jerome Kwan"),
    ("The Weather Girl", "Benedikt Auer", "Sally Pike"),
    ("Crossing the Lowlands", "Hendrik de Wit", "Mila Jansen"),
    ("Cathedral of Static", "Zoe Marchbank", "Arturo Lenz"),
    ("The Last Tram to Ostend", "Pieter Claes", "Rosa Vandamme"),
    ("Tin Crown", "Lorcan Hale", "Eve Marston"),
    ("Seven Doors East", "Naomi Feld", "Caspar Ruiz"),
    ("The Beekeeper's Son", "Thaddeus Crane", "Bea Morland"),
    ("Lowtide", "Ingrid Solberg", "Matteo Russo"),
    ("Whistler's Cove", "Duncan Freer", "Ava Lindgren"),
    ("The Paper Moon Club", "Celeste Arnaud", "Otis Kimble"),
    ("Room Without a View", "Harriet Kemble", "Sami Haddad"),
    ("Signal Hill", "Brendan Coyle", "Freya Nolan"),
    ("The Orchardist", "Elsa Brandt", "Joaquim Sá"),
]

REVIEWERS = ["Gordon Ashby", "Lydia Farrant", "Pete Calloway", "Moira Quennell", "Sam Oduya"]

_OPENINGS = [
    "{director}'s {title} opens on a kitchen table and hardly leaves it for an hour.",
    "Nobody who sat through {title} at the festival last spring forgot the final reel.",
    "It takes {director} a long time to tell us what {title} is about, and the wait is worth it.",
    "{title} is the kind of small film that used to play for one week at the art house.",
    "There is a scene halfway through {title} in which {actor} simply waits for a bus.",
    "On paper {title} sounds like every other story of a family that has lost its farm.",
    "The first thing you notice about {title} is the sound: wind, kettles, distant trains.",
    "{actor} has never been better than she is in {title}, and she has been very good before.",
]
_MIDDLES = [
    "The camera stays at a polite distance and lets the actors find their own rhythm.",
    "Some of the dialogue is stiff, as if it had been translated twice on the way to the set.",
    "The photography makes a grey coastal town look like the most beautiful place on earth.",
    "{actor} plays the elder sister with a dry wit that keeps the melodrama at bay.",
    "A subplot about a stolen bicycle goes nowhere, but it goes there charmingly.",
    "The score, mostly a single cello, is used sparingly and all the better for it.",
    "{director} trusts the audience to notice things without having them underlined.",
    "The middle third sags, and one argument in a car park goes on far too long.",
    "What lifts the film is its patience with people who are not especially likeable.",
    "The editing is brisk in the city scenes and slows to a crawl in the countryside.",
    "Children in films are usually either angels or monsters; here they are merely bored.",
    "The budget was obviously tiny, and the film turns that into a kind of honesty.",
    "Several of the smaller parts are played by local people, and they are a delight.",
    "There is a wedding sequence that manages to be funny and sad in the same breath.",
    "The period detail is right without ever calling attention to itself.",
    "I was less convinced by the romance, which seems to exist because the genre demands it.",
]
_CLOSINGS = [
    "See it on the biggest screen you can find, and take someone who likes to argue.",
    "It is not a perfect film, but it is a generous one, and that is rarer.",
    "Worth the trip to the cinema, and worth a second look when it reaches video.",
    "{title} will not change your life, but it may change your Sunday afternoon.",
    "I left the cinema humming the cello theme and thinking about my own grandmother.",
    "A modest film that stays with you for days, which is more than most manage.",
]

_SPANISH = [
    "{title} es un juego de estrategia que exige paciencia y recompensa la curiosidad.",
    "Los gráficos no son lo mejor del programa, pero el sonido acompaña muy bien la partida.",
    "Hemos pasado varias tardes delante del ordenador intentando terminar la tercera fase.",
    "El manual viene en castellano, algo que todavía se agradece en estos tiempos.",
    "La dificultad crece poco a poco y nunca resulta injusta con el jugador novato.",
    "Se echa de menos un modo para dos jugadores en el mismo teclado.",
    "Los escenarios están dibujados a mano y tienen un encanto muy especial.",
    "Funciona sin problemas en un Pentium a cien megahercios con ocho megas de memoria.",
    "La música, compuesta para la ocasión, se queda en la cabeza durante días.",
    "Recomendamos jugarlo con calma y sin mirar las soluciones de las revistas.",
    "{title} nos ha parecido uno de los lanzamientos más interesantes de la temporada.",
    "Algunos enigmas son demasiado rebuscados y obligan a probar todo con todo.",
]

SPANISH_GAMES = [
    ("Torre de Cristal", "Estudios Meridiano"),
    ("La Isla de los Relojes", "Dinamo Soft"),
    ("Capitán Tormenta", "Ibérica Interactiva"),
    ("El Laberinto de Sal", "Estudios Meridiano"),
    ("Guerreros del Alba", "Pixel Hispano"),
    ("Ciudad Sumergida", "Dinamo Soft"),
    ("El Último Faro", "Arcadia Software"),
    ("Reinos de Papel", "Pixel Hispano"),
    ("La Corona de Arena", "Ibérica Interactiva"),
    ("Misterio en el Expreso", "Arcadia Software"),
    ("Fortaleza Negra", "Estudios Meridiano"),
    ("Pilotos del Desierto", "Dinamo Soft"),
    ("Los Señores del Valle", "Pixel Hispano"),
    ("Aventura en Cartagena", "Arcadia Software"),
    ("Noche de Brujas", "Ibérica Interactiva"),
    ("El Secreto del Alquimista", "Estudios Meridiano"),
    ("Galeones", "Dinamo Soft"),
    ("Tierra Prometida", "Pixel Hispano"),
    ("La Máquina del Tiempo", "Arcadia Software"),
    ("Rally Ibérico", "Ibérica Interactiva"),
    ("Dragones de Hielo", "Estudios Meridiano"),
    ("El Puerto Olvidado", "Dinamo Soft"),
]

_BLURB_OPENINGS = [
    "A quiet triumph",
    "A patient comedy",
    "A muddled thriller",
    "A small, sad film",
    "An overlooked gem",
    "A road movie",
    "A chamber piece",
    "A brave failure",
]
_BLURB_ENDINGS = [
    "about grief and good manners.",
    "that forgets to thrill, saved by its cast.",
    "about three sisters, one farm and a great deal of rain.",
    "that never leaves the car park.",
    "from a first-time director.",
    "with the year's best ending.",
    "about bees, debts and brothers.",
    "that deserves a bigger audience.",
]

SPANISH_REVIEWERS = ["Javier Olmedo", "Lucía Berrocal", "Andrés Quintana"]


class Writer:
    """Writes paragraphs about one work from the pools above; seeded, so repeatable."""

    def __init__(self, seed: int = 0) -> None:
        self.random = random.Random(seed)

    def review(self, title: str, director: str = "", actor: str = "", paragraphs: int = 3):
        """``paragraphs`` paragraphs of a review, each of three to five sentences."""
        fill = {
            "title": title,
            "director": director or "The director",
            "actor": actor or "Its lead",
        }
        chosen = self.random.sample(_MIDDLES, k=min(len(_MIDDLES), 3 * paragraphs))
        out = []
        for number in range(paragraphs):
            sentences = chosen[3 * number : 3 * number + 3]
            if number == 0:
                sentences = [self.random.choice(_OPENINGS), *sentences]
            if number == paragraphs - 1:
                sentences = [*sentences, self.random.choice(_CLOSINGS)]
            out.append(" ".join(sentence.format(**fill) for sentence in sentences))
        return out

    def spanish(self, title: str, paragraphs: int = 2) -> list[str]:
        chosen = self.random.sample(_SPANISH, k=min(len(_SPANISH), 3 * paragraphs))
        return [
            " ".join(s.format(title=title) for s in chosen[3 * n : 3 * n + 3])
            for n in range(paragraphs)
        ]

    def blurb(self) -> str:
        """One line an index prints beside a link: a short, whole sentence."""
        return f"{self.random.choice(_BLURB_OPENINGS)} {self.random.choice(_BLURB_ENDINGS)}"

    def choice(self, items):
        return self.random.choice(items)
