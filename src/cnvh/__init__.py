"""cnvh — measure and steer a city's cultural industries."""

from importlib.metadata import PackageNotFoundError, version

try:
    __version__ = version("cnvh")
except PackageNotFoundError:  # running from a source tree that was never installed
    __version__ = "0.0.0+unknown"
