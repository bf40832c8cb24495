"""``{% image_or_nothing %}``: Wagtail's ``{% image %}``, but nothing at all (not a broken
``<img src="not-found">``) when the image's file is gone. Not named ``picture``: Wagtail's
own library has a ``{% picture %}`` tag.

{% image_or_nothing page.lead_image "width-960" class="lead-image" alt="" %}
{% image_or_nothing value.image "width-960" alt=value.alt_text as img %}{% if img %}...{% endif %}
"""

from django import template
from django.utils.safestring import SafeString

from wagtail.images.models import AbstractImage

from reviews.pictures import rendition_or_none

register = template.Library()


@register.simple_tag
def image_or_nothing(image: AbstractImage | None, spec: str, **attributes) -> SafeString | str:
    """The ``<img>`` of the image's rendition, or "" if there is no image or no file."""
    rendition = rendition_or_none(image, spec)
    return rendition.img_tag(attributes) if rendition else ""
