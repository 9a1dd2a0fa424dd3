"""`rasd serve`: the REST API and the analyst's web page over a store (FastAPI).

`create_app(ServeSettings(db=…))` builds the application; `rasd.cli` runs it with uvicorn.
Routes: `routes.py`; API shapes: `views.py` and `models.py`; errors as problem details:
`problems.py`; the bearer token and request limits: `guard.py`. docs/api.md describes it.
"""

from rasd.serve.app import create_app
from rasd.serve.settings import ServeSettings

__all__ = ["ServeSettings", "create_app"]
