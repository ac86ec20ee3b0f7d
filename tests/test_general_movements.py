"""Regression tests for movements of groups of people (cq06): for each class of construction, a
short text written here and the (group, origin, destination) rows it must (and must not) yield.
Names are invented; the countries are only general knowledge."""
from __future__ import annotations

import pytest

from kg.extract.articles import article_from_text
from kg.extract.records import MovementFact


@pytest.fixture(scope="module")
def moves():
    from kg.extract.pipeline import Extractor

    extractor = Extractor()

    def run(text: str) -> set:
        facts = extractor.extract(article_from_text(text, slug="t", published="2024-03-08"))

        def name(key):
            return facts.entities[key].name if key else None

        return {(name(m.group), name(m.origin), name(m.destination)) for m in facts.of_type(MovementFact)}

    return run


def test_passive_subject_is_the_group_sent(moves):
    assert ("migrants", None, "Ecuador") in moves("Hundreds of migrants were deported to Ecuador last week.")


def test_a_state_that_sends_is_the_origin(moves):
    assert ("migrants", "Spain", "Senegal") in moves("Spain deported 40 migrants to Senegal on Tuesday.")


def test_a_send_without_destination_is_no_movement(moves):
    assert moves("Police transferred the migrants from Germany on Tuesday.") == set()


def test_a_removal_without_destination_leaves_its_origin(moves):
    assert moves("Thousands of migrants were expelled from Germany in 2023.") == {("migrants", "Germany", None)}


def test_subject_through_control_and_each_listed_origin(moves):
    found = moves("Migrants from Eritrea and Sudan tried to reach Malta by boat.")
    assert ("Migrants", "Eritrea", "Malta") in found
    assert ("Migrants", "Sudan", "Malta") in found


def test_relative_clause_and_demonym_origin(moves):
    found = moves("Aid workers met Somali refugees who fled into Kenya in May.")
    assert ("Somali refugees", "Somalia", "Kenya") in found


def test_participle_on_the_group_noun(moves):
    assert ("migrants", None, "Spain") in moves("Coast guards stopped a boat of migrants heading for Spain.")


def test_noun_of_movement_with_of_group_and_to_place(moves):
    found = moves("The flight of 50 Cuban migrants to Mexico was cancelled.")
    assert ("Cuban migrants", "Cuba", "Mexico") in found


def test_demonym_plural_comes_from_its_country(moves):
    assert ("Nicaraguans", "Nicaragua", "Costa Rica") in moves("Thousands of Nicaraguans entered Costa Rica on Monday.")


def test_them_stands_for_the_nearest_participant_before(moves):
    text = ("The flow of migrants grew in August. Police in Croatia met the new arrivals, and Croatia then "
            "took them to the border of Slovenia.")
    assert ("new arrivals", "Croatia", "Slovenia") in moves(text)


def test_them_is_not_a_group_when_a_nearer_participant_is_not(moves):
    text = "Dozens of migrants waited at the port. Police caught the smugglers and took them to Athens."
    assert moves(text) == set()


def test_sent_back_goes_to_the_groups_country(moves):
    assert ("Syrians", "Lebanon", "Syria") in moves("Lebanon has sent 300 Syrians back this year.")


def test_a_common_noun_that_is_no_place_is_no_destination(moves):
    found = moves("All the migrants went to one side of the boat. He sent Syrians to their deaths.")
    assert not any(dest in ("one side", "deaths") for _, _, dest in found)


def test_a_demonym_on_a_generic_noun_is_no_place(moves):
    found = moves("Peru imposed new rules on migrants fleeing the troubled South American nation.")
    assert not any(origin == "United States" for _, origin, _ in found)


def test_an_influx_arrives_in_the_country_the_article_is_about(moves):
    text = "Greece has deployed 300 troops to its northern border to combat a growing migrant influx."
    assert any(dest == "Greece" and "migrant" in group for group, _, dest in moves(text))


def test_a_partial_repeat_gives_way_to_the_full_movement(moves):
    found = moves("Over 1,000 people have fled Sudan into Chad. Refugees fleeing Sudan need shelter.")
    assert ("people", "Sudan", "Chad") in found
    assert not any(dest is None for _, _, dest in found)


def test_make_their_way_is_a_verb_of_going(moves):
    found = moves("Thousands of Hondurans made their way into Guatemala on foot.")
    assert ("Hondurans", "Honduras", "Guatemala") in found


def test_the_group_after_a_dateline_is_the_mover(moves):
    text = "Puerto Lindo, Panama — Hundreds of Colombians began making their way from Ecuador into Costa Rica on Friday."
    assert ("Colombians", "Ecuador", "Costa Rica") in moves(text)


def test_a_regional_demonym_names_no_country(moves):
    found = moves("Hundreds of Central Americans entered Mexico on Sunday.")
    assert ("Central Americans", None, "Mexico") in found


