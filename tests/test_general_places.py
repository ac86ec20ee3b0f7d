"""Regression tests for places, offices and their countries (cq01, cq02, cq09): for each class of
error fixed, a short invented text and the facts it must (and must not) yield."""
from __future__ import annotations


from kg.extract.records import OrientationFact, RoleFact

from fact_views import name


def roles(facts):
    return {(name(facts, f.person), f.role, name(facts, f.country)) for f in facts.of_type(RoleFact)}


def role_countries(facts, person):
    return {c for p, _, c in roles(facts) if p == person}


def orientations(facts):
    return {(name(facts, f.person), f.orientation) for f in facts.of_type(OrientationFact)}


def test_lowercase_word_is_no_province(extract):
    # "coast" is also the name of a province elsewhere: a lower-case common noun names no place
    facts = extract("A fishing boat sank off the coast of Portugal on Monday. The coast guard said 40 people "
                    "were rescued. President Tomas Leal declared three days of mourning.")
    assert role_countries(facts, "Tomas Leal") == {"Portugal"}


def test_upper_case_abbreviation_is_a_country(extract):
    facts = extract("Lawyers asked for a delay in Honduras. US District Judge Paul Hendry issued an order on Saturday.")
    assert role_countries(facts, "Paul Hendry") == {"United States"}


def test_seat_of_government_gives_country(extract):
    facts = extract("Officials in Honduras welcomed the flights. The post was shared by White House "
                    "communications director Dana Pollock.")
    assert role_countries(facts, "Dana Pollock") == {"United States"}


def test_country_in_hyphenated_adjective_is_no_office_country(extract):
    facts = extract("Tobruk is under the control of the Iran-backed warlord and military leader Omar Falaj, "
                    "who has ruled eastern Libya for years. Libya remains divided.")
    assert "Iran" not in role_countries(facts, "Omar Falaj")


def test_nearest_country_before_a_bare_title(extract):
    facts = extract("Facing arrivals from Belarus, Estonia's interior minister Mari Tamm proposed a curfew on "
                    "Monday and was backed by prime minister Jaan Kask.")
    assert role_countries(facts, "Jaan Kask") == {"Estonia"}


def test_two_word_capital_in_title(extract):
    facts = extract("Forty workers were arrested in a raid on Tuesday, said Kuala Lumpur Immigration director "
                    "Amir Rahman.")
    assert role_countries(facts, "Amir Rahman") == {"Malaysia"}


def test_one_word_province_inside_longer_name(extract):
    # "York" alone is an English county; "New York State" is in the United States
    facts = extract("Migrants have been entering Canada from New York State. Public Safety Minister Paul Girard "
                    "said the crossing would close.")
    assert "United Kingdom" not in role_countries(facts, "Paul Girard")


def test_title_with_of_phrase(extract):
    facts = extract("The waters are treacherous, explained IOM Malawi Chief of Mission Paul Menard on Monday.")
    found = roles(facts)
    assert any(p == "Paul Menard" and "Chief of Mission" in r and c in ("Malawi", "IOM") for p, r, c in found)


def test_secretary_of_state_title(extract):
    facts = extract("Officials in Honduras were surprised. US Secretary of State Tom Barrow posted on the site on Sunday.")
    assert any(p == "Tom Barrow" and "Secretary of State" in r and c == "United States" for p, r, c in roles(facts))


def test_international_body_is_the_office_country(extract):
    facts = extract("He said he would discuss the fence with UN chief Lee Min-soo at the assembly in New York.")
    assert ("Lee Min-soo", "UN chief", "UN") in roles(facts)


def test_apposition_with_of_phrase_and_body(extract):
    facts = extract("“We thank all neighbouring countries,” said Anna Berg, IOM’s Chief of Mission in Moldova.")
    assert any(p == "Anna Berg" and r.endswith("Chief of Mission") and c in ("IOM", "Moldova") for p, r, c in roles(facts))


def crossings(facts):
    from kg.extract.records import Kind

    return {(e.name, facts.entities[c].name) for e in facts.entities.values() if e.kind is Kind.CROSSING for c in e.joins}


def test_crossing_points_of_places_in_countries(extract):
    facts = extract("Buses carry refugees between the Border Crossing Points of Lipcani in Moldova and Radauti in Romania.")
    found = crossings(facts)
    assert ("Lipcani", "Moldova") in found and ("Radauti", "Romania") in found


def test_crossing_in_apposition(extract):
    facts = extract("The new sign at Miller Lane, an unofficial border crossing, went up on Friday. Canada and the "
                    "United States amended their agreement.")
    assert {c for n, c in crossings(facts) if n == "Miller Lane"} == {"Canada", "United States"}


