"""The parts of labelled.csv, in one place (evaluate.py, crossval.py and agreement.py read them).

A held-out split is written by an author who never saw the rules and is measured, never tuned
or trained on; ``train_model.py`` drops every split whose name starts with ``heldout`` while
reading. Once a held-out split has been measured and reported, a later round may retire it to
development (``dev-h…``) and write a new held-out split to measure that round; the README's
history keeps the figures each split gave while it was held out.
"""

# Only the fresh held-out set of the current round.
HELDOUT_SPLITS = ("heldout9",)
FRESH_HELDOUT = "heldout9"
# Development batches, oldest first. ``dev-h1``, ``dev-h3`` … ``dev-h8`` were the held-out splits
# ``heldout``, ``heldout3`` … ``heldout8`` until the fourth session measured them for the last time.
DEV_SPLITS = ("dev", "dev-h1", "dev3", "dev-h3", "dev4", "dev5", "dev6", "dev-h4", "dev7", "dev8", "dev-h5",
              "dev-h6", "dev-h7", "dev9", "dev10", "dev11", "dev12", "dev-h8", "dev13", "dev14")
