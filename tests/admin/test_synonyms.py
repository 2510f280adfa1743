"""Editors keep the search's synonyms in the admin, checked by the same schema as
fixtures/synonyms.yaml."""

import pytest

from careerpath.models import Synonym

from .formdata import submit

pytestmark = pytest.mark.django_db
ADD = "/admin/careerpath/synonym/add/"


def test_an_editor_adds_a_synonym_group(editor_client):
    response = submit(
        editor_client, ADD, {"slug": "hiring", "words": '["hiring", "recruiting"]', "note": ""}
    )
    assert response.status_code == 302
    assert Synonym.objects.get(slug="hiring").words == ["hiring", "recruiting"]


def test_a_group_with_a_repeated_or_capitalised_word_is_refused(editor_client):
    response = submit(editor_client, ADD, {"slug": "pay2", "words": '["pay", "pay"]'})
    assert response.status_code == 200
    assert "pay appears more than once" in response.content.decode()
    response = submit(editor_client, ADD, {"slug": "pay3", "words": '["pay", "Salary"]'})
    assert "should match pattern" in response.content.decode()
    assert not Synonym.objects.filter(slug__in=["pay2", "pay3"]).exists()
