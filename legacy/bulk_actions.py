"""The review queue's bulk actions (Wagtail's bulk-action framework, as snippets use it):
on the selected records, and on the pages imported from them.

Each page change is an editor's edit: a new revision by the user, published when the page
was live with nothing else waiting (a draft stays a draft, and so do unpublished changes),
logged. A check the action settles (a reviewer set, a date set, a kind chosen) leaves the
record, and the record's severity is its remaining worst.
"""

from collections.abc import Callable, Iterable

from django import forms
from django.db.models import Max
from django.template.defaultfilters import pluralize
from django.utils import timezone
from django.utils.functional import classproperty

from wagtail.admin import messages
from wagtail.models import Page
from wagtail.permission_policies.pages import PagePermissionPolicy
from wagtail.snippets.bulk_actions.snippet_bulk_action import SnippetBulkAction

from home.tree import ensure_site_tree
from legacy.models import SECTION_LABELS, ImportCheck, ImportRecord, ReimportJob, ReviewState
from legacy.parsing.profile import ProfileError, SiteProfile
from legacy.tasks import enqueue_reimport
from legacy.writing.convert import ConversionRefused, convert_page
from reviews.models import ArticlePage, Contributor, ReviewPage
from reviews.models.stories import StoryFields

CONFIRM_TEMPLATE = "legacy/admin/bulk_action_confirm.html"


class RecordBulkAction(SnippetBulkAction):
    """A bulk action on import records (and their pages)."""

    template_name = CONFIRM_TEMPLATE
    page_action = True  # acts on each record's page: the user must be able to edit it
    settles: tuple[str, ...] = ()  # the checks it resolves
    button_label = ""

    @classproperty
    def models(cls):
        return [ImportRecord]

    @classmethod
    def get_queryset(cls, model, object_ids):
        return list(
            ImportRecord.objects.filter(pk__in=object_ids)
            .defer("original_html", "removed", "leftovers")
            .select_related("page")
            .order_by("source_path")
        )

    def check_perm(self, record: ImportRecord) -> bool:
        user = self.request.user
        if not self.permission_policy.user_has_permission_for_instance(user, "change", record):
            return False
        if not self.page_action:
            return True
        return record.page_id is not None and self.page_permissions(record.page)

    def page_permissions(self, page: Page) -> bool:
        return page.permissions_for_user(self.request.user).can_edit()

    def get_context_data(self, **kwargs) -> dict:
        context = super().get_context_data(**kwargs)
        context["action_label"] = self.display_name
        context["button_label"] = self.button_label or self.display_name
        return context

    @classmethod
    def execute_action(cls, objects, self=None, **kwargs) -> tuple[int, int]:
        done = self.act(objects)
        settle(done, self.settles)
        return len(done), 0

    def act(self, records: list[ImportRecord]) -> list[ImportRecord]:
        """Do the action; the records it was done to."""
        raise NotImplementedError

    def get_success_message(self, num_parent_objects: int, num_child_objects: int) -> str:
        return f"{self.display_name}: {num_parent_objects} page(s)."

    def edit_pages(
        self, records: Iterable[ImportRecord], change: Callable[[Page], bool]
    ) -> list[ImportRecord]:
        """Apply ``change`` to each record's page (it returns False to skip the page) and
        save it as its editor would."""
        done = []
        for record in records:
            page = record.page.specific
            if change(page):
                save_as_editor(page, self.request.user)
                done.append(record)
        return done


def save_as_editor(page: Page, user) -> None:
    """A new revision by ``user``; published if the page was live with nothing waiting."""
    waiting = page.has_unpublished_changes
    revision = page.save_revision(user=user, log_action=True)
    if page.live and not waiting:
        revision.publish(user=user)


def settle(records: list[ImportRecord], names: tuple[str, ...]) -> None:
    """The checks ``names`` leave the records; each keeps its remaining worst severity."""
    if not names or not records:
        return
    ids = [record.pk for record in records]
    ImportCheck.objects.filter(record_id__in=ids, name__in=names).delete()
    worst = dict(
        ImportCheck.objects.filter(record_id__in=ids)
        .values_list("record_id")
        .annotate(Max("severity"))
    )
    for record in records:
        record.severity = worst.get(record.pk, 0)
    ImportRecord.objects.bulk_update(records, ["severity"])


