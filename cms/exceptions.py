from core.exceptions import ApplicationError


class RegistrationClosed(ApplicationError):
    pass


class IllegalRegistrationTransition(ApplicationError):
    pass
