"""The service's own causes, typed like snapdebrief/errors.py; the limits of a letter keep the
CLI's errors and messages (those are raised by the same code, see form.py and the worker).

`status` is the HTTP status api.py answers with; exit codes stay the CLI's business.
"""

from __future__ import annotations

from ..errors import ExitCode, SnapError


class ServiceError(SnapError):
    status = 500


class QueueUnavailableError(ServiceError):
    """Redis (the queue) does not answer: nothing was accepted, try again later."""

    code = "E300"
    status = 503
    message = (
        "We kunnen je brief nu niet aannemen. Het systeem is even niet bereikbaar. "
        "Probeer het over een paar minuten opnieuw."
    )


class AnswerNotFoundError(ServiceError):
    """No letter with this id: never sent, already fetched, or older than 10 minutes."""

    code = "E301"
    status = 404
    message = (
        "Dit antwoord is er niet (meer). We bewaren een antwoord maar 10 minuten en geven het "
        "maar één keer. Stuur de brief opnieuw."
    )


class NoFileError(ServiceError):
    """A POST without any part named `files`."""

    code = "E302"
    status = 400
    exit_code = ExitCode.BAD_INPUT
    message = "Er zat geen bestand bij. Stuur een foto of PDF van je brief (veld 'files')."


class BadFormError(ServiceError):
    """The request is no multipart form, or a form field has a value we cannot use."""

    code = "E303"
    status = 400
    exit_code = ExitCode.BAD_INPUT

    def __init__(self, field: str) -> None:
        super().__init__(
            f"Het veld '{field}' klopt niet. Kijk in de uitleg van de API wat erin mag.",
            field=field,
        )


class NoBrokerError(ServiceError):
    """`snapdebrief serve` / `worker` started without SNAPDEBRIEF_BROKER."""

    code = "E304"
    exit_code = ExitCode.BAD_INPUT
    message = "Zet SNAPDEBRIEF_BROKER, bijvoorbeeld: SNAPDEBRIEF_BROKER=redis://127.0.0.1:6379/0"
