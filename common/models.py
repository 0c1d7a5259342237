"""No models. The module exists because Django sends `post_migrate` only to apps that have one,
and this app's handler keeps the newsroom's groups in step with the code (see apps.py)."""
