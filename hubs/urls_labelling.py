from django.urls import path

from .views import labelling, labelling_office, labelling_public

labelling_urlpatterns = [
    # The chamber (and office staff reading along)
    path("labelling/", labelling.application_list, name="labelling_applications"),
    path("labelling/new/", labelling.application_new, name="labelling_application_new"),
    path(
        "labelling/applications/<uuid:public_id>/",
        labelling.application_detail,
        name="labelling_application",
    ),
    path(
        "labelling/applications/<uuid:public_id>/edit/",
        labelling.application_edit,
        name="labelling_application_edit",
    ),
    path(
        "labelling/applications/<uuid:public_id>/evidence/",
        labelling.evidence_add,
        name="labelling_evidence_add",
    ),
    path(
        "labelling/applications/<uuid:public_id>/evidence/<uuid:evidence_id>/",
        labelling.evidence_download,
        name="labelling_evidence",
    ),
    path(
        "labelling/applications/<uuid:public_id>/evidence/<uuid:evidence_id>/delete/",
        labelling.evidence_remove,
        name="labelling_evidence_delete",
    ),
    path(
        "labelling/applications/<uuid:public_id>/submit/",
        labelling.application_submit,
        name="labelling_application_submit",
    ),
    path("labelling/labels/<uuid:public_id>/", labelling.label_detail, name="labelling_label"),
    path(
        "labelling/labels/<uuid:public_id>/certificate.pdf",
        labelling.label_certificate,
        name="labelling_certificate",
    ),
    path(
        "labelling/labels/<uuid:public_id>/report/",
        labelling.annual_report_new,
        name="labelling_annual_report",
    ),
    # Office staff
    path("labelling/office/", labelling_office.dashboard, name="labelling_office"),
    path(
        "labelling/applications/<uuid:public_id>/office/<slug:action>/",
        labelling_office.application_action,
        name="labelling_application_action",
    ),
    path(
        "labelling/labels/<uuid:public_id>/office/<slug:action>/",
        labelling_office.label_action,
        name="labelling_label_action",
    ),
    # The public
    path("labelling/verify/", labelling_public.verify, name="labelling_verify"),
    path("labelling/verify/<str:code>/", labelling_public.verify, name="labelling_verify_code"),
    path("labelling/register/", labelling_public.register, name="labelling_register"),
]
