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


class _Stateless(GraphComponent):
    """Base for components without training or configuration."""

    @classmethod
    def create(
        cls,
        config: dict[str, Any],
        model_storage: ModelStorage,
        resource: Resource,
        execution_context: ExecutionContext,
    ) -> _Stateless:
        """Create the component."""
        return cls()

    def process_training_data(self, training_data):
        """Training data passes unchanged."""
        return training_data


@DefaultV1Recipe.register(DefaultV1Recipe.ComponentType.ENTITY_EXTRACTOR, is_trainable=False)
class DutchEntityRuler(_Stateless, EntityExtractorMixin):
    """Extracts places, postcodes, activities, relations and times with canonical values."""

    @classmethod
    def required_components(cls) -> list[type]:
        """The ruler reads the spaCy doc that DutchSpacyNLP made."""
        return [SpacyNLP]

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


@DefaultV1Recipe.register(DefaultV1Recipe.ComponentType.INTENT_CLASSIFIER, is_trainable=False)
class LanguageGuard(_Stateless):
    """Marks messages in another language as out_of_scope (a Dutch and English reply follows)."""

    def process(self, messages: list[Message]) -> list[Message]:
        """Set out_of_scope on messages that are clearly not Dutch."""
        for message in messages:
            if language.is_foreign(message.get(TEXT) or ""):
                _override_intent(message, "out_of_scope")
        return messages


@DefaultV1Recipe.register(DefaultV1Recipe.ComponentType.INTENT_CLASSIFIER, is_trainable=False)
class SafetyNet(_Stateless):
    """The crisis lexicon has the last word.

    A match makes the intent `crisis`, whatever the model said. When the lexicon saw a crisis
    phrase that is negated or an idiom ("ik wil niet dood", "ik lach me dood") and nothing
    else, a `crisis` from the model gives way to its next intent.
    """

    def process(self, messages: list[Message]) -> list[Message]:
        """Override or defuse the model's crisis verdict."""
        for message in messages:
            verdict = safety.assess(message.get(TEXT) or "")
            if verdict.match:
                _override_intent(message, "crisis")
            elif verdict.defused and (message.get(INTENT) or {}).get("name") == "crisis":
                _demote_intent(message, "crisis")
        return messages


def _demote_intent(message: Message, name: str) -> None:
    """Replace `name` as the top intent by the next one in the model's ranking."""
    ranking = [r for r in message.get(INTENT_RANKING_KEY, []) if r.get("name") != name]
    top = ranking[0] if ranking else {"name": "nlu_fallback", "confidence": 1.0}
    message.set(INTENT, top, add_to_output=True)
    message.set(INTENT_RANKING_KEY, ranking, add_to_output=True)