def test_sea_crossing_joins_its_shores(extract):
    facts = extract("Some 40,000 people crossed the Channel in small boats last year, the Home Office said.")
    assert {c for n, c in crossings(facts) if n == "English Channel"} == {"France", "United Kingdom"}


def test_party_after_name(extract):
    facts = extract("Meanwhile, MP Somchai Dee of the opposition Bright Party said on Facebook that aid should be sent.")
    assert ("Somchai Dee", "Bright Party") in orientations(facts)
    assert not any(p == "Bright Party" for p, _ in orientations(facts))


def test_us_party_letter_after_name(extract):
    facts = extract("The debate included House sponsor Jane Rowe, R-Tampa, describing her family.")
    assert ("Jane Rowe", "Republican") in orientations(facts)


def test_accented_and_plain_spellings_are_one_person(extract):
    facts = extract("Interior Minister Mehmet Can Öztürk held a news conference in Ankara on Monday. Later, Can "
                    "Ozturk told reporters the refugees would return.")
    people = {e.name for e in facts.entities.values() if e.kind.value == "person"}
    assert people == {"Mehmet Can Öztürk"}


def sections(facts):
    from kg.extract.records import Kind

    return {e.name for e in facts.entities.values() if e.kind is Kind.BORDER}


def test_border_with_two_coordinated_countries(extract):
    facts = extract("Bulgaria has deployed 350 troops along its southern border with Turkiye and Greece to help police.")
    assert {"Bulgaria–Türkiye border", "Bulgaria–Greece border"} <= sections(facts)


def test_borders_shared_by(extract):
    facts = extract("The national borders shared by Brazil and Venezuela were opened again on Tuesday.")
    assert "Brazil–Venezuela border" in sections(facts)


def test_hyphenated_pair_before_border(extract):
    facts = extract("He threatened to close the U.S.-Mexico border and deploy troops there.")
    assert "Mexico–United States border" in sections(facts)


def test_verb_border_in_relative_clause(extract):
    facts = extract("Crossers come from the neighbouring state of Ethiopia, which borders Djibouti to the south.")
    assert "Djibouti–Ethiopia border" in sections(facts)


def test_ethnonym_is_no_person(extract):
    facts = extract("The border was imposed by the colonial rulers, and the Tamu people living on both sides of it "
                    "do not accept it, said Chief Minister Lal Rinpuia.")
    people = {e.name for e in facts.entities.values() if e.kind.value == "person"}
    assert "Tamu" not in people


def test_border_with_country_in_province_is_owned_by_the_province_country(extract):
    facts = extract("He said the border with Myanmar in Mizoram was imposed by the British.")
    assert "India–Myanmar border" in sections(facts)


def test_bare_demonym_is_a_people_not_the_office_country(extract):
    facts = extract("He said the border was imposed by the British. The chief minister said he had discussed the "
                    "matter with PM Arun Dev and the home minister during his visit to Delhi.")
    assert "United Kingdom" not in role_countries(facts, "Arun Dev")


def test_office_without_country_takes_the_article_country(extract):
    facts = extract("Police in Calais, France, cleared a camp on Tuesday. Also present, the coordinator of the "
                    "Maison des exilés, Jean Durand, said fifty people left on their own.")
    assert role_countries(facts, "Jean Durand") == {"France"}


def test_prefect_is_an_office(extract):
    facts = extract("Police in France cleared the camp. According to the prefect Louis Martin, the camp was unsafe.")
    assert any(p == "Louis Martin" and "prefect" in r.lower() for p, r, _ in roles(facts))


def test_city_gives_its_country_unless_ambiguous():
    from kg.extract.gazetteer import city_code

    assert city_code("Kalamata") == "GR"
    assert city_code("Valencia") is None  # a Venezuelan and a Spanish city of similar size
    assert city_code("Jordan") is None  # the country's name, not a city
    assert city_code("kalamata") is None  # only a capitalised name


def test_town_country_gives_the_office_country(extract):
    facts = extract("Hundreds of survivors arrived in Kalamata on Wednesday. Mayor Nikos Petrou said the town was in mourning.")
    assert role_countries(facts, "Nikos Petrou") == {"Greece"}


def test_country_name_is_not_part_of_the_office_label(extract):
    facts = extract("United Kingdom Prime Minister Tom Hale said the boats must be stopped.")
    assert ("Tom Hale", "Prime Minister", "United Kingdom") in roles(facts)


def test_their_border_belongs_to_the_coordinated_subject(extract):
    facts = extract("Kenya and Uganda signed a deal on Monday to shelter the families stranded at their border.")
    assert "Kenya–Uganda border" in sections(facts)


def test_its_border_joins_the_subject_and_a_neighbour_named_in_the_sentence(extract):
    facts = extract("As Lisbon got stricter on its border, officials said Madrid sent more patrols.")
    assert "Portugal–Spain border" in sections(facts)


