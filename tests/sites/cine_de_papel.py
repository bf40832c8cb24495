"""A whole fixture site in Spanish: "Cine de Papel", films and books reviewed in 1998,
made with FrontPage 3 (``tests.sites.pages``; every text written for these tests).

What it reproduces: "un comentario de <linked name>" over "Publicado el <date>" under
each headline (four writers over twenty reviews, each name linking to the writer's page);
books credited "Autores: X y Y" (two authors, never the reviewer); films credited over a
table's cells ("Dirección" | "Nombre<br>Apellido"); a link to a film database whose alt
text is the page's title ("<Título> - Videoteca") and a shop button with FrontPage's
automatic alt text; per-section <title> suffixes (" - Cine de Papel Crítica",
" - Cine de Papel Libros")."""

import datetime

from .pages import Article, Picture, Site

MESES = "enero febrero marzo abril mayo junio julio agosto septiembre octubre noviembre diciembre"
WRITERS = [
    ("Marisa Cuenca", "colaboradores/cuenca.htm"),
    ("Óscar Lindo", "colaboradores/lindo.htm"),
    ("Rocío Albarrán", "colaboradores/albarran.htm"),
    ("Tomás Urquijo", "colaboradores/urquijo.htm"),
]
FILMS = [
    ("El Puerto Dormido", "Inés Salvatierra", ["Pedro Ordaz", "Luz Medina"]),
    ("La Casa del Relojero", "Julián Ferrán", ["Adela Ruiz", "Bruno Peña"]),
    ("Verano en Almería", "Carmen Solís", ["Iván Rosales", "Nuria Gil"]),
    ("Los Hijos del Molino", "Emilio Cardona", ["Sara Vidal", "Raúl Campos"]),
    ("Niebla en el Valle", "Lorena Ibáñez", ["Hugo Serrano", "Marta Luján"]),
    ("El Último Tranvía", "Gonzalo Prieto", ["Elena Barros", "Diego Sanz"]),
    ("Arena y Sal", "Paula Echeverría", ["Tomás Vera", "Alba Nieto"]),
    ("La Novia del Faro", "Ramiro Quintero", ["Clara Montes", "Jaime Rubio"]),
    ("Cartas desde Tánger", "Beatriz Olmos", ["Samuel Cano", "Irene Lara"]),
    ("El Viaje de Fermín", "Andrés Castaño", ["Lola Herrera", "Pablo Nieto"]),
    ("Domingo sin Lluvia", "Silvia Robles", ["Mario León", "Eva Prado"]),
    ("La Feria de Otoño", "Héctor Molina", ["Julia Ramos", "Ángel Soto"]),
]
BOOKS = [
    ("Mapas del Silencio", ["Aurora Gallego", "Fermín Díaz"]),
    ("El Jardín de los Náufragos", ["Celia Ortega", "Rubén Lozano"]),
    ("Crónica de un Invierno", ["Daniel Pizarro", "Noelia Vargas"]),
    ("Las Horas Prestadas", ["Gloria Reyes", "Samuel Ibarra"]),
    ("Oficio de Sombras", ["Esteban Roca", "Mercedes Lago"]),
    ("Diario de la Costa", ["Irene Fuentes", "Lucas Beltrán"]),
    ("La Ciudad Sumergida", ["Alicia Mora", "Víctor Gallardo"]),
    ("Cuaderno de Viaje", ["Natalia Ríos", "Sergio Méndez"]),
]
PRESSES = ["Marea", "Alción", "Siete Mares", "Candil", "La Veleta"]
_OPEN = [
    "{title} empieza despacio, con una calle vacía y el ruido del mar, y tarda en dejar "
    "hablar a sus personajes, lo que ya dice mucho de la clase de obra que tenemos delante.",
    "Pocas obras de este año han sido tan pacientes como {title}, y menos todavía han "
    "confiado tanto en que el público entienda lo que los personajes callan.",
    "Sería fácil despachar {title} como otra historia pequeña sobre una familia en apuros, "
    "pero tiene en la cabeza mucho más de lo que su modesto presupuesto deja ver.",
    "Lo primero que llama la atención en {title} es el sonido: el viento, las gaviotas, un "
    "reloj en una cocina vacía, todo mezclado con tanto cuidado que el silencio pesa.",
]
_MIDDLE = [
    "El reparto es corto y cuidadoso, y nadie busca un efecto que el guion no se haya ganado; "
    "hay una escena en una mesa de cocina que dice más que cualquier discurso.",
    "La fotografía prefiere las mañanas grises y las tardes de lámpara, y la cámara guarda "
    "una distancia educada, como un invitado que no quiere molestar a nadie.",
    "Donde flojea es en el último tercio, que se apresura a atar cabos que eran más "
    "interesantes sueltos y deja que una revelación tardía haga el trabajo de los actores.",
    "La música aparece con cuentagotas, unos compases de piano al final de algunas escenas, "
    "y se agradece que deje a los ruidos corrientes de su mundo llenar el resto.",
    "Los secundarios levantan un pueblo entero alrededor de la historia sin pedir nunca un "
    "papel más grande, algo más raro de lo que debería en obras como esta.",
]
_CLOSE = [
    "No es para cualquier tarde, pero en la adecuada se queda con uno durante días.",
    "Conviene ir con paciencia y con alguien con quien discutir después.",
    "Una obra pequeña, pero entera, y un recordatorio de lo que se puede hacer en voz baja.",
]


