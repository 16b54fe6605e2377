"""A Result as plain JSON and back, for the app's queue path (`client.py`).

The app's screens need the whole Result (page words for the desk's boxes, the fields a
volunteer corrects), more than the `explain --json` contract holds. Pickle would do it, but
whatever comes out of Redis could then run code in the app; this keeps the worker's answer plain
JSON and rebuilds only the frozen dataclasses of `snapdebrief.result`, by name.
"""

from __future__ import annotations

import base64
import dataclasses
from datetime import date, datetime
from decimal import Decimal, InvalidOperation
from typing import Any

from .. import result as result_module
from ..result import Result


def dump(value: Any) -> Any:
    if value is None or isinstance(value, (bool, int, float, str)):
        return value
    if isinstance(value, Decimal):  # money (#18): its digits, so the app gets the same cents
        return {"decimal": str(value)}
    if isinstance(value, bytes):  # a page's picture for the desk view (Page.image)
        return {"bytes": base64.b64encode(value).decode("ascii")}
    if isinstance(value, datetime):
        return {"datetime": value.isoformat()}
    if isinstance(value, date):
        return {"date": value.isoformat()}
    if isinstance(value, tuple):
        return {"tuple": [dump(v) for v in value]}
    if isinstance(value, list):
        return [dump(v) for v in value]
    if isinstance(value, dict):
        return {"dict": [[dump(k), dump(v)] for k, v in value.items()]}
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        cls = type(value)
        if getattr(result_module, cls.__name__, None) is not cls:
            raise TypeError(f"not a snapdebrief.result class: {cls.__qualname__}")
        return {"class": cls.__name__,
                "fields": {f.name: dump(getattr(value, f.name)) for f in dataclasses.fields(value)}}
    raise TypeError(f"cannot send {type(value).__qualname__}")


def load(data: Any) -> Any:
    if data is None or isinstance(data, (bool, int, float, str)):
        return data
    if isinstance(data, list):
        return [load(v) for v in data]
    if not isinstance(data, dict) or len(data) not in (1, 2):
        raise ValueError("not a wire value")
    if "tuple" in data:
        return tuple(load(v) for v in data["tuple"])
    if "dict" in data:
        return {load(k): load(v) for k, v in data["dict"]}
    if "bytes" in data:
        return base64.b64decode(data["bytes"], validate=True)
    if "decimal" in data:
        try:
            return Decimal(str(data["decimal"]))
        except InvalidOperation:
            raise ValueError("not a wire value") from None
    if "date" in data:
        return date.fromisoformat(data["date"])
    if "datetime" in data:
        return datetime.fromisoformat(data["datetime"])
    cls = getattr(result_module, str(data.get("class")), None)
    if not (isinstance(cls, type) and dataclasses.is_dataclass(cls)):
        raise ValueError("not a snapdebrief.result class")
    init = {f.name for f in dataclasses.fields(cls) if f.init}
    return cls(**{k: load(v) for k, v in data["fields"].items() if k in init})


def load_result(data: Any) -> Result:
    result = load(data)
    if not isinstance(result, Result):
        raise TypeError("not a Result")
    return result
