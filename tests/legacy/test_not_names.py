"""A film database's link, a shop's button and a section's banner ("Video kaufen",
"Acheter la vidéo", "Alquilar vídeo", "Noleggio video") are no person's name in the site's
own language, as "Buy Video" and "Movie Credits" are none in English; people's names in
those languages still are (the lexicons' not_names)."""

import pytest

from legacy.parsing.bylines import is_person_name
from legacy.parsing.lexicon import lexicon_for, override

NOT_NAMES = {
    "en": ["Buy Video", "Movie Credits", "Rent Dvd", "Nitrate Online Feature"],
    "de": ["Video Kaufen", "Filmdatenbank Online", "Dvd Bestellen", "Abspann Besetzung"],
    "fr": ["Acheter Vidéo", "Boutique Vidéo", "Fiche Film", "Dossier Reportage"],
    "es": ["Alquilar Vídeo", "Ficha Técnica", "Comprar Dvd", "Tienda Online"],
    "it": ["Acquista Video", "Noleggio Video", "Scheda Film", "Speciale Online"],
}
NAMES = {
    "en": ["Elsa Dorfman", "Ann Lee"],
    "de": ["Gisela Weber", "Jürgen Vogt"],
    "fr": ["Hélène Marchal", "Luc Besson"],
    "es": ["Lucía Berrocal", "Javier Olmedo"],
    "it": ["Giulia Conti", "Marco Bellini"],
}


@pytest.mark.parametrize("language", sorted(NOT_NAMES))
def test_shop_and_banner_words_name_nobody_in_the_sites_language(language):
    with override(lexicon_for((language,))):
        assert [text for text in NOT_NAMES[language] if is_person_name(text)] == []
        assert all(is_person_name(name) for name in NAMES[language])
