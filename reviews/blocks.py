"""The StreamField blocks every review, article and plain page is written in."""

from wagtail import blocks
from wagtail.contrib.typed_table_block.blocks import TypedTableBlock
from wagtail.embeds.blocks import EmbedBlock
from wagtail.images.blocks import ImageChooserBlock

from reviews.views import contributor_chooser_viewset

ContributorChooserBlock = contributor_chooser_viewset.get_block_class(
    name="ContributorChooserBlock", module_path="reviews.blocks"
)

INLINE_FEATURES = ["bold", "italic", "link", "document-link"]
BODY_FEATURES = [*INLINE_FEATURES, "ol", "ul", "h3", "h4", "blockquote"]


class EpigraphBlock(blocks.StructBlock):
    quote = blocks.TextBlock(help_text="The quotation, without quotation marks.")
    attribution = blocks.CharBlock(required=False, help_text="Who said or wrote it.")

    class Meta:
        icon = "openquote"
        template = "reviews/blocks/epigraph.html"
        label = "Epigraph"
        description = "A quotation set before the review begins."
        preview_value = {
            "quote": "Love is a symbol of eternity.",
            "attribution": "Author unknown",
        }


class SpoilerNoticeBlock(blocks.StructBlock):
    label = blocks.CharBlock(
        default="Spoiler alert", help_text="Shown in bold, e.g. “Spoiler alert”."
    )
    text = blocks.TextBlock(required=False, help_text="Optional: what the review gives away.")

    class Meta:
        icon = "warning"
        template = "reviews/blocks/spoiler_notice.html"
        label = "Spoiler notice"
        description = "Warns readers that what follows discusses the plot."
        preview_value = {"label": "Spoiler alert", "text": "This review discusses the ending."}


class SignatureBlock(blocks.StructBlock):
    contributor = ContributorChooserBlock(required=False)
    name = blocks.CharBlock(required=False, help_text="Only when the writer is not a contributor.")
    note = blocks.CharBlock(
        required=False,
        help_text="A title or affiliation printed under the name, e.g. “Pastor, Petros Church”.",
    )
    dateline = blocks.CharBlock(required=False, help_text="As printed, e.g. “March 2011”.")

    class Meta:
        icon = "user"
        template = "reviews/blocks/signature.html"
        label = "Signature"
        description = "The reviewer's name at the end, with an optional title and date."
        preview_value = {"name": "Howard Schumann", "dateline": "March 2011"}

    def clean(self, value):
        value = super().clean(value)
        if not value.get("contributor") and not value.get("name"):
            raise blocks.StructBlockValidationError(
                non_block_errors=["Choose a contributor or type a name."]
            )
        return value

    def get_searchable_content(self, value):
        contributor = value.get("contributor")
        names = [contributor.name] if contributor else []
        return names + super().get_searchable_content(value)


class HeadingBlock(blocks.StructBlock):
    text = blocks.CharBlock()
    level = blocks.ChoiceBlock(
        choices=[("h2", "Section heading"), ("h3", "Subheading")], default="h2"
    )

    class Meta:
        icon = "title"
        template = "reviews/blocks/heading.html"
        description = "A heading inside a long article."
        preview_value = {"text": "The early films", "level": "h2"}


class CaptionedImageBlock(blocks.StructBlock):
    image = ImageChooserBlock()
    alt_text = blocks.CharBlock(
        required=False, help_text="Describe the image for readers who cannot see it."
    )
    caption = blocks.CharBlock(required=False)
    credit = blocks.CharBlock(required=False, help_text="Photographer or distributor.")

    class Meta:
        icon = "image"
        template = "reviews/blocks/image.html"
        label = "Image"
        description = "A still or cover with caption and credit."


class PullQuoteBlock(blocks.StructBlock):
    quote = blocks.TextBlock()
    attribution = blocks.CharBlock(required=False)

    class Meta:
        icon = "openquote"
        template = "reviews/blocks/pull_quote.html"
        description = "A line from the text set large to catch the eye."
        preview_value = {"quote": "Nothing happens, and everything is lost."}


class QuotationBlock(blocks.StructBlock):
    quote = blocks.RichTextBlock(features=INLINE_FEATURES, help_text="The quoted passage.")
    source = blocks.CharBlock(required=False, help_text="Who or what it quotes.")

    class Meta:
        icon = "openquote"
        template = "reviews/blocks/quotation.html"
        label = "Quotation"
        description = "A passage quoted from a book, a script or another writer."
        preview_value = {
            "quote": "<p>All happy families are alike.</p>",
            "source": "Leo Tolstoy, Anna Karenina",
        }


class DataTableBlock(TypedTableBlock):
    """A table of figures or facts (never for layout): columns of short text."""

    text = blocks.CharBlock(required=False, label="Text")

    class Meta:
        icon = "table"
        label = "Table"
        description = "Rows and columns of data, such as box-office figures or a filmography."


class TrailerBlock(blocks.StructBlock):
    video = EmbedBlock(help_text="A YouTube or Vimeo address.")
    caption = blocks.CharBlock(required=False)

    class Meta:
        icon = "media"
        template = "reviews/blocks/trailer.html"
        label = "Trailer"
        description = "An embedded trailer or clip."


class StoryBlock(blocks.StreamBlock):
    """The body of every review, article and plain page."""

    epigraph = EpigraphBlock()
    spoiler_notice = SpoilerNoticeBlock()
    paragraph = blocks.RichTextBlock(
        features=BODY_FEATURES,
        label="Body text",
        icon="pilcrow",
        template="reviews/blocks/paragraph.html",
        description="Paragraphs of text with emphasis, links and lists.",
        preview_value="<p>There is much to stimulate the mind in this film.</p>",
    )
    preformatted = blocks.TextBlock(
        label="Preformatted text",
        icon="code",
        template="reviews/blocks/preformatted.html",
        description="Text whose line breaks and spacing matter: a script extract, a table "
        "typed with spaces, a poem.",
        preview_value="INT. CINEMA - NIGHT\n    The lights go down.",
    )
    table = DataTableBlock()
    heading = HeadingBlock()
    image = CaptionedImageBlock()
    pull_quote = PullQuoteBlock()
    quotation = QuotationBlock()
    trailer = TrailerBlock()
    signature = SignatureBlock()

    class Meta:
        block_counts = {"signature": {"max_num": 1}}
