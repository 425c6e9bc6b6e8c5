from typing import Any

from django.db import migrations

from cnvh.brightspots import shipped


def install(apps: Any, schema_editor: Any) -> None:
    shipped.install(
        apps.get_model("brightspots", "Rubric"), apps.get_model("brightspots", "Criterion")
    )


class Migration(migrations.Migration):
    dependencies = [("brightspots", "0001_initial")]

    operations = [migrations.RunPython(install, migrations.RunPython.noop)]
