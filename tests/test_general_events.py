"""Regression tests for events and elections (cq04, cq08): dated nominal and verbal events,
dates that follow the tense of their clause, election rounds and endorsed candidates. Texts are
invented; names of people and towns are made up."""
from __future__ import annotations


from kg.extract.records import EventFact

from fact_views import name


def events(facts):
    return {(f.label, f.event_type, name(facts, f.place), f.date) for f in facts.of_type(EventFact)}


def by_type(facts, etype):
    return [f for f in facts.of_type(EventFact) if f.event_type == etype]


def test_a_dated_news_conference_is_an_event(extract):
    facts = extract("The interior minister of Spain told a news conference on Thursday that the border would stay shut.")
    assert any(label == "news conference" and etype == "press conference" and date == "2024-03-07"
               for label, etype, _, date in events(facts))


def test_said_in_a_statement_on_a_weekday_is_a_dated_statement(extract):
    facts = extract("The Spanish government said in a statement on Tuesday that crossings had risen.")
    assert [f.date for f in by_type(facts, "statement")] == ["2024-03-05"]


def test_undated_event_nouns_stay_out(extract):
    facts = extract("Deportations and raids have become routine, critics say, and every decree is contested.")
    assert not by_type(facts, "raid") and not by_type(facts, "decree") and not by_type(facts, "deportation")


def test_a_dated_raid_and_decree_are_events(extract):
    facts = extract("Police carried out a raid in Dunmore on Tuesday. The president of Spain issued a decree on Wednesday.")
    assert [f.date for f in by_type(facts, "raid")] == ["2024-03-05"]
    assert [f.date for f in by_type(facts, "decree")] == ["2024-03-06"]


def test_a_dated_death_takes_the_place_of_the_sentence_not_the_nationality(extract):
    facts = extract("A Sudanese migrant died on Wednesday after he was hit by a truck near Arden.")
    death = by_type(facts, "death")
    assert [(name(facts, d.place), d.date) for d in death] == [("Arden", "2024-03-06")]


def test_arriving_in_power_is_not_an_arrival(extract):
    facts = extract("The prime minister arrived in power last year with promises to curb migration.")
    assert not by_type(facts, "arrival")


def test_a_date_in_a_relative_clause_does_not_date_a_dated_event_noun(extract):
    facts = extract("The surge, which comes despite a deal signed with Spain in July, worries officials.")
    assert not any(f.date == "2023-07" for f in by_type(facts, "arrival"))


def test_a_participle_dates_the_noun_it_describes(extract):
    facts = extract("The camp was cleared after court decisions handed down in January, officials said.")
    assert any(f.date == "2024-01" for f in by_type(facts, "decision"))


def test_weekdays_follow_the_tense_of_their_clause(extract):
    future = extract("Ministers of France and Spain will meet on Monday in Dunmore.")
    past = extract("Ministers of France and Spain met on Monday in Dunmore.")
    assert [f.date for f in by_type(future, "meeting")] == ["2024-03-11"]
    assert [f.date for f in by_type(past, "meeting")] == ["2024-03-04"]


def test_the_first_round_of_an_election_is_the_dated_election(extract):
    facts = extract("The opposition leader lost the first round of the presidential election on Sunday.")
    elections = by_type(facts, "election")
    assert [(e.label, e.date) for e in elections] == [("first round", "2024-03-03")]


def test_whom_one_endorses_in_a_runoff_are_its_candidates(extract):
    facts = extract("Viewed as a kingmaker, Tomas Pardo is undecided on endorsing Lia Moreno or Mira Tosk in the runoff.")
    runoff = next(e for e in by_type(facts, "election") if e.label == "runoff")
    candidates = {name(facts, c) for c in runoff.candidates}
    assert "Tomas Pardo" not in candidates and "Lia Moreno" in candidates


def test_a_press_conference_in_an_adverbial_phrase_of_call_is_an_event(extract):
    facts = extract("At a press conference on Friday evening, the prime minister of Spain called the situation regrettable.")
    assert [f.date for f in by_type(facts, "press conference")] == ["2024-03-08"]


