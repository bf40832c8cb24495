"""The bulk-action footer's buttons, with the "More" menu's links in the page from the start.

Wagtail 8 builds the "More" menu as a dropdown whose links Tippy takes out of the document
until the menu has faded in; its bulk-actions script binds those links (the handler that
adds the selected ids to the URL) only on ``w-dropdown:shown``, at the end of the fade.
A link picked before then was followed bare, and its action opened with nothing selected.
Kept mounted, the links are in the footer when the script binds its buttons at page load.
"""

from django import template

from wagtail.admin.templatetags.wagtailadmin_tags import bulk_action_choices
from wagtail.admin.widgets.button import ButtonWithDropdown

register = template.Library()


KEPT_MOUNTED = "editorial/admin/kept_mounted_dropdown.html"


def kept_mounted(button):
    if isinstance(button, ButtonWithDropdown):
        button.template_name = KEPT_MOUNTED
    return button


@register.inclusion_tag("wagtailadmin/shared/buttons.html", takes_context=True)
def bulk_action_buttons(context, app_label: str, model_name: str) -> dict:
    choices = bulk_action_choices(context, app_label, model_name)
    return {**choices, "buttons": [kept_mounted(button) for button in choices["buttons"]]}