def test_a_country_that_receives_a_group_is_its_destination(moves):
    found = moves("Kenya received 20,000 Somali refugees and 5,000 Ethiopians from Somalia last year.")
    assert ("Somali refugees", "Somalia", "Kenya") in found
    assert ("Ethiopians", "Somalia", "Kenya") in found


def test_a_vehicle_carrying_a_group_takes_it_where_it_goes(moves):
    text = "The boat, carrying about 60 migrants, was en route to Spain from the coast of Morocco."
    assert ("migrants", "Morocco", "Spain") in moves(text)


def test_a_participle_after_the_carried_group_is_the_groups(moves):
    text = "A small boat carrying migrants trying to reach Italy sank off Malta on Monday."
    assert ("migrants", None, "Italy") in moves(text)


def test_plain_people_who_fled_are_a_group(moves):
    found = moves("Officials counted people who fled Sudan and 200,000 people fled Sudan into Chad.")
    assert ("people", "Sudan", "Chad") in found
    assert ("people entering Chile", "Bolivia", "Chile") in moves("Rules changed for people entering Chile from Bolivia.")


def test_plain_people_doing_nothing_are_no_group(moves):
    assert moves("Many people went to Madrid for the holidays.") == set()


def test_a_bulleted_list_completes_the_verb_above_it(moves):
    text = ("Arizona has also bused:\n\n"
            "• Over 1,200 migrants to Denver since May\n"
            "• Over 800 migrants to Boston since June\n")
    found = moves(text)
    assert ("migrants", "Arizona", "Denver") in found
    assert ("migrants", "Arizona", "Boston") in found


def test_a_list_without_a_verb_of_moving_is_no_movement(moves):
    text = "Arizona has also counted:\n\n• Over 1,200 migrants in Denver since May\n"
    assert moves(text) == set()


def test_bound_for_gives_the_destination(moves):
    found = moves("Police stopped a truck with 80 Honduran migrants bound for the United States.")
    assert ("Honduran migrants", "Honduras", "United States") in found
    assert ("migrants", None, "Italy") in moves("The migrants were bound for Italy.")


def test_arrive_in_and_bring_into_give_the_destination(moves):
    assert ("migrants", None, "Malta") in moves("About 200 migrants arrived in Malta on Sunday.")
    assert ("refugees", None, "Greece") in moves("Smugglers brought 40 refugees into Greece last week.")
    assert moves("The minister arrived in Malta on Sunday.") == set()


def test_returning_demonyms_go_to_their_country(moves):
    assert ("Syrians", "Lebanon", "Syria") in moves("Syrians returning from Lebanon face hardship.")


def test_origin_and_destination_from_two_verbs_of_a_sentence_make_one_row(moves):
    found = moves("Migrants who crossed from Libya and Tunisia were taken to Lampedusa.")
    assert found == {("Migrants", "Libya", "Lampedusa"), ("Migrants", "Tunisia", "Lampedusa")}


def test_the_state_owning_a_deportation_is_the_origin(moves):
    assert ("migrants", "United Kingdom", "Rwanda") in moves("Britain's deportation of 50 migrants to Rwanda was halted.")
    assert ("refugees", None, "Spain") in moves("Ana Ruiz's transfer of refugees to Spain was praised.")


def test_on_their_way_to_gives_the_destination(moves):
    assert ("Haitian migrants", "Haiti", "United States") in moves(
        "Police detained 40 Haitian migrants on their way to the United States.")
    assert ("migrants", None, "Italy") in moves("The migrants were on their way to Italy when the boat sank.")
    assert moves("The minister was on his way to Paris.") == set()


def test_those_with_a_participle_is_a_group(moves):
    rows = moves("Police raided a market in Norvale on Monday. All those arrested were taken to the Kelso detention centre.")
    # the group is taken from where the story is set (the lead's place) to the centre
    assert ("those arrested", "Norvale", "Kelso detention centre") in rows


def test_bare_those_is_no_group(moves):
    assert moves("Those were taken to the Kelso detention centre.") == set()


def test_a_demonym_group_that_just_leaves_has_no_origin(moves):
    assert moves("Afghan families left behind will be given food by the town.") == set()


def test_a_state_that_accepts_a_group_is_its_destination(moves):
    assert ("refugees", "Eritrea", "Canada") in moves("Last year, Canada accepted 300 refugees from Eritrea.")


def test_a_sending_abroad_with_no_sender_leaves_the_home_country(moves):
    text = ("Spain's interior ministry said on Monday that Spain's border police had detained 200 people. "
            "Spanish officials said 40 migrants were deported to Senegal on Tuesday.")
    assert ("migrants", "Spain", "Senegal") in moves(text)


def test_a_sending_to_a_camp_gets_no_home_origin(moves):
    text = ("Spain's interior ministry said on Monday that Spanish police had detained 200 people. "
            "Forty migrants were taken to the Kelso detention centre.")
    assert not any(row[1] == "Spain" for row in moves(text))


