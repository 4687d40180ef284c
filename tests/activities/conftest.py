"""A tiny hand-written model for the hybrid's tests: their outcome then does not depend on
the weights of the stored model.json, which change whenever it is trained again."""

import pytest

from qogam.activities import hybrid
from qogam.activities.model import FORMAT, Model

TINY = {
    "format": FORMAT,
    # «спорт» makes group 1 the primary group and a label; «лес» makes group 5 a label.
    "features": ["ru:спорт", "ru:лес"],
    "primary_classes": ["", "1", "4"],
    "label_groups": ["1", "4", "5"],
    "primary_weights": [[0, 5, 0], [0, 0, 0]],
    "primary_bias": [1, 0, 0],
    "label_weights": [[6, 0, 0], [0, 0, 6]],
    "label_bias": [-3, -3, -3],
    "label_threshold": 0.5,
    "rule_features": False,
    "training_data_sha256": "0" * 64,
}


@pytest.fixture
def tiny_model(monkeypatch):
    """classify(method="hybrid") uses TINY instead of model.json."""
    model = Model(TINY)
    monkeypatch.setattr(hybrid, "stored_model", lambda: model)
    return model
