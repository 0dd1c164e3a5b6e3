import io

from PIL import Image

from filings.models import GoodsServicesTerm, MarkType
from filings.services.register_import import register_import_csv
from filings.services.trademark import prefiling_start

HEADER = "number,mark,nice_classes,owner,status,filing_date\n"


def register(*rows: tuple[str, str, str]) -> None:
    """Put earlier marks in the register: (number, mark, classes)."""
    lines = HEADER + "".join(f'{n},"{m}",{c},Owner,registered,2020-01-01\n' for n, m, c in rows)
    register_import_csv(lines=io.StringIO(lines))


def png_bytes(size=(64, 64), fmt="PNG") -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", size, (10, 90, 60)).save(buffer, format=fmt)
    return buffer.getvalue()


def complete_prefiling(*, owner, hub, mark="KOALA", classes=(25,)):
    """A draft with every step filled in, ready to be submitted."""
    prefiling = prefiling_start(owner=owner, hub=hub, mark_text=mark)
    prefiling.mark_type = MarkType.WORD
    prefiling.applicant_kind = "person"
    prefiling.applicant_name = "Salma Bennani"
    prefiling.applicant_address = "12 rue des Arts, Casablanca"
    prefiling.applicant_resides_in_morocco = True
    prefiling.classes = list(classes)
    prefiling.step = 4
    prefiling.save()
    prefiling.terms.set(GoodsServicesTerm.objects.filter(nice_class_id__in=classes)[:2])
    return prefiling
