"""How fast is the JSON API on the configured database? Prints figures; asserts nothing.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/onrecord_prof .venv/bin/python \\
        bench/api_benchmark.py [--repeat 40]

In-process (Django's test client, no web server), page cache off, the API unthrottled: each
resource's p50 and p95 over `--repeat` requests after one warm-up, and the response size. A
deep page is reached by following 50 `next` links. `make bench` measures the same resources
over gunicorn (bench/pages.py); this is the quick look.
"""

import argparse
import os
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
os.environ.setdefault("SECRET_KEY", "api-benchmark-only")
os.environ["ALLOWED_HOSTS"] = "testserver"
os.environ["SECURE_SSL_REDIRECT"] = "false"
os.environ["PAGE_CACHE_SECONDS"] = "0"
os.environ["API_ANON_RATE"] = "100000000/minute"
os.environ.setdefault("CONN_MAX_AGE", "60")

import django  # noqa: E402

django.setup()

from django.test import Client  # noqa: E402

from statements.models import Statement  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--repeat", type=int, default=40)
    args = parser.parse_args()
    client = Client()

    def timed(url: str) -> tuple[float, float, int]:
        client.get(url)
        times, size = [], 0
        for _ in range(args.repeat):
            start = time.perf_counter()
            response = client.get(url)
            times.append((time.perf_counter() - start) * 1000)
            assert response.status_code == 200, (url, response.status_code)
            size = len(response.content)
        times.sort()
        return statistics.median(times), times[int(len(times) * 0.95)], size

    deep = "/api/statements/"
    for _ in range(50):
        deep = client.get(deep).json()["next"].replace("http://testserver", "")
    published = Statement.objects.published()
    speaker = published.exclude(speaker=None).values_list("speaker__slug", flat=True).first()
    statement = published.order_by("-id").values_list("pk", flat=True).first()
    for url in [
        "/api/statements/",
        deep,
        f"/api/statements/?speaker={speaker}",
        f"/api/statements/{statement}/",
        "/api/people/",
        f"/api/people/{speaker}/",
        "/api/claims/",
        "/api/statements/?q=minister",
        "/api/corrections/",
        "/api/events/",
    ]:
        p50, p95, size = timed(url)
        print(f"{url[:70]:72s} p50 {p50:6.1f} ms  p95 {p95:6.1f} ms  {size / 1024:6.1f} KB")


if __name__ == "__main__":
    main()
