from django.urls import path

from . import company_views as views

urlpatterns = [
    path("companies/", views.company_list, name="company_list"),
    path("companies/queue/", views.company_queue, name="company_queue"),
    path("companies/check-name/", views.company_name_check_json, name="company_name_check"),
    path("companies/<uuid:public_id>/", views.company_detail, name="company_detail"),
    path("companies/<uuid:public_id>/step/<int:step>/", views.company_step, name="company_step"),
    path(
        "companies/<uuid:public_id>/documents/",
        views.company_document_upload,
        name="company_document_upload",
    ),
    path("companies/<uuid:public_id>/status/", views.company_transition, name="company_transition"),
    path("companies/<uuid:public_id>/message/", views.company_message, name="company_message"),
    path("companies/<uuid:public_id>/claim/", views.company_claim, name="company_claim"),
    path("companies/<uuid:public_id>/assign/", views.company_assign, name="company_assign"),
    path("companies/<uuid:public_id>/receipt.pdf", views.company_receipt, name="company_receipt"),
    path("companies/documents/<uuid:public_id>/", views.company_document, name="company_document"),
    path("companies/documents/access-log/", views.document_access_log, name="document_access_log"),
]
