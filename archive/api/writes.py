"""What an editor may send to change a record, and its validation.

Every save goes through `archive.services.editing.save_edit`, the path the
admin takes too: it finds the fields the editor changed, derives the date
parts, sets the links, marks the fields as an editor's (a re-import never
overwrites them) and keeps a renamed person's or organisation's old name as
an alias. Names are
unique by their matching key and symbols by their canonical form: a clash is a
400 naming the field, checked here before the database's unique constraint
would fail.
"""

from __future__ import annotations

import hashlib

from django.core.validators import ProhibitNullCharactersValidator
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext as _
from rest_framework import serializers
from rest_framework.utils import html

from archive.extraction.decoding import MAX_ARTICLE_BYTES, ArticleDecodeError, check_size
from archive.extraction.directives import parse_symbol
from archive.extraction.normalize import fold_spaces
from archive.extraction.ranks import canonical_rank
from archive.filters.base import NOUNS
from archive.models import (
    Article,
    Directive,
    Organisation,
    Person,
)
from archive.services import ArticleImportError
from archive.services.editing import EditConflict, changed_fields, name_clash, save_edit
from archive.services.importing import identify_text


class TextOnlyField(serializers.CharField):
    """A string field that refuses a JSON number or boolean instead of storing its digits.

    The schema says `string`; DRF's CharField would take 120839 as "120839".
    """

    def to_internal_value(self, data):
        if not isinstance(data, str):
            self.fail("invalid")
        return super().to_internal_value(data)


class MultilineTextField(TextOnlyField):
    """Text with its line breaks stored as LF, whatever the client sent.

    An HTML form (the browsable API's) submits a textarea with CRLF: kept as
    sent, an article's body would differ from its text at every line break.
    """

    def to_internal_value(self, data):
        return super().to_internal_value(data).replace("\r\n", "\n").replace("\r", "\n")


class EditSerializer(serializers.ModelSerializer):
    """Saves through the editing service (save_edit), as the admin does.

    As the admin does (form.changed_data): a PUT carries every field, and a
    value sent back as it was must not shield that field from later imports.
    Everything sent for a new record is the editor's.
    """

    serializer_field_mapping = {
        **serializers.ModelSerializer.serializer_field_mapping,
        models.CharField: TextOnlyField,
        models.TextField: MultilineTextField,
    }

    def to_internal_value(self, data):
        # From a form, DRF reads an empty optional field as "not sent" and keeps
        # the old value: an editor who blanked a field that may not be blank
        # would be told it was saved. Say it may not be blank, as JSON input does.
        if html.is_html_input(data):
            blank = {
                name: [field.error_messages["blank"]]
                for name, field in self.fields.items()
                if isinstance(field, serializers.CharField)
                and not field.read_only
                and not field.allow_blank
                and data.get(name) == ""
            }
            if blank:
                raise serializers.ValidationError(blank)
        return super().to_internal_value(data)

    def _save(self, instance, validated_data: dict):
        changed = changed_fields(instance=instance, values=validated_data)
        links = {
            name: validated_data.pop(name)
            for name in list(validated_data)
            if isinstance(self.fields[name], serializers.ManyRelatedField)
        }
        for name, value in validated_data.items():
            setattr(instance, name, value)
        try:
            save_edit(instance=instance, fields=changed, links=links)
        except EditConflict as error:
            # Two editors saving the same name at once: the loser gets a 400.
            raise serializers.ValidationError({"non_field_errors": [str(error)]}) from None
        return instance

    def new_instance(self, validated_data: dict):
        return self.Meta.model()

    def create(self, validated_data):
        return self._save(self.new_instance(validated_data), validated_data)

    def update(self, instance, validated_data):
        return self._save(instance, validated_data)


def _clean_name(value: str) -> str:
    value = fold_spaces(value)
    if not value:
        raise serializers.ValidationError(_("must not be blank"))
    return value


class NamedWriteSerializer(EditSerializer):
    """A record (person, organisation) whose name no other record or alias answers to.

    `noun` names the record in the message.
    """

    noun = ""

    def validate_name(self, value: str) -> str:
        value = _clean_name(value)
        clash = name_clash(instance=self.instance or self.Meta.model(), name=value)
        if clash is not None:
            raise serializers.ValidationError(
                _("%(noun)s %(id)s (%(name)s) already has this name; merge the two instead")
                % {"noun": NOUNS[self.noun], "id": clash.owner.pk, "name": clash.owner.name}
            )
        return value


