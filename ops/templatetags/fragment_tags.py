"""``{% kept_fragment "name" key... %}…{% endkept_fragment %}``: a piece of a page rendered once
per published state of the site (ops.fragments) and shared by every reader and app server.

Django's ``{% cache %}`` keeps a fragment for a time; this one is dropped by whatever
drops cached pages (a publish, an image or contributor saved: ops.invalidation), and its key
names the release and the host the page is read on (links are relative to that site). A
preview always renders the draft itself, never what is kept for the live page.

    {% kept_fragment "story-article" page.pk page.live_revision_id %}
      <article>…</article>
    {% endkept_fragment %}
"""

from django import template
from django.template.base import FilterExpression, NodeList

from ops.fragments import content_cached

register = template.Library()


class KeptFragmentNode(template.Node):
    def __init__(self, nodelist: NodeList, name: FilterExpression, key: list[FilterExpression]):
        self.nodelist, self.name, self.key = nodelist, name, key

    def render(self, context) -> str:
        request = context.get("request")
        if request is None or getattr(request, "is_preview", False):
            return self.nodelist.render(context)
        key = ":".join(str(part.resolve(context)) for part in self.key)
        return content_cached(
            f"template:{self.name.resolve(context)}",
            f"{key}:{request.get_host()}",
            lambda: self.nodelist.render(context),
        )


@register.tag("kept_fragment")
def kept_fragment(parser, token) -> KeptFragmentNode:
    bits = token.split_contents()
    if len(bits) < 3:
        raise template.TemplateSyntaxError(f"{bits[0]} takes a name and at least one key")
    nodelist = parser.parse(("endkept_fragment",))
    parser.delete_first_token()
    return KeptFragmentNode(
        nodelist, parser.compile_filter(bits[1]), [parser.compile_filter(b) for b in bits[2:]]
    )
