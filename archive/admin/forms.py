"""Admin forms that refuse a name another record already answers to.

Names are unique through their matching key, which the model computes on
save; without these checks a clashing name would reach the database and
fail there with an error page instead of a message on the form.
"""

from __future__ import annotations

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from archive.extraction.normalize import matching_key
from archive.models import (
    Article,
    Directive,
    Organisation,
    OrganisationAlias,
    Person,
    PersonAlias,
    Position,
)
from archive.services.editing import name_clash

MERGE_HINT = _("If it is the same %(noun)s, use the “Merge” action in the list.")


class ArticleForm(forms.ModelForm):
    # Explicit so the form behaves the same under Django 5.2 and 6.x (whose default is https).
    source_url = forms.URLField(
        label=_("Source address"), max_length=2000, required=False, assume_scheme="https"
    )

    class Meta:
        model = Article
        fields = [
            "title",
            "published_on",
            "published_precision",
            "published_year_inferred",
            "dateline_place",
            "author",
            "source_name",
            "source_url",
            "notes",
        ]
        labels = {
            "published_precision": _("Precision of the publication date"),
            "published_year_inferred": _("Year inferred (untick to confirm the year)"),
        }


class NamedRecordForm(forms.ModelForm):
    """A record (person, organisation) whose name no other record or alias answers to.

    The rule is the editing service's (`name_clash`), which the API uses too;
    `noun` names the record in the messages.
    """

    noun = ""

    def clean_name(self):
        name, noun = self.cleaned_data["name"], self.noun
        clash = name_clash(instance=self.instance, name=name)
        if clash is None:
            return name
        owner = clash.owner
        if clash.by_alias:
            message = _("“%(name)s” is another name of the %(noun)s “%(owner)s”.")
        else:
            message = _("There is already a %(noun)s “%(owner)s” with this name.")
        params = {"name": name, "noun": noun, "owner": owner}
        raise ValidationError(f"{message % params} {MERGE_HINT % params}")


class PersonForm(NamedRecordForm):
    noun = _("person")

    class Meta:
        model = Person
        fields = ["name", "rank", "academic_titles", "foreign", "notes"]


class OrganisationForm(NamedRecordForm):
    noun = _("organisation")

    class Meta:
        model = Organisation
        fields = ["name", "abbreviation", "kind", "parent", "notes"]


class AliasForm(forms.ModelForm):
    """An alias whose key is already taken by another alias or record is refused."""

    owner_model: type = Person
    owner_field = "person"

    def clean_name(self):
        name = self.cleaned_data["name"]
        key = matching_key(name)
        taken = type(self.instance).objects.filter(key=key).exclude(pk=self.instance.pk)
        if taken.exists():
            raise ValidationError(
                _("The name “%(name)s” is already another record's other name.") % {"name": name}
            )
        owner_id = getattr(self.instance, f"{self.owner_field}_id", None)
        if self.owner_model.objects.filter(key=key).exclude(pk=owner_id).exists():
            raise ValidationError(
                _("The name “%(name)s” is the main name of another record.") % {"name": name}
            )
        return name


class PersonAliasForm(AliasForm):
    owner_model = Person
    owner_field = "person"

    class Meta:
        model = PersonAlias
        fields = ["name"]
        labels = {"name": _("Name"), "person": _("Person")}


class OrganisationAliasForm(AliasForm):
    owner_model = Organisation
    owner_field = "organisation"

    class Meta:
        model = OrganisationAlias
        fields = ["name", "is_abbreviation"]
        labels = {
            "name": _("Name"),
            "is_abbreviation": _("Is an abbreviation"),
            "organisation": _("Organisation"),
        }


class PositionForm(forms.ModelForm):
    class Meta:
        model = Position
        fields = ["person", "title", "role", "organisation", "article"]
        labels = {"person": _("Person"), "article": _("Article")}


class DirectiveForm(forms.ModelForm):
    class Meta:
        model = Directive
        fields = [
            "kind",
            "kind_code",
            "number",
            "symbol",
            "issued_on",
            "issuer",
            "summary",
            "implements",
            "notes",
        ]
        labels = {"implements": _("Implements")}

    def clean(self):
        cleaned = super().clean()
        # A directive added by hand is identified by its symbol: without one
        # it would have no key an import could match.
        if not self.instance.pk and not cleaned.get("symbol"):
            self.add_error("symbol", _("A directive added by hand needs a number and symbol."))
        return cleaned