class PersonWriteSerializer(NamedWriteSerializer):
    noun = "person"
    rank = serializers.CharField(
        required=False,
        allow_blank=True,
        max_length=40,
        help_text="A rank (Đại tướng ... Binh nhì, Đô đốc ...), any tone style; blank for none.",
    )

    class Meta:
        model = Person
        fields = ["name", "rank", "academic_titles", "foreign", "notes"]

    def validate_rank(self, value: str) -> str:
        if not value.strip():
            return ""
        rank = canonical_rank(value)
        if rank is None:
            raise serializers.ValidationError(_("%(value)r is not a rank") % {"value": value})
        return rank


class OrganisationWriteSerializer(NamedWriteSerializer):
    noun = "organisation"
    parent = serializers.PrimaryKeyRelatedField(
        queryset=Organisation.objects.all(),
        required=False,
        allow_null=True,
        help_text="Id of the organisation it belongs to.",
    )

    class Meta:
        model = Organisation
        fields = ["name", "abbreviation", "kind", "parent", "notes"]

    def validate_parent(self, parent: Organisation | None) -> Organisation | None:
        if parent is None or self.instance is None:
            return parent
        ancestor, seen = parent, set()
        while ancestor is not None and ancestor.pk not in seen:
            if ancestor.pk == self.instance.pk:
                raise serializers.ValidationError(
                    _("an organisation cannot belong to itself or to one of its sub-units")
                )
            seen.add(ancestor.pk)
            ancestor = ancestor.parent
        return parent


class DirectiveWriteSerializer(EditSerializer):
    symbol = serializers.CharField(
        max_length=80,
        required=False,
        help_text="Symbol such as 59-NQ/TW or 30/2020/NĐ-CP (any case, dash or spacing; "
        "stored canonical). Required to create a directive.",
    )
    issuer = serializers.PrimaryKeyRelatedField(
        queryset=Organisation.objects.all(),
        required=False,
        allow_null=True,
        help_text="Id of the issuing organisation.",
    )
    implements = serializers.PrimaryKeyRelatedField(
        queryset=Directive.objects.all(),
        many=True,
        required=False,
        help_text="Ids of the directives this one implements.",
    )

    class Meta:
        model = Directive
        fields = [
            "symbol",
            "kind",
            "kind_code",
            "number",
            "issued_on",
            "issuer",
            "summary",
            "implements",
            "notes",
        ]
        extra_kwargs = {"kind": {"required": False}}

    def validate_symbol(self, value: str) -> str:
        parsed = parse_symbol(value)
        if parsed is None:
            raise serializers.ValidationError(
                _(
                    "%(value)r is not a directive symbol (e.g. 59-NQ/TW, 153/NQ-CP, "
                    "30/2020/NĐ-CP, 72/2025/QH15)"
                )
                % {"value": value[:40]}
            )
        # A directive keeps the symbol it was first recorded under as its key
        # (an import citing that symbol still finds it), so both are taken.
        clash = (
            Directive.objects.filter(Q(symbol=parsed.canonical) | Q(key=parsed.canonical))
            .exclude(pk=getattr(self.instance, "pk", None))
            .first()
        )
        if clash is not None and clash.symbol == parsed.canonical:
            raise serializers.ValidationError(
                _("directive %(id)s already has this symbol") % {"id": clash.pk}
            )
        if clash is not None:
            raise serializers.ValidationError(
                _(
                    "directive %(id)s (%(name)s) was recorded under this symbol "
                    "and imports citing it still find that directive"
                )
                % {"id": clash.pk, "name": clash.symbol or clash}
            )
        return parsed.canonical

    def validate_implements(self, value: list[Directive]) -> list[Directive]:
        if self.instance is not None and any(d.pk == self.instance.pk for d in value):
            raise serializers.ValidationError(_("a directive cannot implement itself"))
        return value

    def validate(self, attrs):
        if self.instance is None:
            if not attrs.get("symbol"):
                raise serializers.ValidationError(
                    {"symbol": [_("required to create a directive (it identifies the document)")]}
                )
            parsed = parse_symbol(attrs["symbol"])
            # Fill what the symbol already says, unless the editor said otherwise.
            attrs.setdefault("number", parsed.number)
            attrs.setdefault("kind_code", parsed.type_code)
            if not attrs.get("kind"):
                raise serializers.ValidationError({"kind": [_("required, e.g. 'Nghị quyết'")]})
        return attrs

    def new_instance(self, validated_data: dict) -> Directive:
        # A symbol is what identifies a document, so it is the record's key too.
        return Directive(key=validated_data["symbol"])


