"""The parts of labelled.csv, in one place (evaluate.py, crossval.py and agreement.py read them).

A held-out split is written by an author who never saw the rules and is measured, never tuned
or trained on; ``train_model.py`` drops every split whose name starts with ``heldout`` while
reading. Once a held-out split has been measured and reported, a later round may retire it to
development (``dev-h…``) and write a new held-out split to measure that round; the README's
history keeps the figures each split gave while it was held out.
"""

# Only the fresh held-out set of the current round.
HELDOUT_SPLITS = ("heldout12",)
FRESH_HELDOUT = "heldout12"
# Development batches, oldest first. ``dev-h1``, ``dev-h3`` … ``dev-h11`` were the held-out splits
# ``heldout``, ``heldout3`` … ``heldout11`` until a later round measured them for the last time.
DEV_SPLITS = ("dev", "dev-h1", "dev3", "dev-h3", "dev4", "dev5", "dev6", "dev-h4", "dev7", "dev8", "dev-h5",
              "dev-h6", "dev-h7", "dev9", "dev10", "dev11", "dev12", "dev-h8", "dev13", "dev14",
              "dev-h9", "dev15", "dev16", "dev-h10", "dev-h11")

# For each batch, the last commit whose rules had not been tuned on it: the commit that measured it
# while it was held out, or measured it once before a round tuned on it. unseen_rules.py stores
# those rules' output on the batch (unseen_rules.jsonl) and the model is trained on it, so the
# model learns how far the rules can be trusted on text they were not written on. Batches
# without an entry (``dev``, ``dev3`` … ``dev8``) were first tuned on before the rules had the
# scores the model reads; the model sees today's rules on them.
SESSION4_START = "58e411e91712b2cc60418940d96b8f9d4ba3e0ba"  # start of the fourth session
ROUND5 = "b61cdb8431bcddff251ec8ff5b6ddca37cc30efd"  # after the fifth round
ROUND6 = "2a6cc4cf36c4880091cb6699c73d5958f29f404f"  # after the sixth round
ROUND7 = "8201850f4d88e34bd69bf415416a7ea226c932b8"  # after the seventh round
ROUND8 = "b5740afeda831acbeddbfd1f65981ef70484e9d3"  # after the eighth round (end of session 4)
ROUND9 = "0ad451befa0fa71e8ae7e905626a3a246785b8e1"  # after the ninth round (fifth session)
UNSEEN_BY = {
    "dev-h1": SESSION4_START, "dev-h3": SESSION4_START, "dev-h4": SESSION4_START,
    "dev-h5": SESSION4_START,
    "dev-h6": ROUND5,
    "dev-h7": ROUND6, "dev9": ROUND6, "dev10": ROUND6, "dev11": ROUND6, "dev12": ROUND6,
    "dev-h8": ROUND7, "dev13": ROUND7, "dev14": ROUND7,
    "dev-h9": ROUND8, "dev15": ROUND8, "dev16": ROUND8,
    "dev-h10": ROUND9, "dev-h11": ROUND9,
}