class SetStateAction(RecordBulkAction):
    page_action = False
    state = ReviewState.CHECKED
    action_priority = 10

    def act(self, records):
        now = timezone.now()
        for record in records:
            record.review_state = self.state
            record.review_state_by = self.request.user
            record.review_state_at = now
        ImportRecord.objects.bulk_update(
            records, ["review_state", "review_state_by", "review_state_at"]
        )
        return records

    def get_success_message(self, num_parent_objects, num_child_objects):
        return f"{num_parent_objects} record(s) marked '{self.state.label}'."


class MarkCheckedAction(SetStateAction):
    display_name = "Mark checked"
    action_type = "mark_checked"
    aria_label = "Mark the selected pages checked"
    state = ReviewState.CHECKED


class MarkNeedsWorkAction(SetStateAction):
    display_name = "Needs work"
    action_type = "mark_needs_work"
    aria_label = "Mark the selected pages as needing work"
    state = ReviewState.NEEDS_WORK
    action_priority = 11


class MarkToCheckAction(SetStateAction):
    display_name = "To check"
    action_type = "mark_to_check"
    aria_label = "Put the selected pages back to check"
    state = ReviewState.TO_CHECK
    action_priority = 45


class ReviewerForm(forms.Form):
    contributor = forms.ModelChoiceField(
        queryset=Contributor.objects.order_by("name"),
        label="Reviewer or author",
        help_text="Set as the reviewer of reviews and the author of articles.",
    )


class SetReviewerAction(RecordBulkAction):
    display_name = "Set reviewer"
    action_type = "set_reviewer"
    aria_label = "Set the reviewer of the selected pages"
    form_class = ReviewerForm
    settles = ("review_without_reviewer", "reviewer_seen_once")
    action_priority = 20

    def act(self, records):
        contributor = self.cleaned_form.cleaned_data["contributor"]

        def set_writer(page: Page) -> bool:
            if isinstance(page, ReviewPage):
                page.reviewer = contributor
            elif isinstance(page, ArticlePage):
                page.author = contributor
            else:
                return False
            return True

        return self.edit_pages(records, set_writer)


class DateForm(forms.Form):
    date = forms.DateField(
        label="Publication date", widget=forms.DateInput(attrs={"type": "date"})
    )


class SetDateAction(RecordBulkAction):
    display_name = "Set date"
    action_type = "set_date"
    aria_label = "Set the publication date of the selected pages"
    form_class = DateForm
    settles = ("date_missing_or_approximate",)
    action_priority = 30

    def act(self, records):
        date = self.cleaned_form.cleaned_data["date"]

        def set_date(page: Page) -> bool:
            if not isinstance(page, StoryFields):
                return False
            page.date = date
            return True

        done = self.edit_pages(records, set_date)
        ImportRecord.objects.filter(pk__in=[r.pk for r in done]).update(undated=False)
        return done


class KindForm(forms.Form):
    kind = forms.ChoiceField(
        label="New kind",
        choices=list(SECTION_LABELS.items()),
        help_text="The page becomes a page of this kind, in its section, keeping its id, "
        "text, revisions and every old address. A field the new kind has no place for "
        "stops its page with a message: nothing is lost.",
    )


class ChangeKindAction(RecordBulkAction):
    display_name = "Change kind"
    action_type = "change_kind"
    aria_label = "Change the kind of the selected pages, or move them to another section"
    form_class = KindForm
    settles = ("kind_against_folder", "kind_outlier", "outside_sections")
    action_priority = 25  # among the four buttons the footer shows, not under "More"

    def act(self, records):
        target = self.cleaned_form.cleaned_data["kind"]
        tree = ensure_site_tree()
        done = []
        for record in records:
            try:
                convert_page(record.page, target, tree, user=self.request.user)
            except ConversionRefused as refused:
                messages.error(self.request, str(refused))
                continue
            done.append(record)
        return done

    def get_success_message(self, num_parent_objects, num_child_objects):
        return f"Kind changed: {num_parent_objects} page(s)."


