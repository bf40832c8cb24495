"""The bulk-action footer's buttons, with the "More" menu's links in the page from the start.

Wagtail 8 builds the "More" menu as a dropdown whose links Tippy takes out of the document
until the menu has faded in; its bulk-actions script binds those links (the handler that
adds the selected ids to the URL) only on ``w-dropdown:shown``, at the end of the fade.
A link picked before then was followed bare, and its action opened with nothing selected.
Kept mounted, the links are in the footer when the script binds its buttons at page load.

The footer counts a snippet listing's selection in the model's own words ("2 import records
selected", "Select all import records in listing"), not Wagtail's "2 snippets selected": those
strings are Wagtail's ``wagtailConfig.STRINGS.BULK_ACTIONS.SNIPPET``, which its bulk-actions
script reads by the footer's item type; the page carries the model's and replaces them
(``editorial/static/editorial/bulk-action-names.js``).

Snippets' bulk Delete is offered for every snippet model; where the model's permission policy
lets the user delete none (import records are the importer's), it is not offered.
"""

from django import template
from django.apps import apps
from django.urls import reverse
from django.utils.translation import gettext as _

from wagtail.admin.templatetags.wagtailadmin_tags import bulk_action_choices
from wagtail.admin.widgets.button import ButtonWithDropdown
from wagtail.permissions import policy_registry
from wagtail.snippets.models import get_snippet_models

register = template.Library()


KEPT_MOUNTED = "editorial/admin/kept_mounted_dropdown.html"


def kept_mounted(button):
    if isinstance(button, ButtonWithDropdown):
        button.template_name = KEPT_MOUNTED
    return button


def deletes_nothing(user, app_label: str, model_name: str) -> bool:
    model = apps.get_model(app_label, model_name)
    if model not in get_snippet_models():
        return False
    return not policy_registry.get_by_type(model).user_has_permission(user, "delete")


def without(buttons: list, url: str) -> list:
    kept = []
    for button in buttons:
        if isinstance(button, ButtonWithDropdown):
            button.dropdown_buttons = without(button.dropdown_buttons, url)
            if not button.dropdown_buttons:
                continue
        if getattr(button, "url", None) != url:
            kept.append(button)
    return kept


@register.inclusion_tag("wagtailadmin/shared/buttons.html", takes_context=True)
def bulk_action_buttons(context, app_label: str, model_name: str) -> dict:
    choices = bulk_action_choices(context, app_label, model_name)
    buttons = choices["buttons"]
    if deletes_nothing(context["request"].user, app_label, model_name):
        delete_url = reverse("wagtail_bulk_action", args=[app_label, model_name, "delete"])
        buttons = without(buttons, delete_url)
    return {**choices, "buttons": [kept_mounted(button) for button in buttons]}


@register.simple_tag
def bulk_action_names(app_label: str, model_name: str, item_type: str = "") -> dict:
    """A snippet listing's footer strings in the model's words (empty for other listings,
    whose footers Wagtail words for their kind of item)."""
    if item_type != "SNIPPET" or not app_label or not model_name:
        return {}
    meta = apps.get_model(app_label, model_name)._meta
    names = {
        "item": meta.verbose_name,
        "items": meta.verbose_name_plural,
        "objects": "%(objects)s",
    }
    return {
        "strings": {
            "SINGULAR": _("1 %(item)s selected") % names,
            "PLURAL": _("%(objects)s %(items)s selected") % names,
            "ALL": _("All %(objects)s %(items)s on this screen selected") % names,
            "ALL_IN_LISTING": _("All %(items)s in listing selected") % names,
        },
        "select_all": _("Select all %(items)s in listing") % names,
    }
