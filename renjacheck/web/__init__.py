"""`renjacheck serve`: a web page and an API for planners (Starlette on uvicorn, the optional
extra renjacheck[web]). app.py the routes, page.py the HTML, work.py the checks in worker
processes. Nothing here is imported unless the server runs."""
