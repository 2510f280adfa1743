wrk.headers["HX-Request"] = "true"