def test_a_proposed_or_counted_event_is_not_an_event(extract):
    facts = extract("Protesters called for a debate on Monday. Police made a series of raids in Arden on Monday.")
    assert not by_type(facts, "debate") and not by_type(facts, "raid")


def test_since_dates_a_period_not_an_event(extract):
    facts = extract("Over 3,000 migrants have died in the strait since 2006, officials in Spain said.")
    assert not any(f.date == "2006" for f in by_type(facts, "death"))


def test_relative_weeks_months_and_years_resolve_against_publication():
    from kg.extract.dates import resolve_date

    assert resolve_date("next month", "2024-12-10") == "2025-01"
    assert resolve_date("next year", "2024-03-08") == "2025"
    assert resolve_date("last week", "2024-03-03") == "2024-02"
    assert resolve_date("in August", "2024-03-08", tense="past") == "2023-08"
    assert resolve_date("in August", "2024-03-08", tense="future") == "2024-08"


def test_what_comes_ahead_of_the_clause_is_dated_forward(extract):
    facts = extract("The interior minister of Spain proposed the measure on Monday and was backed by the cabinet "
                    "ahead of a formal decision on Tuesday.", published="2024-03-11")  # a Monday
    assert [f.date for f in by_type(facts, "decision")] == ["2024-03-12"]


def test_a_government_falls_but_numbers_only_decline(extract):
    fell = extract("The government of Spain fell on Friday evening over a dispute on asylum policy.")
    declined = extract("Arrivals in Spain fell on Friday after the new rules.")
    assert [f.date for f in by_type(fell, "collapse")] == ["2024-03-08"]
    assert not by_type(declined, "collapse")


def test_a_bus_stop_is_not_an_event(extract):
    facts = extract("At a campaign stop in Arden on Friday, the senator thanked officials. A bus stop in Arden was closed on Friday.")
    assert not any("stop" in f.label for f in facts.of_type(EventFact))


def test_ordering_people_to_leave_is_a_dated_expulsion(extract):
    facts = extract("Officials in Spain on Tuesday ordered the visiting commissioner to leave the country.")
    assert [f.date for f in by_type(facts, "expulsion")] == ["2024-03-05"]


def test_a_request_lodged_in_a_month_is_a_dated_request(extract):
    facts = extract("A judge rejected a request lodged in January by officials in Spain.")
    assert [f.date for f in by_type(facts, "request")] == ["2024-01"]


def test_a_pronoun_fronted_before_the_main_clause_names_the_candidate(extract):
    facts = extract("In his first speech since he lost the first round of elections on Sunday, Lia Moreno attacked the government.")
    first = next(e for e in by_type(facts, "election") if e.label == "first round")
    assert [name(facts, c) for c in first.candidates] == ["Lia Moreno"]


def test_a_place_in_a_title_is_not_where_a_dated_event_happens(extract):
    facts = extract("Spain said the border stays open. Spanish officials on Tuesday ordered EU migration commissioner "
                    "Tomas Pardo and several ministers to leave the country.")
    assert [name(facts, f.place) for f in by_type(facts, "expulsion")] != ["European Union"]


def test_candidates_named_by_their_standing_in_polls_or_results(extract):
    facts = extract("Lia Moreno leads the polls ahead of the presidential election in Chile on Sunday, while Tomas Pardo came second.")
    election = next(e for e in by_type(facts, "election"))
    assert {name(facts, c) for c in election.candidates} >= {"Lia Moreno", "Tomas Pardo"}


def test_a_first_time_is_no_standing(extract):
    facts = extract("Lia Moreno took office for the first time after the election in Chile in 2019.")
    election = next(e for e in by_type(facts, "election"))
    assert "Lia Moreno" not in {name(facts, c) for c in election.candidates}


def test_signing_a_bill_is_a_bill_signing(extract):
    facts = extract("The governor of Spain signed the bill on Wednesday in Arden.")
    assert [f.label for f in by_type(facts, "signing")] == ["bill signing"]


def test_a_death_found_on_a_boat_takes_the_named_place(extract):
    facts = extract("On Saturday, a newborn baby was found dead on a boat carrying people to Arden during a rescue operation.")
    assert [(name(facts, f.place), f.date) for f in by_type(facts, "death")] == [("Arden", "2024-03-02")]


