"""Omzien's Rasa NLU components: Dutch spaCy, entity ruler, language guard, safety net."""

from __future__ import annotations

from typing import Any

from rasa.engine.graph import ExecutionContext, GraphComponent
from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.engine.storage.resource import Resource
from rasa.engine.storage.storage import ModelStorage
from rasa.nlu.constants import SPACY_DOCS
from rasa.nlu.extractors.extractor import EntityExtractorMixin
from rasa.nlu.utils.spacy_utils import SpacyModel, SpacyNLP
from rasa.shared.nlu.constants import ENTITIES, INTENT, INTENT_RANKING_KEY, TEXT
from rasa.shared.nlu.training_data.message import Message

from bot.nlu import dutch, language, safety


@DefaultV1Recipe.register(
    [
        DefaultV1Recipe.ComponentType.MODEL_LOADER,
        DefaultV1Recipe.ComponentType.MESSAGE_FEATURIZER,
    ],
    is_trainable=False,
    model_from="DutchSpacyNLP",
)
class DutchSpacyNLP(SpacyNLP):
    """Provides the blank Dutch spaCy pipeline built in code (no model download)."""

    @classmethod
    def create(
        cls,
        config: dict[str, Any],
        model_storage: ModelStorage,
        resource: Resource,
        execution_context: ExecutionContext,
    ) -> DutchSpacyNLP:
        """Build the pipeline; its name carries a hash of the data it is built from."""
        model = SpacyModel(dutch.build_pipeline(), f"omzien-nl-{dutch.data_fingerprint()}")
        return cls(model, {**cls.get_default_config(), **config})


def _override_intent(message: Message, name: str) -> None:
    """Make `name` the intent with full confidence, keeping the model's ranking below it."""
    ranking = [r for r in message.get(INTENT_RANKING_KEY, []) if r.get("name") != name]
    top = {"name": name, "confidence": 1.0}
    message.set(INTENT, top, add_to_output=True)
    message.set(INTENT_RANKING_KEY, [top, *ranking], add_to_output=True)


@DefaultV1Recipe.register(DefaultV1Recipe.ComponentType.ENTITY_EXTRACTOR, is_trainable=False)
class DutchEntityRuler(GraphComponent, EntityExtractorMixin):
    """Extracts places, postcodes, activities, relations and times with canonical values."""

    @classmethod
    def required_components(cls) -> list[type]:
        """The ruler reads the spaCy doc that DutchSpacyNLP made."""
        return [SpacyNLP]

    @classmethod
    def create(
        cls,
        config: dict[str, Any],
        model_storage: ModelStorage,
        resource: Resource,
        execution_context: ExecutionContext,
    ) -> DutchEntityRuler:
        """Create the component."""
        return cls()

    def process(self, messages: list[Message]) -> list[Message]:
        """Add the ruler's entities to each message."""
        for message in messages:
            doc = message.get(SPACY_DOCS[TEXT])
            if doc is None:
                continue
            found = []
            for ent in doc.ents:
                start, end, value = dutch.entity_value(ent)
                found.append({"entity": ent.label_, "start": start, "end": end, "value": value})
            alone = dutch.whole_message_place(message.get(TEXT) or "")
            if alone and not any(e["entity"] == "place" for e in found):
                found.append(alone)
            entities = message.get(ENTITIES, []) + self.add_extractor_name(found)
            message.set(ENTITIES, entities, add_to_output=True)
        return messages


class _IntentGuard(GraphComponent):
    """Base for deterministic checks that set the intent after the classifier."""

    intent = ""

    @classmethod
    def create(
        cls,
        config: dict[str, Any],
        model_storage: ModelStorage,
        resource: Resource,
        execution_context: ExecutionContext,
    ) -> _IntentGuard:
        """Create the component."""
        return cls()

    def applies(self, text: str) -> bool:
        """True when this guard must set its intent."""
        raise NotImplementedError

    def process(self, messages: list[Message]) -> list[Message]:
        """Set the intent on every message the guard applies to."""
        for message in messages:
            text = message.get(TEXT) or ""
            if self.applies(text):
                _override_intent(message, self.intent)
        return messages

    def process_training_data(self, training_data):
        """Training data passes unchanged."""
        return training_data


@DefaultV1Recipe.register(DefaultV1Recipe.ComponentType.INTENT_CLASSIFIER, is_trainable=False)
class LanguageGuard(_IntentGuard):
    """Marks messages in another language as out_of_scope (a Dutch and English reply follows)."""

    intent = "out_of_scope"

    def applies(self, text: str) -> bool:
        """True for messages that are clearly not Dutch."""
        return language.is_foreign(text)


@DefaultV1Recipe.register(DefaultV1Recipe.ComponentType.INTENT_CLASSIFIER, is_trainable=False)
class SafetyNet(_IntentGuard):
    """The crisis lexicon: a match makes the intent `crisis`, whatever the model said."""

    intent = "crisis"

    def applies(self, text: str) -> bool:
        """True when the crisis lexicon matches."""
        return safety.crisis_match(text) is not None
