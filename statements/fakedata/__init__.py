"""Realistic fake data for benchmarks at newsroom scale: `manage.py generate_fake`.

- `shapes.py`: how many records of each kind, and how attention is spread (a few very prolific
  speakers and very large events, long tails, recent years denser);
- `lexicon.py` and `words.txt`: the names, places, titles and words records are made of
  (`build_words.py` made words.txt from the extraction corpus, once);
- `prose.py`: sentences of real words with their frequency in news copy;
- `records.py`: one builder per kind of record, rows the same for the same seed;
- `loading.py`: writing them fast (COPY and a bulk load on PostgreSQL, batched INSERTs on SQLite);
- `generator.py`: `generate()`, the whole run in one transaction.
"""