def test_the_bill_a_governor_signed_is_a_bill_signing(extract):
    facts = extract("The bill the governor of Spain signed Wednesday tightens the rules.")
    assert [(f.label, f.date) for f in by_type(facts, "signing")] == [("bill signing", "2024-03-06")]


def test_habitual_crossings_are_not_events(extract):
    facts = extract("Next to the road in Arden where people cross, there were two metal gates. "
                    "Hundreds of migrants crossed the river into Spain on Tuesday.")
    assert [f.date for f in by_type(facts, "crossing")] == ["2024-03-05"]


def test_a_gerund_takes_the_tense_of_its_clause_not_of_a_quote(extract):
    facts = extract('"They will be deployed there," the foreign minister of Spain said after leaving trade talks in Arden on Thursday.')
    assert [f.date for f in by_type(facts, "meeting")] == ["2024-03-07"]


def test_an_undated_past_event_in_the_lead_happened_on_the_publication_day(extract):
    facts = extract("The refugee commissioner, who visited Velmora as part of a regional trip, said aid must rise. "
                    "Officials in Velmora welcomed the pledge.")
    assert [f.date for f in by_type(facts, "visit")] == ["2024-03-08"]


def test_a_lead_sentence_that_dates_something_else_gives_no_publication_date(extract):
    facts = extract("The minister condemned the riot in Velmora last night, where 12 people were arrested by police.")
    assert all(f.date != "2024-03-08" for f in by_type(facts, "arrest"))


def test_an_undated_event_after_the_lead_stays_undated(extract):
    facts = extract("The refugee commissioner spoke in Velmora. Aid groups asked for more funds. Donors hesitated. "
                    "Later the commissioner visited Velmora to see the camps.")
    assert all(f.date is None for f in by_type(facts, "visit"))


def test_an_election_n_years_before_a_lead_clause_is_dated_back_from_publication(extract):
    facts = extract("Norland imposed fresh sanctions on Velgrad exactly one year after flawed elections in Ostmark.")
    elections = by_type(facts, "election")
    assert elections and elections[0].date == "2023-03-08"


def test_an_election_takes_the_country_of_the_town_named_nearest(extract):
    facts = extract("Norway criticised the government, while Britain imposed sanctions on Minsk after flawed elections.")
    assert [name(facts, f.place) for f in by_type(facts, "election")] == ["Belarus"]


def test_span_before_counts_back_days_weeks_months_and_years():
    from kg.extract.dates import span_before

    assert span_before("exactly one year", "2024-03-08") == "2023-03-08"
    assert span_before("two weeks", "2024-03-08") == "2024-02-23"
    assert span_before("a month", "2024-03-31") == "2024-02"
    assert span_before("last year", "2024-03-08") is None


def test_an_undated_dated_event_noun_in_the_lead_is_reported_on_the_publication_day(extract):
    facts = extract("Police carried out a raid on a camp in Velmora, officials said. Aid groups condemned it.")
    assert [f.date for f in by_type(facts, "raid")] == ["2024-03-08"]


# --- issue 12: negation, unreal chains, times of day, statements, transfers, neighbouring dates ---

def test_a_negated_event_did_not_happen(extract):
    facts = extract("No agreement was reached with Spain on Tuesday. The four parties said further talks no longer made sense.")
    assert not by_type(facts, "agreement") and not by_type(facts, "meeting")


def test_every_verb_of_a_threatened_chain_stays_unreal(extract):
    facts = extract("The president of Spain threatened to cut aid, close the border and deploy troops.")
    assert not by_type(facts, "deployment") and not by_type(facts, "closure")


def test_closing_gaps_in_a_border_is_not_a_border_closure(extract):
    facts = extract("Border gaps near Arden were closed with shipping containers earlier this year, officials of Spain said.")
    assert not by_type(facts, "closure")
    facts = extract("Spain closed its land and sea borders with Morocco on Tuesday.")
    assert [f.date for f in by_type(facts, "closure")] == ["2024-03-05"]


def test_a_time_of_day_dates_the_clause_it_hangs_on(extract):
    facts = extract("The prime minister of Ireland condemned the violent scenes in Dunmore last night, where 19 people were arrested.")
    assert [f.date for f in by_type(facts, "arrest")] == ["2024-03-07"]


