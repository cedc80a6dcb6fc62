"""Admin forms that refuse a name another record already answers to.

Names are unique through their matching key, which the model computes on
save; without these checks a clashing name would reach the database and
fail there with an error page instead of a message on the form.
"""

from __future__ import annotations

from django import forms
from django.core.exceptions import ValidationError

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

MERGE_HINT = "Nếu là cùng một {noun}, hãy dùng thao tác “Hợp nhất” trong danh sách."


class ArticleForm(forms.ModelForm):
    # Explicit so the form behaves the same under Django 5.2 and 6.x (whose default is https).
    source_url = forms.URLField(
        label="Địa chỉ nguồn", max_length=2000, required=False, assume_scheme="https"
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
            "published_precision": "Độ chính xác của ngày đăng",
            "published_year_inferred": "Năm được suy ra (bỏ chọn để xác nhận năm)",
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
            message = f"“{name}” là tên khác của {noun} “{owner}”. "
        else:
            message = f"Đã có {noun} “{owner}” với tên này. "
        raise ValidationError(message + MERGE_HINT.format(noun=noun))


class PersonForm(NamedRecordForm):
    noun = "nhân vật"

    class Meta:
        model = Person
        fields = ["name", "rank", "academic_titles", "foreign", "notes"]


class OrganisationForm(NamedRecordForm):
    noun = "tổ chức"

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
            raise ValidationError(f"Tên “{name}” đã là tên khác của một bản ghi.")
        owner_id = getattr(self.instance, f"{self.owner_field}_id", None)
        if self.owner_model.objects.filter(key=key).exclude(pk=owner_id).exists():
            raise ValidationError(f"Tên “{name}” là tên chính của một bản ghi khác.")
        return name


class PersonAliasForm(AliasForm):
    owner_model = Person
    owner_field = "person"

    class Meta:
        model = PersonAlias
        fields = ["name"]
        labels = {"name": "Tên", "person": "Nhân vật"}


class OrganisationAliasForm(AliasForm):
    owner_model = Organisation
    owner_field = "organisation"

    class Meta:
        model = OrganisationAlias
        fields = ["name", "is_abbreviation"]
        labels = {"name": "Tên", "is_abbreviation": "Là tên viết tắt", "organisation": "Tổ chức"}


class PositionForm(forms.ModelForm):
    class Meta:
        model = Position
        fields = ["person", "title", "role", "organisation", "article"]
        labels = {"person": "Nhân vật", "article": "Bài viết"}


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
        labels = {"implements": "Thực hiện văn bản"}

    def clean(self):
        cleaned = super().clean()
        # A directive added by hand is identified by its symbol: without one
        # it would have no key an import could match.
        if not self.instance.pk and not cleaned.get("symbol"):
            self.add_error("symbol", "Văn bản thêm bằng tay cần có số, ký hiệu.")
        return cleaned
