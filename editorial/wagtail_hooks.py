"""Admin hooks for the editorial workflow: the dashboard panels."""

from wagtail import hooks

from editorial.dashboard import editorial_panels_for


@hooks.register("construct_homepage_panels")
def add_editorial_panels(request, panels: list) -> None:
    # Ours lists the same task states as Wagtail's moderation panel in a fixed number of
    # queries (Wagtail's asks for each row's actions and tasks), so it replaces that one.
    panels[:] = [panel for panel in panels if panel.name != "workflow_objects_to_moderate"]
    panels.extend(editorial_panels_for(request.user))
