app_name = "filings"

urlpatterns: list = []
