from .cases import (
    Case,
    CaseAppointment,
    CaseEvent,
    CaseKind,
    FilingMilestones,
    ServiceLevelTarget,
    WaitingItem,
)
from .company import *  # noqa: F403 -- company-creation models, kept in their own module
from .personal_data import DocumentAccess, RetentionPeriod
from .reference import FeeGrid, GoodsServicesTerm, NiceClass
from .register import MarkScript, MarkStatus, RegisterMark
from .trademark import (
    ApplicantKind,
    FilingChannel,
    MarkType,
    PreFilingStatus,
    TrademarkPreFiling,
)

__all__ = [
    "ApplicantKind",
    "Case",
    "CaseAppointment",
    "CaseEvent",
    "CaseKind",
    "DocumentAccess",
    "FeeGrid",
    "FilingChannel",
    "FilingMilestones",
    "GoodsServicesTerm",
    "MarkScript",
    "MarkStatus",
    "MarkType",
    "NiceClass",
    "PreFilingStatus",
    "RegisterMark",
    "ServiceLevelTarget",
    "RetentionPeriod",
    "TrademarkPreFiling",
    "WaitingItem",
]