def test_a_statement_dated_by_its_own_clause_is_an_event(extract):
    facts = extract("Spain's interior minister Ana Ortiz on Monday said the camp would be cleared.")
    assert [f.date for f in by_type(facts, "statement")] == ["2024-03-04"]
    facts = extract("The president of France criticised the court last week.")
    assert [f.date for f in by_type(facts, "statement")] == ["2024-03"]


def test_a_passive_report_or_a_date_of_the_reported_clause_is_no_statement(extract):
    facts = extract("In August, 24 migrants were reported missing off the coast of Spain. "
                    "The minister of Spain said the camp had been cleared on Monday.")
    assert not by_type(facts, "statement")


def test_a_noun_after_following_takes_the_date_of_its_clause(extract):
    facts = extract("In August, more than 24 migrants were reported missing and believed dead following a shipwreck off the coast of Spain.")
    assert [(name(facts, f.place), f.date) for f in by_type(facts, "shipwreck")] == [("Spain", "2023-08")]


def test_an_undated_past_event_takes_the_day_of_the_sentence_before(extract):
    facts = extract("Police of France cleared a camp near Arden on Thursday morning. Five migrants were arrested, the prefecture said.")
    assert [f.date for f in by_type(facts, "arrest")] == ["2024-03-07"]
    facts = extract("Police of France cleared a camp near Arden on Thursday.\nFive migrants were arrested, the prefecture said.")
    assert [f.date for f in by_type(facts, "arrest")] != ["2024-03-07"]  # a new paragraph


def test_people_taken_to_a_town_are_a_transfer_there(extract):
    facts = extract("The migrants were transferred on Wednesday to reception centres in Marseille, officials of France said.")
    assert [(name(facts, f.place), f.date) for f in by_type(facts, "transfer")] == [("Marseille", "2024-03-06")]
    facts = extract("Gangs that bring migrants into France are prosecuted.")
    assert not by_type(facts, "transfer")


def test_a_clause_of_the_same_moment_shares_the_day_and_town(extract):
    facts = extract("During a news conference in Marseille on Wednesday, the French interior minister Ana Ortiz said, "
                    "\u201cWe are ready,\u201d as she signed the bill.")
    assert [(name(facts, f.place), f.date) for f in by_type(facts, "signing")] == [("Marseille", "2024-03-06")]


def test_a_coordinated_clause_does_not_give_a_journey_its_place(extract):
    facts = extract("Ana Ortiz traveled with her two children and said it took her 16 hours to cross the border between Spain and France.")
    assert not by_type(facts, "visit")


def test_a_bare_complement_of_a_modal_verb_is_unreal(extract):
    facts = extract("Campaigners of Britain fear the law could see refugees detained indefinitely.")
    assert not by_type(facts, "detention")


def test_a_date_that_modifies_another_noun_does_not_date_the_event(extract):
    facts = extract("The junta of Niger has signed a decree revoking a 2015 law on smuggling.")
    assert all(f.date != "2015" for f in by_type(facts, "signing"))


def test_a_transfer_to_a_place_the_graph_does_not_know_is_left_out(extract):
    facts = extract("Many exhausted survivors were taken to a large warehouse, officials of Greece said.")
    assert not by_type(facts, "transfer")


def test_people_rescued_in_a_past_clause_are_a_rescue(extract):
    facts = extract("Rescuers of Spain worked through the night. Officials said a total of 26 survivors were rescued by the coast guard of Spain.")
    assert [name(facts, f.place) for f in by_type(facts, "rescue")] == ["Spain"]
    facts = extract("Charities of Spain say migrants must be rescued at sea.")
    assert not by_type(facts, "rescue")


def test_an_event_other_events_are_timed_by_happened(extract):
    facts = extract("The government of Britain is in a legal battle, after a Court of Appeal ruling deemed the plan unlawful.")
    assert by_type(facts, "ruling")


def test_a_length_of_time_does_not_stop_the_lead_dating_its_events(extract):
    facts = extract("Britain imposed fresh sanctions on Minsk exactly one year after flawed elections, officials said.",
                    published="2021-08-09")
    assert [f.date for f in by_type(facts, "sanctions")] == ["2021-08-09"]


