from core.exceptions import ApplicationError


class TransitionNotAllowed(ApplicationError):
    pass


class PreFilingIncomplete(ApplicationError):
    pass
