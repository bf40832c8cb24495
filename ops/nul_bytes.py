"""NUL bytes never reach the database.

PostgreSQL refuses NUL (U+0000) in text, so any URL argument, query parameter, form field or
cookie holding one turned a lookup into a 500 (``GET /contributors/%00/``). No slug, page
number, search, name or password of ours contains one, so instead of guarding every view,
this middleware (early in MIDDLEWARE) makes it impossible for one to arrive:

- a path holding NUL names no page or route: 404;
- query and form values lose their NUL bytes (search already ignored them, and a form then
  validates what is left, as it would a typing slip);
- a cookie holding NUL is not one we set: it is dropped, as if the browser had not sent it.
"""

from collections.abc import Callable

from django.http import HttpRequest, HttpResponse, HttpResponseNotFound, QueryDict

NUL = "\x00"
FORM_CONTENT_TYPES = ("application/x-www-form-urlencoded", "multipart/form-data")


def without_nul(data: QueryDict) -> QueryDict:
    cleaned = QueryDict(mutable=True)
    for key, values in data.lists():
        cleaned.setlist(key.replace(NUL, ""), [value.replace(NUL, "") for value in values])
    cleaned._mutable = False
    return cleaned


def holds_nul(data: QueryDict) -> bool:
    return any(NUL in key or any(NUL in value for value in values) for key, values in data.lists())


class NulByteMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if NUL in request.path_info:
            return HttpResponseNotFound("Not found", content_type="text/plain")
        if holds_nul(request.GET):
            request.GET = without_nul(request.GET)
        # Only forms: reading another body here would keep a view from reading it itself.
        is_form = request.method == "POST" and request.content_type in FORM_CONTENT_TYPES
        if is_form and holds_nul(request.POST):
            request.POST = without_nul(request.POST)
        for name in [name for name, value in request.COOKIES.items() if NUL in name + value]:
            del request.COOKIES[name]
        return self.get_response(request)