def test_the_subject_of_a_verb_of_occurring_is_an_event(extract):
    facts = extract("A ruckus broke out in the parliament of Japan on Thursday when lawmakers accosted the chairman.")
    assert [(f.label, f.date) for f in by_type(facts, "ruckus")] == [("ruckus", "2024-03-07")]
    facts = extract("Officials of Japan fear a ruckus could break out in parliament.")
    assert not by_type(facts, "ruckus")


def test_taking_people_into_custody_is_an_arrest(extract):
    facts = extract("Police of Indonesia have taken three suspects into custody on allegations of people smuggling.")
    assert [name(facts, f.place) for f in by_type(facts, "arrest")] == ["Indonesia"]


def test_a_dated_death_or_killing_noun_is_an_event(extract):
    facts = extract("Detention conditions in Japan have been under scrutiny since the 2021 death of a Sri Lankan woman.")
    assert [f.date for f in by_type(facts, "death")] == ["2021"]


def test_an_event_noun_staged_or_held_in_a_past_clause_took_place(extract):
    facts = extract("The minister of Japan spoke on Monday. The cabinet met on Tuesday. The coalition voted on the law.\n"
                    "Activists in Japan staged rallies against the revised law.")
    assert [f.label for f in by_type(facts, "rally")] == ["rallies"]
    facts = extract("The minister of Japan spoke on Monday. The cabinet met on Tuesday. The coalition voted on the law.\n"
                    "Rallies against the revised law are common in Japan.")
    assert not by_type(facts, "rally")


def test_people_rushing_to_enter_a_country_are_a_rush_across_its_border(extract):
    facts = extract("Hundreds of migrants were rushing to enter Spain on Thursday before new rules take hold.")
    assert [(f.label, name(facts, f.place), f.date) for f in by_type(facts, "crossing")] == [("rush", "Spain", "2024-03-07")]
    facts = extract("Officials of Spain rushed to enter the data on Thursday.")
    assert not by_type(facts, "crossing")


def test_the_occasion_of_a_reported_statement_took_place(extract):
    facts = extract("The minister of Spain spoke on Monday. The cabinet met on Tuesday. The coalition voted on the law.\n"
                    "Crossings will rise, a coast guard official of Spain said during a briefing to the president.")
    assert [f.label for f in by_type(facts, "briefing")] == ["briefing"]
    facts = extract("The minister of Spain spoke on Monday. The cabinet met on Tuesday. The coalition voted on the law.\n"
                    "During the interview, the governor of Texas argued that the mayor should sue.")
    assert not by_type(facts, "interview")


def test_the_subject_of_an_aspectual_verb_without_object_is_an_event(extract):
    facts = extract("Officials of Pakistan said the return of card holders began on April 2.", published="2025-04-04")
    assert [(f.label, f.date) for f in by_type(facts, "return")] == [("return", "2025-04-02")]
    facts = extract("Millions fled Syria during the civil war that started in 2011.")
    assert [f.date for f in by_type(facts, "war")] == ["2011"]
    facts = extract("Police of Pakistan started detaining people on Monday. The migrants began on Monday.")
    assert not by_type(facts, "police") and not by_type(facts, "migrant")


def test_a_dated_coup_or_circular_is_an_event_placed_in_a_country_not_a_continent(extract):
    facts = extract("The junta of Niger has revoked a law on smuggling on the route to Europe, according to a government circular issued on Monday.")
    assert [(name(facts, f.place), f.date) for f in by_type(facts, "circular")] == [("Niger", "2024-03-04")]
    facts = extract("Tensions with Niger have grown since the July coup that brought the junta into power.")
    assert [f.date for f in by_type(facts, "coup")] == ["2023-07"]


def test_sealing_a_border_is_a_border_closure(extract):
    facts = extract("Hungary last month sealed its border with Serbia, cutting off the main entry point for migrants.")
    assert [f.date for f in by_type(facts, "closure")] == ["2024-02"]
    facts = extract("Hungary sealed the deal with Serbia last month.")
    assert not by_type(facts, "closure")


