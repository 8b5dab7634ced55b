"""Times what the Hub's Python client does to read a card's metadata, on the cards of a JSON Lines file.

For each card it does exactly what huggingface_hub.repocard.metadata_load (and RepoCard's content setter) do
with a card's text: search the card with the client's own REGEX_YAML_BLOCK and yaml.safe_load the block, with
the client's own yaml module. Reading the file and decoding JSON are not timed. One core (Python's GIL).
Prints one JSON object: cards, bytes (UTF-8), wall and CPU seconds, errors, versions.
Usage: python3 hub_split_yaml.py CARDS.jsonl
"""
import json
import sys
import time

import huggingface_hub
from huggingface_hub import repocard


def main(path):
    with open(path, encoding="utf-8") as f:
        cards = [json.loads(line)["card"] for line in f]
    size = sum(len(c.encode("utf-8", "surrogatepass")) for c in cards)
    regex = repocard.REGEX_YAML_BLOCK
    safe_load = repocard.yaml.safe_load
    errors = 0
    wall0 = time.perf_counter()
    cpu0 = time.process_time()
    for content in cards:
        match = regex.search(content)
        if match:
            try:
                safe_load(match.group(2))
            except Exception:  # a card the client cannot read: counted, as the client would raise
                errors += 1
    cpu = time.process_time() - cpu0
    wall = time.perf_counter() - wall0
    print(json.dumps({"cards": len(cards), "bytes": size, "wall": wall, "cpu": cpu, "errors": errors,
                      "huggingface_hub": huggingface_hub.__version__, "pyyaml": repocard.yaml.__version__,
                      "python": sys.version.split()[0]}))


if __name__ == "__main__":
    main(sys.argv[1])