def _text(number: int, title: str) -> list[str]:
    first = _OPEN[number % len(_OPEN)].format(title=title)
    middle = _MIDDLE[number % len(_MIDDLE)]
    later = _MIDDLE[(number * 2 + 1) % len(_MIDDLE)]
    close = _CLOSE[number % len(_CLOSE)]
    return [
        first,
        f"En {title}, {middle[0].lower()}{middle[1:]}",
        f"{later} {close} Así es {title}, el número {number + 1} de nuestra temporada.",
    ]


def _posted(number: int) -> datetime.date:
    return datetime.date(1998, 2, 3) + datetime.timedelta(days=9 * number)


def _printed(date: datetime.date) -> str:
    return f"Publicado el {date.day} de {MESES.split()[date.month - 1]} de {date.year}"


def build() -> Site:
    site = Site(
        name="Cine de Papel",
        template="frontpage3",
        nav=[
            ("Portada", "index.htm"),
            ("Cine", "cine/index.htm"),
            ("Libros", "libros/index.htm"),
            ("Colaboradores", "colaboradores/index.htm"),
        ],
        copyright="© 1998 Cine de Papel. Todos los derechos reservados.",
        language="es",
        title_pattern="{title} - {site} {section}",
    )
    for number, (title, director, cast) in enumerate(FILMS):
        writer, href = WRITERS[number % 3] if number % 4 else WRITERS[3]
        date = _posted(number)
        first, _, last = director.partition(" ")
        path = f"cine/{_file(title)}.htm"
        site.add(
            Article(
                path,
                title,
                _text(number, title),
                byline="un comentario de",
                author=writer,
                author_href=href,
                posted=_printed(date),
                credit_cells=[("Dirección", [first, last]), ("Intérpretes", cast)],
                pictures=[
                    Picture(
                        "imagenes/videoteca.gif",
                        "{title} - Videoteca",
                        "http://videoteca.example.es/t",
                    ),
                    Picture(
                        "imagenes/tienda.gif",
                        "tienda.gif (2210 bytes)",
                        "http://tienda.example.es/",
                    ),
                ],
                section="Crítica",
                expect={
                    "kind": "film_review",
                    "reviewer": writer,
                    "date": date.isoformat(),
                    "title": title,
                    "directors": [director],
                    "chrome": [f"{title} - Videoteca", "tienda.gif"],
                },
            )
        )
    for number, (title, authors) in enumerate(BOOKS, start=len(FILMS)):
        writer, href = WRITERS[number % 4]
        date = _posted(number)
        site.add(
            Article(
                f"libros/{_file(title)}.htm",
                title,
                _text(number, title),
                byline="un comentario de",
                author=writer,
                author_href=href,
                posted=_printed(date),
                credits=[
                    f"Autores: {authors[0]} y {authors[1]}",
                    f"Editorial {PRESSES[number % len(PRESSES)]}, {1990 + number % 8}.",
                ],
                section="Libros",
                expect={
                    "kind": "book_review",
                    "reviewer": writer,
                    "date": date.isoformat(),
                    "title": title,
                    "authors": authors,
                    "chrome": [],
                },
            )
        )
    for number, (name, href) in enumerate(WRITERS):
        site.add(
            Article(
                href,
                name,
                [
                    f"{name} escribe en Cine de Papel desde el primer número, sobre todo de "
                    "cine europeo y de novelas largas, y todavía organiza el cineclub de la "
                    f"biblioteca municipal los primeros jueves de cada mes ({number + 1})."
                ],
                section="",
                head_title=f"{name} - Cine de Papel",
                expect={"kind": "page", "title": name},
            )
        )
    return site


def _file(title: str) -> str:
    import unicodedata

    plain = unicodedata.normalize("NFKD", title).encode("ascii", "ignore").decode()
    return "".join(char for char in plain.lower() if char.isalnum())[:16]
