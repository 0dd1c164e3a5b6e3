from .cases import Case, CaseEvent, CaseKind
from .company import *  # noqa: F403 -- company-creation models, kept in their own module
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
    "CaseEvent",
    "CaseKind",
    "FeeGrid",
    "FilingChannel",
    "GoodsServicesTerm",
    "MarkScript",
    "MarkStatus",
    "MarkType",
    "NiceClass",
    "PreFilingStatus",
    "RegisterMark",
    "TrademarkPreFiling",
]
