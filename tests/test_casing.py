"""Paragraph openings set in capitals are parsed in title case, with offsets unchanged."""
from __future__ import annotations

from hypothesis import given, strategies as st

from kg.extract.casing import RecasingTokenizer, recase_shouted_lead


def test_shouted_lead_is_title_cased():
    assert recase_shouted_lead("DEPUTY MAYOR ANA RUIZ has said.\nKUALA LUMPUR, March 8 - Police") == (
        "Deputy Mayor Ana Ruiz has said.\nKuala Lumpur, March 8 - Police")


def test_abbreviations_and_mid_sentence_capitals_stay():
    assert recase_shouted_lead("US ICE agents said.") == "US ICE agents said."
    assert recase_shouted_lead("The sign read STOP NOW PLEASE.") == "The sign read STOP NOW PLEASE."
    assert recase_shouted_lead("UN AGENCY CHIEF ANA RUIZ said") == "UN Agency Chief Ana Ruiz said"


def test_possessive_keeps_its_lower_case_s():
    assert recase_shouted_lead("PRIME MINISTER RUIZ’S plan") == "Prime Minister Ruiz’s plan"


@given(st.text(alphabet=st.sampled_from("ABCÉİßǅ ’'.-\nabc,"), max_size=60))
def test_length_never_changes(text):
    assert len(recase_shouted_lead(text)) == len(text)


def test_tokenizer_keeps_offsets():
    from spacy.lang.en import English

    nlp = English()
    nlp.tokenizer = RecasingTokenizer(nlp.tokenizer)
    text = "TAOISEACH ANA RUIZ has said."
    doc = nlp(text)
    assert doc.text == "Taoiseach Ana Ruiz has said." and len(doc.text) == len(text)
    assert [t.idx for t in doc] == [t.idx for t in English()(text)]
