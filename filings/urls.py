from django.urls import path

from . import case_views, urls_company, views

app_name = "filings"

urlpatterns = [
    path("cases/", case_views.case_list, name="case_list"),
    path("cases/<uuid:public_id>/", case_views.case_detail, name="case_detail"),
    path("cases/<uuid:public_id>/message/", case_views.case_message, name="case_message"),
    path(
        "cases/<uuid:public_id>/trademark/",
        case_views.case_trademark_start,
        name="case_trademark_start",
    ),
    path("advisor/", case_views.advisor_home, name="advisor_home"),
    path("trademarks/", views.trademark_list, name="trademark_list"),
    path("trademarks/similar/", views.similarity_json, name="similarity_json"),
    path("trademarks/review/", views.review_list, name="review_list"),
    path("trademarks/<uuid:public_id>/", views.trademark_detail, name="trademark_detail"),
    path(
        "trademarks/<uuid:public_id>/step/<int:step>/",
        views.trademark_step,
        name="trademark_step",
    ),
    path(
        "trademarks/<uuid:public_id>/status/",
        views.trademark_transition,
        name="trademark_transition",
    ),
    path("trademarks/<uuid:public_id>/comment/", views.trademark_comment, name="trademark_comment"),
    path("trademarks/<uuid:public_id>/logo/", views.trademark_logo, name="trademark_logo"),
    path(
        "trademarks/<uuid:public_id>/filing-file.pdf",
        views.trademark_filing_file,
        name="trademark_filing_file",
    ),
] + urls_company.urlpatterns
