"""Static files storage for production (DEBUG off)."""

from whitenoise.storage import CompressedManifestStaticFilesStorage


class StaticFilesStorage(CompressedManifestStaticFilesStorage):
    """Hashed, compressed file names once `cnvh collectstatic` has run; the plain
    names before that, so a fresh checkout (and the test suite) serves pages
    without that step. WhiteNoise serves the plain names from the app directories."""

    manifest_strict = False

    def stored_name(self, name: str) -> str:
        try:
            return super().stored_name(name)
        except ValueError:  # not collected yet
            return name