def test_a_trip_noun_as_object_is_the_subjects_trip(moves):
    assert ("migrants", None, "Canary Islands") in moves("Hundreds of migrants attempt the crossing to the Canary Islands every month.")
    assert ("migrants", None, "Spain") in moves("Officials want to deter migrants from making the journey to Spain.")


def test_a_trip_noun_of_non_group_is_no_movement(moves):
    assert moves("Reporters made the journey to Spain.") == set()


def test_participle_hung_on_the_next_clause_is_the_groups(moves):
    rows = moves("Dravia last month sealed its border with Ostland, cutting off the main entry point for tens of "
                 "thousands of migrants travelling up through the hills trying to make it to northern Europe.")
    assert ("migrants", None, "Europe") in rows


def test_purpose_phrase_takes_the_subject_of_its_verb(moves):
    rows = moves("Exiles continue to flock to the port in the hope of reaching Spain.")
    assert any(g == "Exiles" and d == "Spain" for g, _, d in rows)


def test_he_stands_for_one_migrant(moves):
    rows = moves("On Wednesday, a Sudanese migrant died, hit by a truck in which he was trying to reach England.")
    assert ("Sudanese migrant", "Sudan", "United Kingdom") in rows


def test_he_for_a_named_person_is_no_group(moves):
    assert moves("Omar Veldt, a lawyer, said he was trying to reach England.") == set()


def test_each_group_an_including_list_names_goes_home(moves):
    rows = moves("Last year, Spain repatriated nearly 5,000 migrants, including 26 Colombians and 3,349 Moroccans.")
    assert ("Colombians", "Spain", "Colombia") in rows
    assert ("Moroccans", "Spain", "Morocco") in rows


def test_deportation_flights_move_deportees(moves):
    rows = moves("The British government said no deportation flights to Rwanda will take place before the election.")
    assert ("deportees", "United Kingdom", "Rwanda") in rows


def test_a_relative_clause_copula_does_not_keep_the_destination(moves):
    rows = moves("The law provides $12 million to transport immigrants who are in the country illegally to other states.")
    assert ("immigrants", None, "other states") in rows


def test_the_cities_of_a_list_are_each_a_destination(moves):
    rows = moves("The migrants were transferred to reception centres in the cities of Korvo and Mellin.")
    destinations = {d for _, _, d in rows}
    assert {"Korvo", "Mellin"} <= destinations


def test_where_a_group_is_stranded_is_where_it_leaves(moves):
    rows = moves("Officials agreed to share the groups of migrants who are at the border. "
                 "The groups were transferred on Wednesday to a camp in Zarzis.")
    assert any(o == "border" and d is not None for _, o, d in rows)


def test_it_that_accepts_a_group_is_the_home_country(moves):
    rows = moves("Japan enacted a new asylum law on Friday. Tokyo officials said Japan would deport failed asylum "
                 "seekers. It has also accepted more than 2,400 evacuees from Ukraine.")
    assert ("evacuees", "Ukraine", "Japan") in rows
    assert ("failed asylum seekers", "Japan", None) in rows


def test_a_continental_demonym_is_a_group(moves):
    assert ("Africans", None, "Libya") in moves("The town is a key route for Africans trying to reach Libya.")


def test_fifty_of_them_is_the_group_before(moves):
    rows = moves("The boat carried 200 Rohingya refugees. 50 of them disembarked in Indonesia's Riau province.")
    assert any(g.endswith("refugees") and d in ("Riau", "Indonesia") for g, _, d in rows)


def test_a_named_person_called_a_migrant_moves_under_their_name(moves):
    rows = moves("\"There is no future there,\" said Ana Rivas, a Venezuelan migrant who was in the city of Ipiales "
                 "on Thursday, and still had to travel 800km to make it to Peru.")
    assert ("Ana Rivas", "Venezuela", "Peru") in rows


def test_a_named_official_who_travels_is_no_group(moves):
    assert moves("Ana Rivas, the foreign minister, travelled to Peru on Thursday.") == set()


def test_a_state_host_to_a_group_is_its_destination(moves):
    rows = moves("Peru is host to 1.5 million Venezuelans, officials said on Monday.")
    assert ("Venezuelans", "Venezuela", "Peru") in rows


def test_a_state_that_hosts_a_group_is_its_destination(moves):
    rows = moves("Lebanon hosts 1.5 million Syrian refugees, the agency said.")
    assert ("Syrian refugees", "Syria", "Lebanon") in rows


def test_its_country_is_the_state_named_before(moves):
    rows = moves("Brussels pledges to support Mauritania's efforts to address the arrival of refugees in its country.")
    assert ("refugees", None, "Mauritania") in rows


def test_a_reduced_relative_clause_has_the_group_as_subject(moves):
    rows = moves("Bulgaria is situated on one of the routes migrants from the Middle East and Afghanistan use to "
                 "enter the European Union.")
    assert ("migrants", "Afghanistan", "European Union") in rows
