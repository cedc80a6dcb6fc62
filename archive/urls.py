"""Public browsing pages (filled in by the admin and pages issue)."""

app_name = "archive"
urlpatterns: list = []
