"""The site's URLs with uploads served from disk, as production serves them without S3."""

from config.urls import urlpatterns as site_urlpatterns
from ops.media import media_urlpatterns

urlpatterns = media_urlpatterns() + site_urlpatterns
