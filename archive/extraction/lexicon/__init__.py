"""Word lists the people and organisation extractors reason with.

What belongs here: closed or near-closed classes of the genre's vocabulary
(ranks, academic titles, posts, organisation head nouns, the few stand-alone
state and Party bodies, places that are never people or organisations, words
that end a name) and the keyed look-ups over them. It is deliberately NOT a
list of known people or of known organisation names: the extractors find those
from context. Every list is compared through `normalize.matching_key`, so "úy"
and "uý" spellings, and any capitalisation, match the same entry.
"""

from __future__ import annotations

from archive.extraction.lexicon.bodies import (
    ADMIN_UNIT_KEYS as ADMIN_UNIT_KEYS,
)
from archive.extraction.lexicon.bodies import (
    ADMIN_UNITS as ADMIN_UNITS,
)
from archive.extraction.lexicon.bodies import (
    CAPITALISED_NAME_HEADS as CAPITALISED_NAME_HEADS,
)
from archive.extraction.lexicon.bodies import (
    COMMITTEE_HEADS as COMMITTEE_HEADS,
)
from archive.extraction.lexicon.bodies import (
    FORCE_HEADS as FORCE_HEADS,
)
from archive.extraction.lexicon.bodies import (
    FUNCTION_HEADS as FUNCTION_HEADS,
)
from archive.extraction.lexicon.bodies import (
    GENERIC_LIST_NOUNS as GENERIC_LIST_NOUNS,
)
from archive.extraction.lexicon.bodies import (
    GENERIC_PHRASES as GENERIC_PHRASES,
)
from archive.extraction.lexicon.bodies import (
    HEAD_KEYS_BY_LENGTH as HEAD_KEYS_BY_LENGTH,
)
from archive.extraction.lexicon.bodies import (
    HEAD_KIND_BY_KEY as HEAD_KIND_BY_KEY,
)
from archive.extraction.lexicon.bodies import (
    HEAD_KINDS as HEAD_KINDS,
)
from archive.extraction.lexicon.bodies import (
    LOCAL_BODY_HEAD_KEYS as LOCAL_BODY_HEAD_KEYS,
)
from archive.extraction.lexicon.bodies import (
    MISSION_HEADS as MISSION_HEADS,
)
from archive.extraction.lexicon.bodies import (
    NAME_TAIL_CAPITALS as NAME_TAIL_CAPITALS,
)
from archive.extraction.lexicon.bodies import (
    NON_NAME_CAPITALS as NON_NAME_CAPITALS,
)
from archive.extraction.lexicon.bodies import (
    PEOPLES_ABBREVIATED_HEADS as PEOPLES_ABBREVIATED_HEADS,
)
from archive.extraction.lexicon.bodies import (
    STANDALONE_BODIES as STANDALONE_BODIES,
)
from archive.extraction.lexicon.bodies import (
    STANDALONE_KEYS_BY_LENGTH as STANDALONE_KEYS_BY_LENGTH,
)
from archive.extraction.lexicon.bodies import (
    STANDALONE_KIND_BY_KEY as STANDALONE_KIND_BY_KEY,
)
from archive.extraction.lexicon.people import (
    ACADEMIC_TITLE_WORDS as ACADEMIC_TITLE_WORDS,
)
from archive.extraction.lexicon.people import (
    HONORIFICS as HONORIFICS,
)
from archive.extraction.lexicon.people import (
    PERSON_NOUNS as PERSON_NOUNS,
)
from archive.extraction.lexicon.people import (
    PLURAL_MARKERS as PLURAL_MARKERS,
)
from archive.extraction.lexicon.people import (
    POST_BASE_KEYS as POST_BASE_KEYS,
)
from archive.extraction.lexicon.people import (
    POST_BASES as POST_BASES,
)
from archive.extraction.lexicon.people import (
    POST_PREFIXES as POST_PREFIXES,
)
from archive.extraction.lexicon.people import (
    POST_SUFFIXES as POST_SUFFIXES,
)
from archive.extraction.lexicon.people import (
    RANK_KEYS as RANK_KEYS,
)
from archive.extraction.lexicon.people import (
    SURNAMES as SURNAMES,
)
from archive.extraction.lexicon.places import (
    COUNTRIES as COUNTRIES,
)
from archive.extraction.lexicon.places import (
    COUNTRY_KEYS as COUNTRY_KEYS,
)
from archive.extraction.lexicon.places import (
    COUNTRY_PREFIXES as COUNTRY_PREFIXES,
)
from archive.extraction.lexicon.places import (
    PLACE_KEYS as PLACE_KEYS,
)
from archive.extraction.lexicon.places import (
    PLACE_KEYS_BY_LENGTH as PLACE_KEYS_BY_LENGTH,
)
from archive.extraction.lexicon.places import (
    PLACES as PLACES,
)
from archive.extraction.lexicon.stops import (
    COMPOUND_FUNCTION_WORDS as COMPOUND_FUNCTION_WORDS,
)
from archive.extraction.lexicon.stops import (
    FUNCTION_WORDS as FUNCTION_WORDS,
)
from archive.extraction.lexicon.stops import (
    INVESTIGATION_AFTER as INVESTIGATION_AFTER,
)
from archive.extraction.lexicon.stops import (
    NAME_CONTINUATIONS as NAME_CONTINUATIONS,
)
from archive.extraction.lexicon.stops import (
    NAME_STOP_WORDS as NAME_STOP_WORDS,
)
from archive.extraction.lexicon.stops import (
    VERB_PHRASES as VERB_PHRASES,
)
from archive.extraction.lexicon.stops import (
    VERB_STARTS as VERB_STARTS,
)
