"""API routes under /api/ (filled in by the REST API issue)."""

urlpatterns: list = []
