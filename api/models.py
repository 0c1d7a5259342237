# The API has no models of its own: it reads the record's, public parts only.
