"""``/docs`` served from files installed with vimod: no CDN, so it works offline.

FastAPI's default page loads Swagger UI from a CDN and is blank on a closed network; the
``swagger-ui-bundle-v2`` package ships the same assets, mounted here under ``/docs/assets``.
ReDoc has no such package and is switched off.
"""

from __future__ import annotations

from fastapi import FastAPI
from fastapi.openapi.docs import get_swagger_ui_html
from fastapi.responses import HTMLResponse
from fastapi.staticfiles import StaticFiles

ASSETS = "/docs/assets"


def install_docs(app: FastAPI) -> None:
    """Add ``GET /docs`` and its static assets to ``app`` (built with ``docs_url=None``)."""
    import swagger_ui_bundle  # imported here: nothing is loaded when the module is imported

    app.mount(ASSETS, StaticFiles(directory=swagger_ui_bundle.swagger_ui_path), name="docs-assets")

    @app.get("/docs", include_in_schema=False)
    async def docs() -> HTMLResponse:
        return get_swagger_ui_html(
            openapi_url=app.openapi_url or "/openapi.json",
            title=f"{app.title} API",
            swagger_js_url=f"{ASSETS}/swagger-ui-bundle.js",
            swagger_css_url=f"{ASSETS}/swagger-ui.css",
            swagger_favicon_url=f"{ASSETS}/favicon-32x32.png",
        )
