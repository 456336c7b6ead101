"""Every public module, class, function and method of the kit says what it does."""

from __future__ import annotations

import importlib
import inspect
import pkgutil

import kit


def _public_modules():
    yield kit
    for info in pkgutil.walk_packages(kit.__path__, prefix="kit."):
        if not any(part.startswith("_") and part != "__main__" for part in info.name.split(".")):
            if not info.name.endswith("__main__"):
                yield importlib.import_module(info.name)


def _undocumented():
    for module in _public_modules():
        if not inspect.getdoc(module):
            yield module.__name__
        for name, obj in vars(module).items():
            if name.startswith("_") or getattr(obj, "__module__", None) != module.__name__:
                continue
            if inspect.isfunction(obj) and not inspect.getdoc(obj):
                yield f"{module.__name__}.{name}"
            if inspect.isclass(obj):
                if not inspect.getdoc(obj):
                    yield f"{module.__name__}.{name}"
                for member_name, member in vars(obj).items():
                    if member_name.startswith("_") or not inspect.isfunction(member):
                        continue
                    if not inspect.getdoc(getattr(obj, member_name)):
                        yield f"{module.__name__}.{name}.{member_name}"


def test_public_api_has_docstrings():
    assert list(_undocumented()) == []