class ArticleWriteSerializer(EditSerializer):
    published_year_inferred = serializers.BooleanField(
        required=False,
        help_text="false confirms an inferred publication year (a re-import then keeps the "
        "date); setting published_on replaces the whole date and clears it.",
    )
    captions = serializers.ListField(
        child=serializers.CharField(max_length=2000), required=False, max_length=200
    )

    class Meta:
        model = Article
        fields = [
            "title",
            "author",
            "source_name",
            "source_url",
            "published_on",
            "published_year_inferred",
            "dateline_place",
            "body",
            "captions",
            "notes",
        ]

    def validate_body(self, value: str) -> str:
        # The page draws the mentions at offsets into the imported text; an
        # edited body would show old offsets over new words. A body sent back
        # unchanged (a PUT of the whole record) is accepted.
        if self.instance is not None and value != self.instance.body:
            raise serializers.ValidationError(
                _(
                    "the body is the imported text and cannot be edited here; correct the file "
                    "and import it again (POST /api/articles/import/ with the same origin)"
                ),
                code="body_not_editable",
            )
        return value


# --- Import -------------------------------------------------------------------


class RawTextField(serializers.CharField):
    """Text passed on untouched: NUL characters are left for the importer to refuse.

    The importer's own checks (empty, binary, size) then answer with the same
    words as for a file. Lone surrogates are still refused here, since they
    cannot be encoded as UTF-8 at all.
    """

    def __init__(self, **kwargs):
        super().__init__(**kwargs)
        self.validators = [
            v for v in self.validators if not isinstance(v, ProhibitNullCharactersValidator)
        ]

    def to_internal_value(self, data):
        # CharField would take a JSON number as its digits: an article is text.
        if not isinstance(data, str):
            self.fail("invalid")
        return super().to_internal_value(data)


class ArticleImportSerializer(serializers.Serializer):
    """One article's text (or file), imported exactly as the import command would."""

    text = RawTextField(
        required=False,
        trim_whitespace=False,
        allow_blank=True,
        help_text=f"The article's text (at most {MAX_ARTICLE_BYTES // 1024 // 1024} MB as UTF-8).",
        # A one-line input in the browsable API would drop the line breaks
        # that separate the title, paragraphs and byline.
        style={"base_template": "textarea.html", "rows": 20},
    )
    file = serializers.FileField(
        required=False,
        help_text="Or the article file itself (multipart): UTF-8, or UTF-16 with a BOM.",
    )
    origin = serializers.CharField(
        required=False,
        max_length=1000,
        help_text="A name for where the article came from (default: api/, the first 12 hex "
        "digits of the text's SHA-256, .txt); importing again under the same origin updates "
        "that article.",
    )

    def validate(self, attrs):
        has_text, has_file = "text" in attrs, "file" in attrs
        if has_text == has_file:
            raise serializers.ValidationError({"text": [_("send either text or file")]})
        if has_file:
            upload = attrs["file"]
            # Refused before reading: the same message a file on disk gets.
            try:
                check_size(upload.size, name=upload.name)
            except ArticleDecodeError as error:
                raise serializers.ValidationError({"file": [error.reason]}) from None
            attrs["data"] = upload.read(MAX_ARTICLE_BYTES + 1)
        else:
            attrs["data"] = attrs["text"]
        data = attrs["data"]
        try:
            # The importer's own identity of the text: the same text in any encoding.
            _text, attrs["sha256"] = identify_text(data=data)
        except ArticleImportError:
            # Not decodable: the importer refuses it in its own words; the
            # hash only names it meanwhile.
            attrs["sha256"] = hashlib.sha256(
                data if isinstance(data, bytes) else data.encode("utf-8")
            ).hexdigest()
        if not attrs.get("origin"):
            attrs["origin"] = f"api/{attrs['sha256'][:12]}.txt"
        return attrs


class ArticleImportFilesSerializer(ArticleImportSerializer):
    """The multipart form of the import: one article as above, or several files or a zip.

    Only documents the form: several files (or a zip) start an import job and
    are read by archive.api.imports, not validated here.
    """

    files = serializers.ListField(
        child=serializers.FileField(),
        required=False,
        help_text="Several article files, or zips of them: they start an import job (202 with "
        "its URL) instead of importing at once; so does one zip sent as `file`.",
    )
    origin_prefix = serializers.CharField(
        required=False,
        max_length=200,
        help_text="With `files` or a zip: put before each file's name (a zip's entry: its path).",
    )