def test_arrivals_as_the_subject_of_a_present_clause_are_people(extract):
    facts = extract("Nearly half of this year's new arrivals in Djibouti are turned back at the border.")
    assert not by_type(facts, "arrival")


def test_a_trip_of_people_on_the_move_is_not_a_visit(extract):
    facts = extract("Three migrants died during the long trip from Libya to Italy, police of Italy said on Monday.")
    assert not by_type(facts, "visit")


def test_a_day_after_a_clock_time_dates_the_event(extract):
    facts = extract("The plane of Thailand arrived in Bangkok at around 9pm on Sunday and flew back an hour later.")
    assert [f.date for f in by_type(facts, "arrival")] == ["2024-03-03"]
    facts = extract("The incident occurred at 8:30 p.m. (1830 GMT) on Monday near the border of Bulgaria.")
    assert all(f.date != "1830" for f in facts.of_type(EventFact))


def test_the_person_an_elections_outcome_names_is_its_candidate(extract):
    facts = extract("Canada imposed sanctions on Caracas two years after flawed elections led to the continuation of "
                    "Pavel Drozdenko as the country's president.")
    [election] = by_type(facts, "election")
    assert [name(facts, c) for c in election.candidates] == ["Pavel Drozdenko"]
    assert name(facts, election.place) == "Venezuela"  # the capital the sanctions target, not the country imposing them


def test_a_president_who_makes_an_issue_of_an_election_is_no_candidate_and_a_border_name_gives_no_country(extract):
    facts = extract("MEXICO CITY (AP) — President Dan Hollis of the United States has made it an issue in the midterm "
                    "election and threatened to close the U.S.-Mexico border if Mexico failed to stop the migrants.")
    [election] = by_type(facts, "election")
    assert election.candidates == ()
    assert name(facts, election.place) != "Mexico"


def test_a_nominalised_event_that_other_events_are_timed_by_took_place(extract):
    facts = extract("The agency called on Thursday for cooperation to secure the return of refugees to Chad after the "
                    "overthrow of President Omar Dalvi. Since the launch of Operation Red Shield, police in Texas have made 4,000 arrests.")
    got = {(f.event_type, f.label, name(facts, f.place), f.date) for f in facts.of_type(EventFact)}
    assert ("overthrow", "overthrow of President Omar Dalvi", "Chad", None) in got  # not dated by the call on Thursday
    assert ("launch", "launch of Operation Red Shield", "Texas", None) in got  # the operation launched is not its place


def test_the_start_of_a_period_is_no_event(extract):
    facts = extract("Prices have risen sharply in Spain since the start of the year, after the end of March.")
    assert not [f for f in facts.of_type(EventFact) if f.event_type in ("start", "end")]


def test_a_city_the_model_tags_as_a_person_is_a_place_after_a_preposition_of_place(extract):
    facts = extract("Officials may have fled from Bukavu after the defeat of the army's troops in the area.")
    [defeat] = by_type(facts, "defeat")
    assert name(facts, defeat.place) == "Bukavu"


def test_the_town_of_a_name_the_model_tags_as_a_person_is_a_place(extract):
    from kg.extract.records import Kind
    facts = extract("The migrants chanted as they approached the gates in the Honduran town of Zelmo Arriaga on Friday.")
    kinds = {e.name: e.kind for e in facts.entities.values()}
    assert kinds.get("Zelmo Arriaga") is Kind.PLACE


def test_two_events_of_one_kind_on_different_days_stay_two(extract):
    facts = extract("Last year, Norway repatriated nearly 5,000 migrants, the minister said. "
                    "Norway repatriated 2,030 people in February, he added.")
    dates = sorted(f.date for f in by_type(facts, "repatriation"))
    assert dates == ["2023", "2024-02"]


def test_a_trip_of_a_people_with_no_country_is_not_a_visit(extract):
    facts = extract("Three Kurds died during the long trip from Mosul to the coast, local police said.")
    assert not by_type(facts, "visit")


def test_speaking_in_a_place_names_where_a_statement_was_made(extract):
    facts = extract("Officials met in Vienna on Monday. Speaking in Warsaw, a defiant Ivan Petrenko said the EU could choke on its sanctions.")
    assert [name(facts, f.place) for f in by_type(facts, "statement")] == ["Warsaw"]
