"""``{% picture %}``: Wagtail's ``{% image %}`` that leaves nothing out when the file is gone.

{% picture page.lead_image "width-960" class="lead-image" alt="" %}
{% picture value.image "width-960" alt=value.alt_text as img %}{% if img %}...{% endif %}
"""

from django import template
from django.utils.safestring import SafeString

from wagtail.images.models import AbstractImage

from reviews.pictures import rendition_or_none

register = template.Library()


@register.simple_tag
def picture(image: AbstractImage | None, spec: str, **attributes) -> SafeString | str:
    """The ``<img>`` of the image's rendition, or "" if there is no image or no file."""
    rendition = rendition_or_none(image, spec)
    return rendition.img_tag(attributes) if rendition else ""