class ReimportForm(forms.Form):
    section = forms.ChoiceField(
        label="File under",
        required=False,
        choices=[("", "Where the import put it"), *SECTION_LABELS.items()],
        help_text="A page filed under another kind becomes a page of that kind (as Change "
        "kind does), read again from its old file; a page that was skipped or failed gets "
        "its page. It runs in the background (its site is read again: minutes at thousands "
        "of pages): the review queue shows the job and what it did.",
    )
    profile = forms.CharField(
        label="Site profile",
        required=False,
        widget=forms.Textarea(attrs={"rows": 8, "class": "legacy-monospace"}),
        help_text="Corrections to what was learnt of the site, as the profile file of "
        "import_legacy --profile (TOML: [site], [[slot]], [chrome], [titles]). Empty: the "
        "run's own profile, if it had one.",
    )

    def clean_profile(self) -> SiteProfile | None:
        text = self.cleaned_data["profile"].strip()
        if not text:
            return None
        try:
            return SiteProfile.from_toml(text, source="the profile given in the review queue")
        except ProfileError as error:
            raise forms.ValidationError(str(error)) from error


class ReimportAction(RecordBulkAction):
    """Queues a re-import job for the task worker (``legacy.tasks``): reading a site again
    takes longer than a request may. The queue shows the job's state and what it did."""

    display_name = "Re-import"
    action_type = "reimport"
    aria_label = "Read the selected pages again from the old site, with a section or a profile"
    form_class = ReimportForm
    action_priority = 40

    def check_perm(self, record: ImportRecord) -> bool:
        if record.page_id is not None:
            return super().check_perm(record)
        # a failed or skipped page: re-importing it may create its page
        user = self.request.user
        return self.permission_policy.user_has_permission_for_instance(
            user, "change", record
        ) and PagePermissionPolicy().user_has_permission(user, "add")

    def act(self, records):
        data = self.cleaned_form.cleaned_data
        self.job = ReimportJob.objects.create(
            requested_by=self.request.user,
            records=[record.pk for record in records],
            section=data["section"],
            profile=self.cleaned_form.data.get("profile", "").strip() if data["profile"] else "",
        )
        enqueue_reimport(self.job)
        return []  # nothing changed yet: the worker writes the pages

    def get_success_message(self, num_parent_objects, num_child_objects):
        pages = len(self.job.records)
        return (
            f"Re-import {self.job.pk} of {pages} page{pluralize(pages)} queued: the queue "
            "shows its state, and what it did once done."
        )


class PublishAction(RecordBulkAction):
    display_name = "Publish"
    action_type = "publish_pages"
    aria_label = "Publish the selected pages"
    action_priority = 50

    def page_permissions(self, page):
        return page.permissions_for_user(self.request.user).can_publish()

    def act(self, records):
        done = []
        for record in records:
            page = record.page.specific
            revision = page.latest_revision or page.save_revision(user=self.request.user)
            revision.publish(user=self.request.user)
            done.append(record)
        return done


class UnpublishAction(RecordBulkAction):
    display_name = "Unpublish"
    action_type = "unpublish_pages"
    aria_label = "Unpublish the selected pages"
    action_priority = 51
    classes = {"serious"}

    def page_permissions(self, page):
        return page.permissions_for_user(self.request.user).can_unpublish()

    def act(self, records):
        done = []
        for record in records:
            page = record.page.specific
            if page.live:
                page.unpublish(user=self.request.user, log_action=True)
                done.append(record)
        return done


ACTIONS = (
    MarkCheckedAction,
    MarkNeedsWorkAction,
    MarkToCheckAction,
    SetReviewerAction,
    SetDateAction,
    ChangeKindAction,
    ReimportAction,
    PublishAction,
    UnpublishAction,
)
