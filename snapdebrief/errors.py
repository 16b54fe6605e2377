"""Typed errors: the library raises them, only the edges (cli.py, app.py) turn them into output.

Each error keeps its cause in fields and carries one short Dutch (B1) sentence for the user.
No code matches on message text: use the class or `code`.
"""

from __future__ import annotations

from enum import IntEnum


class ExitCode(IntEnum):
    OK = 0
    BUG = 1
    BAD_INPUT = 2


class SnapError(Exception):
    """Base of every error snapdebrief raises on purpose."""

    code = "E000"
    exit_code = ExitCode.BUG
    message = "Er ging iets mis. Probeer het opnieuw."

    def __init__(self, message: str | None = None, **details: object) -> None:
        self.details = details
        if message is not None:
            self.message = message
        super().__init__(self.message)

    def user_message(self) -> str:
        return self.message


# The one Dutch text for an unexpected error (a bug), at every door: the CLI's stderr (exit 1),
# the app's screen, the API's 500 answer. With the letter's request id it names the code the
# operator's log line of that letter carries (logs.py), so a helper can find that line.
BUG_MESSAGE = (
    "Er ging iets mis in het programma. Dit is niet jouw fout. "
    "Probeer het opnieuw of vraag hulp aan een vrijwilliger."
)


def bug_message(request_id: str | None = None) -> str:
    """BUG_MESSAGE, with the letter's request id when there is one (never anything else)."""
    if not request_id:
        return BUG_MESSAGE
    return f"{BUG_MESSAGE} Vraag je hulp? Noem dan deze code: {request_id}."


class BadInputError(SnapError):
    """The input cannot be read as a letter (exit 2)."""

    code = "E100"
    exit_code = ExitCode.BAD_INPUT
    message = "Dit bestand kunnen we niet lezen."


FORMATS_NL = "een foto (JPG, PNG, WebP, HEIC of TIFF), een PDF of een tekstbestand"


class EmptyFileError(BadInputError):
    code = "E101"
    message = "Het bestand is leeg. Kies het bestand opnieuw."


class UnsupportedFormatError(BadInputError):
    code = "E102"
    message = f"Dit soort bestand kunnen we niet lezen. Kies {FORMATS_NL}."


class FileTooLargeError(BadInputError):
    code = "E103"

    def __init__(self, size: int, limit: int) -> None:
        mb = limit // (1024 * 1024)
        super().__init__(
            f"Het bestand is te groot. Het mag hoogstens {mb} MB zijn. "
            "Maak een kleinere foto of stuur de pagina's apart.",
            size=size,
            limit=limit,
        )


class ImageTooLargeError(BadInputError):
    code = "E104"
    message = (
        "De foto heeft te veel pixels. Maak een foto met je telefoon op de gewone stand "
        "en probeer het opnieuw."
    )


class ImageTooSmallError(BadInputError):
    code = "E113"
    message = (
        "De foto is te klein om een brief op te lezen. Maak een foto van de hele brief, "
        "van dichtbij en met veel licht."
    )


class BrokenFileError(BadInputError):
    code = "E105"
    message = "Het bestand is kapot of niet helemaal. Kies het bestand opnieuw of maak een nieuwe foto."


class EncryptedPdfError(BadInputError):
    code = "E106"
    message = (
        "Deze PDF is beveiligd met een wachtwoord. Open de PDF, bewaar hem zonder wachtwoord "
        "of maak een foto van de brief."
    )


class TooManyPagesError(BadInputError):
    code = "E107"

    def __init__(self, pages: int, limit: int) -> None:
        super().__init__(
            f"Deze brief heeft te veel pagina's ({pages}). We lezen er hoogstens {limit}. "
            "Kies alleen de pagina's van één brief.",
            pages=pages,
            limit=limit,
        )


class NoTextFoundError(BadInputError):
    code = "E108"
    message = (
        "Maak een nieuwe foto: we konden geen tekst lezen. Leg de brief plat op tafel, "
        "zorg voor veel licht en houd de telefoon recht boven de brief."
    )


class OcrTimeoutError(BadInputError):
    code = "E109"
    message = (
        "Het lezen van de foto duurde te lang. Maak een nieuwe foto van één pagina, "
        "recht van boven en met veel licht."
    )


class PdfTooComplexError(BadInputError):
    """A PDF whose compressed streams unpack to far more than a letter needs (a zip bomb)."""

    code = "E110"
    message = (
        "Deze PDF is van binnen veel groter dan een brief. Die kunnen we niet veilig lezen. "
        "Maak een foto van de brief, of bewaar de PDF opnieuw en probeer het nog een keer."
    )


class TimeLimitError(BadInputError):
    """Reading and explaining one letter took longer than Limits.total_seconds."""

    code = "E111"
    message = (
        "Het lezen van je brief duurde te lang. Probeer het opnieuw met minder pagina's, "
        "of maak een nieuwe foto: recht van boven en met veel licht."
    )


class OutOfMemoryError(BadInputError):
    """Reading one letter needed more memory than Limits.max_memory_bytes."""

    code = "E112"
    message = (
        "Deze brief is te zwaar om te lezen. Maak een foto van de brief, "
        "of kies minder pagina's tegelijk."
    )


class RuleFileError(SnapError):
    """A rule file is broken. Carries file, line and what to do (for rule authors)."""

    code = "E200"
    exit_code = ExitCode.BAD_INPUT

    def __init__(self, path: str, line: int | None, problem: str, fix: str = "") -> None:
        where = f"{path}:{line}" if line else path
        text = f"{where}: {problem}"
        if fix:
            text += f" — {fix}"
        super().__init__(text, path=path, line=line, problem=problem, fix=fix)
        self.path = path
        self.line = line
        self.problem = problem
        self.fix = fix


class UnknownLanguageError(BadInputError):
    """An answer language we have no texts for (--lang, the app, the API)."""

    code = "E114"

    def __init__(self, lang: str, known: tuple[str, ...]) -> None:
        shown = "".join(ch for ch in lang if ch.isprintable())[:20]
        super().__init__(
            f"De taal '{shown}' kennen we niet. Kies een van deze talen: "
            + ", ".join(known[:-1]) + f" of {known[-1]}.",
            lang=lang,
        )


class SettingError(SnapError):
    """A setting (an environment variable or a flag, settings.py) has a value we cannot use;
    the door stops with this message instead of quietly using the default (exit 2)."""

    code = "E115"
    exit_code = ExitCode.BAD_INPUT

    def __init__(self, name: str, value: str, fix: str) -> None:
        shown = "".join(ch for ch in value if ch.isprintable())[:40]
        super().__init__(f"De instelling {name} klopt niet: '{shown}'. {fix}", name=name, value=value)
        self.name = name
        self.value = value