def test_its_border_without_a_neighbour_gives_no_section(extract):
    facts = extract("Lisbon got stricter on its border, officials said on Monday.")
    assert not any(b.startswith("Portugal") for b in sections(facts))


def test_councillor_is_an_office_and_independent_an_affiliation(extract):
    facts = extract("Lisbon was calm on Monday. Independent city councillor Rui Matos told reporters the site had been closed.")
    assert any(p == "Rui Matos" and "councillor" in r for p, r, _ in roles(facts))
    assert ("Rui Matos", "Independent") in orientations(facts)


def test_lowercase_independent_is_no_affiliation(extract):
    facts = extract("An independent inquiry was ordered by Mayor Rui Matos of Lisbon on Monday.")
    assert not any(o == "Independent" for _, o in orientations(facts))


def test_office_of_an_untagged_district_takes_the_town_country(extract):
    facts = extract("Afghan families are leaving. Karim Dawood Zarkun, Deputy Commissioner (DC) of Quetta district, "
                    "told reporters on Thursday that camps were set up.")
    assert ("Karim Dawood Zarkun", "Deputy Commissioner", "Pakistan") in roles(facts)


def test_next_title_in_a_list_is_no_apposition_of_the_previous_name(extract):
    facts = extract("Rui Matos met Portuguese President Joao Costa, caretaker Prime Minister Pedro Alves and "
                    "Finance Minister Carla Dias in Lisbon on Monday.")
    assert not any(p == "Joao Costa" and "Prime Minister" in r for p, r, _ in roles(facts))
    assert any(p == "Pedro Alves" and "Prime Minister" in r for p, r, _ in roles(facts))


def test_office_with_postposed_designate_before_a_name(extract):
    facts = extract("Rui Matos met Prime Minister designate Carla Dias in Lisbon on Monday.")
    assert any(p == "Carla Dias" and "Prime Minister" in r for p, r, _ in roles(facts))


def test_country_possessive_the_model_tags_as_a_person(extract):
    # "Mali's junta leader": the statistical model reads "Mali" as a person; its possessive on an
    # office makes it the country, and the rank before the name does not hide the apposition
    facts = extract('"The sentences shall be cancelled," Mali\'s junta leader, Gen. Abel Moraga, said on Monday.')
    assert ("Abel Moraga", "leader", "Mali") in roles(facts)
    assert "Mali" not in {p for p, _, _ in roles(facts)}


def test_two_word_office_in_apposition(extract):
    # "secretary general" is one office, although "general" alone is no office word
    facts = extract("Prisoners will be released, Ibrahim Jean Sidibe, the secretary general of the justice "
                    "ministry of Mali, said on Monday.")
    assert {r for p, r, _ in roles(facts) if p == "Ibrahim Jean Sidibe"} == {"secretary general"}


def test_combining_forms_name_the_countries_of_a_border(extract):
    # "Indo-", "Sino-", "Pak-": a country's combining form before a hyphen
    assert "Afghanistan–Pakistan border" in sections(extract("Families crossed the Pak-Afghan border on Monday."))
    assert "Bangladesh–India border" in sections(extract("Troops were sent to the Indo-Bangladesh border on Monday."))
    assert "France–Spain border" in sections(extract("Trade resumed on the Franco-Spanish border on Monday."))


def test_organisation_before_a_party_office_is_the_party(extract):
    facts = extract("Likud lawmaker Avi Dror said the fence was needed.")
    assert ("Avi Dror", "Likud") in orientations(facts)
    facts = extract("UNHCR official Ana Ruiz said the camp was full.")
    assert not orientations(facts)


def test_title_with_of_the(extract):
    facts = extract("The deal was signed on Monday by Minister of the Interior Abel Moraga of Senegal.")
    assert ("Abel Moraga", "Minister of the Interior", "Senegal") in roles(facts)


def test_border_town_crossing_faces_the_neighbour_close_by(extract):
    # the other side of a crossing at a town is the neighbour with a city close by (GeoNames),
    # not the neighbour the article names most
    facts = extract("Migrants crossed Portugal and France by train. Most had reached Portugal first, and "
                    "Portugal said the flow had doubled.\nThe police chief spoke from the Irun border crossing "
                    "in Spain on Wednesday.")
    assert {c for n, c in crossings(facts) if n == "Irun border crossing"} == {"Spain", "France"}


def test_neighbour_across_needs_a_town_near_the_border():
    from kg.extract.gazetteer import neighbour_across

    assert neighbour_across("Tijuana", "MX") == "US"
    assert neighbour_across("Lima", "PE") is None  # far from every border
    assert neighbour_across("Tijuana", "PE") is None  # not a town of that country
