import uuid

from django.conf import settings
from django.contrib.auth.models import AbstractUser, BaseUserManager
from django.db import models
from django.utils.translation import gettext_lazy as _

from core.regions import RegionCode


class UserManager(BaseUserManager):
    use_in_migrations = True

    def _create_user(self, email, password, **extra_fields):
        if not email:
            raise ValueError("An email address is required.")
        user = self.model(email=self.normalize_email(email).lower(), **extra_fields)
        user.set_password(password)
        user.save(using=self._db)
        return user

    def create_user(self, email, password=None, **extra_fields):
        extra_fields.setdefault("is_staff", False)
        extra_fields.setdefault("is_superuser", False)
        return self._create_user(email, password, **extra_fields)

    def create_superuser(self, email, password=None, **extra_fields):
        extra_fields.setdefault("is_staff", True)
        extra_fields.setdefault("is_superuser", True)
        return self._create_user(email, password, **extra_fields)


class User(AbstractUser):
    """A person who logs in by email. Roles are derived (see `accounts.roles`), never typed."""

    username = None
    email = models.EmailField(_("email address"), unique=True)
    phone = models.CharField(_("phone"), max_length=32, blank=True)
    city = models.CharField(_("city"), max_length=100, blank=True)
    region = models.CharField(_("region"), max_length=3, choices=RegionCode.choices, blank=True)
    preferred_language = models.CharField(
        _("preferred language"),
        max_length=5,
        choices=settings.LANGUAGES,
        default=settings.LANGUAGE_CODE,
    )
    # Kinds of optional emails the person turned off; required ones are sent regardless.
    email_opt_outs = models.JSONField(_("emails turned off"), default=list, blank=True)
    # Set when the person deleted their account: the row stays, emptied, so the cases and
    # appointments it owned keep counting in the anonymous figures.
    deleted_at = models.DateTimeField(_("deleted at"), null=True, blank=True, editable=False)

    USERNAME_FIELD = "email"
    REQUIRED_FIELDS: list[str] = []

    objects = UserManager()

    class Meta:
        verbose_name = _("user")
        verbose_name_plural = _("users")

    def __str__(self):
        if self.deleted_at:
            return str(_("Deleted account"))
        return self.get_full_name() or self.email


class Notification(models.Model):
    """Something that happened for one person: shown under the bell, and emailed once.

    The text is not stored: the kind's registered formatter writes it from `params` in the
    reader's language at display time (see `accounts.notifications`).
    """

    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="notifications"
    )
    kind = models.CharField(max_length=40)
    # One notification per event and person, whatever retries or duplicate messages happen.
    key = models.CharField(max_length=200, unique=True)
    params = models.JSONField(default=dict, blank=True)
    url = models.CharField(max_length=300, blank=True)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    read_at = models.DateTimeField(_("read at"), null=True, blank=True)
    emailed_at = models.DateTimeField(_("emailed at"), null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("notification")
        verbose_name_plural = _("notifications")
        indexes = [models.Index(fields=["user", "read_at"], name="notification_unread")]

    def __str__(self):
        return f"{self.user_id} {self.kind}"

    @property
    def text(self) -> str:
        from .notifications import notification_text

        return notification_text(self)
