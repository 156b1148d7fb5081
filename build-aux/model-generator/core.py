# The dynamics: included by model.py
P = "people/year"

# ================================================================ home: people
country_param("Initial population at home", [14895147, 8458676, 5983575], "people",
              "2012 population (World Bank SP.POP.TOTL, population_gdp_worldbank_2000_2024.csv, F) less the displaced and the seasonal workers abroad.", 0.99, 1.01)
country_param("Birth rate", [0.027, 0.026, 0.017], "1/year", "Crude birth rate, about the 2012 level (assumption: World Bank SP.DYN.CBRT.IN is not in the project data).", 0.9, 1.1)
country_param("Death rate", [0.005, 0.005, 0.007], "1/year", "Crude death rate at home (assumption: World Bank SP.DYN.CDRT.IN is not in the project data).", 0.9, 1.1)
param("Death rate in the US", 0.004, "1/year", "Death rate of the diaspora (assumption: a young population).", 0.003, 0.006)

stock("Population at home", "Initial_population_at_home",
      inflows=["Births", "Return of displaced", "Reintegration of deportees", "Voluntary return", "Seasonal return", "Giving up"],
      outflows=["Natural deaths at home", "Displacement", "Forming an intention to leave", "Seasonal departures"],
      units="people", doc="Residents who are neither displaced, intending to leave nor away.")
flow("Births", "Population_at_home * Birth_rate", units=P, doc="Births at home.")
flow("Natural deaths at home", "Population_at_home * Death_rate", units=P, doc="Deaths at home.")

# ================================================================ violence
hx = [2010.5, 2011.5, 2012.5, 2013.5, 2014.5, 2015.5, 2016.5, 2017.5, 2018.5, 2019.5, 2020.5, 2021.5, 2022.5, 2023.5, 2024.5]
history_by_country("Homicide rate history", hx,
                   [[41.4, 38.5, 34, 34, 31, 35.4, 27, 26, 22, 21.5, 15.3, 16.6, 17.3, 16.7, 16.1],
                    [81.8, 91.4, 90.4, 79, 68, 57, 59, 43, 40, 41.2, 37.6, 38.6, 35.8, 31.1, 25.3],
                    [66, 70, 41, 40, 63, 104, 81, 60, 51, 35.8, 21.2, 18.1, 7.8, 2.4, 1.9]],
                   "homicides/100000 people/year",
                   "Homicides per 100,000 by calendar year (homicide_rate_per_100k.csv: F from 2019 and for the marked years, A in between). It carries El Salvador's 2015 spike and its 2022 state of exception.")
country_param("Initial homicide rate", [34, 90.4, 41], "homicides/100000 people/year", "2012 homicide rate (homicide_rate_per_100k.csv: Honduras F, Guatemala and El Salvador A).", 0.9, 1.1)
param("Prevention effect on homicides", 0.4, "dmnl",
      "Largest cut in homicides from violence prevention run with local partners at full coverage. CARSI community prevention cut reported murders 51% in treated neighbourhoods (LAPOP evaluation, P4, F); scaled down for national coverage (assumption).", 0.2, 0.51)
param("Governance effect on violence", 0.5, "dmnl", "Elasticity of homicides to weaker governance (assumption: Isaacs and Preston, S0, tie violence to captured institutions).", 0.2, 0.8)
param("Violence adjustment time", 1, "Year", "Time for the homicide rate to follow its drivers (assumption).", 0.5, 2)
param("Local aid per head for full prevention coverage", 30, "USD/person/year", "Local development aid per resident that reaches every at-risk community (assumption: CARSI's USD 1 billion over FY2008-2016 reached a small share of neighbourhoods, aid_program_milestones.csv; sized so that doubling aid through local organisations cuts emigration by about 15% after fifteen years, the Kiel estimate in P3 being for aid as usually given).", 15, 60)
aux("Prevention coverage", "MIN(1, Local_development_aid_per_capita / Local_aid_per_head_for_full_prevention_coverage) * Local_partner_capacity",
    arr=True, doc="Share of at-risk communities with violence prevention that works: money through local organisations, limited by their capacity (Bermeo, S2, mechanism 3).")
aux("Violence target",
    "IF TIME < Policy_start_year THEN Homicide_rate_history ELSE Homicide_rate_history * Trafficking_pressure * (1 - Prevention_effect_on_homicides * Prevention_coverage) * (INIT(Governance_capacity) / MAX(Governance_floor, Governance_capacity)) ^ Governance_effect_on_violence",
    arr=True, units="homicides/100000 people/year",
    doc="Homicide rate the drivers point to: the record before the policy year; after it, the last record moved by trafficking, prevention and governance (mechanisms 3, 4, 13). Security-heavy aid does not enter: the sources find it leaves violence where it was (Made by History, S1; Bermeo, S2).")
param("Governance floor", 0.05, "dmnl", "Lowest governance capacity used in ratios, to keep them finite (numerical guard).", 0.05, 0.05)
stock("Homicide rate", "Initial_homicide_rate", inflows=["Change in violence"], units="homicides/100000 people/year",
      doc="Homicides per 100,000 people a year.",
      chart={"order": "8", "title": "Homicide rate", "title-es": "Tasa de homicidios", "units": "homicides per 100,000 people a year", "units-es": "homicidios por 100.000 habitantes al año", "aggregate": "none", "shown": "1", "doc": "Killings per 100,000 residents a year, the main measure of the violence people flee. History follows the recorded rates; after the policy year it moves with security aid, local capacity and trafficking.", "doc-es": "Homicidios por cada 100.000 habitantes al año, la medida principal de la violencia de la que huye la gente. La historia sigue las tasas registradas; desde el año de la política cambia con la ayuda en seguridad, la capacidad local y el narcotráfico."})
flow("Change in violence", "(Violence_target - Homicide_rate) / Violence_adjustment_time", units="homicides/100000 people/year/year", doc="Homicides follow their drivers.")

# ================================================================ income, aid, governance
history_by_country("Historical income growth", [2013, 2014, 2015, 2016, 2017, 2018, 2019, 2020, 2021, 2022, 2023],
                   [[0.0468, 0.0687, 0.0539, 0.0419, 0.0632, 0.0064, 0.0359, -0.0077, 0.0881, 0.0849, 0.0562],
                    [-0.0213, 0.0464, 0.041, 0.0158, 0.0448, 0.0212, 0.0152, -0.081, 0.17, 0.0935, 0.0733],
                    [0.0238, 0.0231, 0.0333, 0.0289, 0.03, 0.0398, 0.0321, -0.0777, 0.1497, 0.0927, 0.0568]],
                   "1/year", "Growth of GDP per head in current US dollars (population_gdp_worldbank_2000_2024.csv, D).")
country_param("Initial income per head", [3287, 2126, 3498], "USD/person/year", "2012 GDP per head in current US dollars (population_gdp_worldbank_2000_2024.csv, D).", 0.95, 1.05)
country_param("Aid country share", [0.436, 0.298, 0.266], "dmnl", "Each country's share of US obligations to the three countries, FY2012-FY2023 (us_foreign_assistance_by_country_fy1990_2024.csv, D).", 0.9, 1.1)
aux("Local development aid per capita",
    "Aid_budget_effective * USD_per_million * Aid_country_share * (1 - Aid_share_security_effective) * Aid_share_local_effective / Population_at_home",
    arr=True, units="USD/person/year", doc="Development aid reaching local organisations, per resident.")
aux("USD per million", 1000000, units="USD/USD million", doc="Unit conversion.")
param("Local delivery efficiency at full capacity", 0.9, "dmnl", "Share of aid through local organisations that becomes lasting local investment when those organisations are strong (assumption after Bermeo, S2: money through local groups stays and builds).", 0.6, 1)
param("Local delivery efficiency at no capacity", 0.3, "dmnl", "Same, when local organisations are weak (assumption).", 0.1, 0.5)
param("Contractor delivery efficiency", 0.35, "dmnl", "Share of aid through large US contractors that becomes lasting local investment: much is spent on overheads and in the US (Bermeo, S2; Made by History, S1; assumption for the size).", 0.15, 0.5)
param("Governance weight in contractor delivery", 0.5, "dmnl", "How much of contractors' delivery depends on the government they work through (assumption, Bermeo, S2).", 0.3, 0.7)
aux("Delivery efficiency",
    "Aid_share_local_effective * (Local_delivery_efficiency_at_no_capacity + (Local_delivery_efficiency_at_full_capacity - Local_delivery_efficiency_at_no_capacity) * Local_partner_capacity) + (1 - Aid_share_local_effective) * Contractor_delivery_efficiency * (1 - Governance_weight_in_contractor_delivery + Governance_weight_in_contractor_delivery * Governance_capacity)",
    arr=True, doc="Share of development aid that becomes lasting local investment (mechanisms 3, 13).")
aux("Effective development aid",
    "Aid_budget_effective * USD_per_million * Aid_country_share * (1 - Aid_share_security_effective) * Delivery_efficiency",
    arr=True, units="USD/year", doc="Development aid that becomes investment.")
param("Return on aid investment", 0.1, "1/year",
      "Income per year from each dollar of aid invested (assumption, sized so that doubling today's aid cuts emigration by well under 15%, the Kiel estimate in P3).", 0.05, 0.2)
aux("Aid growth effect", "Effective_development_aid * Return_on_aid_investment / (Population_at_home * Income_per_head)", arr=True, units="1/year", doc="Income growth from aid.")
param("Remittance saving share", 0.03, "dmnl", "Share of remittances invested without any leverage programme (assumption; most goes to consumption, Selee, S4).", 0.01, 0.06)
param("Remittance leverage effect", 0.25, "dmnl", "Extra share of remittances invested at full leverage (assumption after Selee, S4, mechanism 11).", 0.1, 0.4)
param("Return on remittance investment", 0.2, "1/year", "Income per year from each invested remittance dollar (assumption).", 0.1, 0.3)
aux("Remittance investment effect",
    "Remittances_per_capita * (Remittance_saving_share + Remittance_leverage_effect * Remittance_leverage_effective) * Return_on_remittance_investment / Income_per_head",
    arr=True, units="1/year", doc="Income growth from invested remittances.")
param("Seasonal earnings per worker", 8000, "USD/person", "Earnings per seasonal worker and season (assumption: H-2A wages for about six months).", 5000, 12000)
param("Share of earnings brought home", 0.3, "dmnl", "Share of earnings saved and brought home with little protection (assumption; recruitment debts take much of it, Selee, S4).", 0.2, 0.4)
param("Protection gain in earnings brought home", 0.3, "dmnl", "Extra share of earnings brought home at full worker protection (assumption, Selee, S4).", 0.1, 0.4)
aux("Seasonal savings effect",
    "Seasonal_demand * Seasonal_earnings_per_worker * (Share_of_earnings_brought_home + Protection_gain_in_earnings_brought_home * Worker_protection_effective) * Return_on_remittance_investment / (Population_at_home * Income_per_head)",
    arr=True, units="1/year", doc="Income growth from seasonal workers' savings (mechanism 8).")
param("Drought income loss", 0.3, "dmnl", "Loss of income growth per unit of drought exposure (assumption: 2015 destroyed over 80% of staple grains in the Honduran Dry Corridor, P9).", 0.1, 0.6)
param("Hurricane income loss", 1, "dmnl", "Loss of income growth per unit of hurricane exposure (assumption: Eta damage about USD 6.8 billion, P10).", 0.5, 1.5)
aux("Income growth",
    "IF TIME < Policy_start_year THEN Historical_income_growth ELSE Economic_growth + Aid_growth_effect + Remittance_investment_effect + Seasonal_savings_effect - Drought_income_loss * Climate_shock - Hurricane_income_loss * Hurricane_shock",
    arr=True, units="1/year", doc="Growth of income per head: the record before the policy year, then the assumption plus aid, remittances and seasonal work, less shocks.")
stock("Income per head", "Initial_income_per_head", inflows=["Change in income"], units="USD/person/year",
      doc="GDP per head, current US dollars.",
      chart={"order": "9", "title": "Income per head", "title-es": "Ingreso por habitante", "units": "US dollars a year", "units-es": "dólares al año", "aggregate": "none", "doc": "Average income per person, in current US dollars: growth, aid's effect on the economy, remittances and seasonal earnings.", "doc-es": "Ingreso medio por persona, en dólares corrientes: crecimiento, efecto de la ayuda en la economía, remesas y salarios del trabajo temporal."})
flow("Change in income", "Income_per_head * Income_growth", units="USD/person/year/year", doc="Growth of income per head.")

country_param("Initial governance capacity", [0.35, 0.25, 0.35], "dmnl", "Governance capacity in 2012, 0-1 (assumption after Isaacs and Preston, S0: Honduras weakest after the 2009 coup).", 0.8, 1.2)
param("Governance gain from local partners", 0.08, "1/year", "Yearly gain in governance capacity per unit of local partner capacity (assumption: civil society that delivers aid also holds government to account, Bermeo, S2).", 0.03, 0.15)
stock("Governance capacity", "Initial_governance_capacity", inflows=["Change in governance"], doc="0-1 index: how much aid leaks to corruption and how well the state protects (mechanisms 3, 13).")
flow("Change in governance", "IF TIME < Policy_start_year THEN 0 ELSE Governance_gain_from_local_partners * Local_partner_capacity * (1 - Governance_capacity) - Corruption_trend * Governance_capacity",
     units="1/year", doc="After the policy year governance builds with local partners and erodes with corruption; before it, it is part of the recorded history.")
param("Initial local partner capacity", 0.05, "dmnl", "Capacity of local organisations to deliver aid in 2012, 0-1 (assumption: under 10% of aid went through them, Bermeo, S2).", 0.02, 0.1)
param("Local capacity build rate", 0.1, "1/year", "Yearly growth of local partner capacity per unit of full-coverage local aid per head (assumption).", 0.05, 0.2)
param("Local capacity decay time", 10, "Year", "Time for unfunded local capacity to fade (assumption).", 5, 20)
stock("Local partner capacity", "Initial_local_partner_capacity", inflows=["Change in local capacity"], doc="0-1 index of local organisations' capacity (mechanism 3).")
flow("Change in local capacity",
     "Local_capacity_build_rate * MIN(Local_aid_saturation, Local_development_aid_per_capita / Local_aid_per_head_for_full_prevention_coverage) * (1 - Local_partner_capacity) - Local_partner_capacity / Local_capacity_decay_time",
     units="1/year", doc="Capacity grows with money through local organisations and fades without it.")
param("Local aid saturation", 5, "dmnl", "Most multiples of the full-coverage aid per head that still build capacity faster (assumption: absorptive capacity).", 3, 8)

# ================================================================ shocks
sx = [2012, 2014.4, 2014.9, 2015.9, 2016.4, 2018.3, 2018.7, 2019.7, 2020.1, 2020.8, 2020.9, 2021.7, 2022.2, 2025]
history_by_country("Historical shocks", sx,
                   [[0, 0, 0.08, 0.08, 0, 0, 0.06, 0.06, 0.03, 0.03, 0.08, 0.02, 0, 0],
                    [0, 0, 0.12, 0.12, 0, 0, 0.1, 0.1, 0.03, 0.03, 0.16, 0.04, 0, 0],
                    [0, 0, 0.05, 0.05, 0, 0, 0.04, 0.04, 0.03, 0.03, 0.03, 0.01, 0, 0]],
                   "dmnl",
                   "Share of people hit by crop failure or disaster: the 2014-15 and 2018-19 Dry Corridor droughts (P9), the 2020 pandemic, Eta and Iota in November 2020 (P10). Timing from the project data; the shares are assumptions (12% of Guatemalan and 16% of Honduran Dry Corridor residents had a recent migrant in the family, P9).")
country_param("Drought exposure", [0.07, 0.1, 0.04], "dmnl", "Share of people hit by a severe drought like 2015 (assumption, Dry Corridor shares, P9).", 0.7, 1.3)
country_param("Hurricane exposure", [0.08, 0.16, 0.03], "dmnl", "Share of people hit by a hurricane like Eta and Iota (assumption after P10: most of Honduras affected).", 0.7, 1.3)
param("Last historical drought year", 2018.5, "Year", "Middle of the last drought in the record, from which future droughts recur (P9: the 2018-19 Primera).", 2018.5, 2018.5)
aux("Future drought", "IF TIME >= Policy_start_year AND MODULO(TIME - Last_historical_drought_year, Drought_recurrence) < One_year THEN Future_shock_severity ELSE 0",
    doc="A drought year after the policy year, every Drought recurrence years.")
aux("One year", 1, units="Year", doc="Unit conversion: one year.")
aux("Climate shock", "Historical_shocks + Future_drought * Drought_exposure", arr=True, doc="Share of people hit by drought or disaster.")
aux("Hurricane shock", "IF Hurricane_year > 0 AND TIME >= Hurricane_year AND TIME < Hurricane_year + One_year THEN Hurricane_exposure ELSE 0", arr=True,
    doc="Share of people hit by a future hurricane.")
country_param("Initial food insecurity", [0.2, 0.25, 0.12], "dmnl", "Share of people food-insecure in 2012 (assumption: WFP and FAO estimates for the Dry Corridor countries are not in the project data).", 0.8, 1.2)
param("Income elasticity of food insecurity", 0.5, "dmnl", "How food insecurity falls as income rises (assumption).", 0.3, 0.8)
param("Food insecurity ceiling", 0.9, "dmnl", "Highest share of people food-insecure (numerical guard).", 0.9, 0.9)
param("Food insecurity adjustment time", 1, "Year", "Time for hunger to follow a shock: harvests lost this year bite next year, the one-year lag of P9 (Bermeo and Leblang 2021, F).", 0.5, 1.5)
aux("Food insecurity target",
    "MIN(Food_insecurity_ceiling, Initial_food_insecurity * (Initial_income_per_head / Income_per_head) ^ Income_elasticity_of_food_insecurity + Climate_shock + Hurricane_shock)",
    arr=True, doc="Food insecurity the drivers point to.")
stock("Food insecurity", "Initial_food_insecurity", inflows=["Change in food insecurity"], doc="Share of people food-insecure.",
      chart={"order": "10", "title": "Food insecurity", "title-es": "Inseguridad alimentaria", "units": "percent of people", "units-es": "porcentaje de la población", "aggregate": "none", "format": "percent", "doc": "Share of people who cannot count on enough food. Droughts in the Dry Corridor and hurricanes raise it with a lag of about a year; higher incomes lower it.", "doc-es": "Parte de la población que no tiene asegurada suficiente comida. Las sequías del Corredor Seco y los huracanes la elevan con un retraso de cerca de un año; los ingresos más altos la reducen."})
flow("Change in food insecurity", "(Food_insecurity_target - Food_insecurity) / Food_insecurity_adjustment_time", units="1/year", doc="Hunger follows shocks with a lag.")

# ================================================================ displacement
country_param("Initial internally displaced", [150000, 220000, 100000], "people", "Internally displaced in 2012: IDMC counted 566,700 for the three countries in 2014 (asylum_displacement.csv, F); the split is an assumption.", 0.7, 1.3)
param("Displacement rate at 40 homicides", 0.003, "1/year", "Residents displaced per year at 40 homicides per 100,000 (assumption, sized so the stock stays near IDMC's 2014 and 2022 counts, asylum_displacement.csv).", 0.0015, 0.005)
param("Displacement elasticity to violence", 0.7, "dmnl", "Elasticity of displacement to the homicide rate (assumption).", 0.4, 1)
param("Reference homicide rate", 40, "homicides/100000 people/year", "Homicide rate at which the displacement and asylum parameters are stated.", 40, 40)
param("Drought displacement multiplier", 3, "dmnl", "Extra displacement per unit of drought exposure (assumption).", 1, 5)
param("Hurricane displacement multiplier", 10, "dmnl", "Extra displacement per unit of hurricane exposure (assumption: IOM tracked hundreds of thousands in shelters after Eta and Iota, P10).", 5, 20)
param("Displaced return time", 5, "Year", "Average time before displaced people go home (assumption).", 3, 10)
param("Support effect on return", 2, "dmnl", "Faster return at full support for the displaced (assumption).", 1, 3)
stock("Internally displaced", "Initial_internally_displaced", inflows=["Displacement"],
      outflows=["Return of displaced", "Displaced forming an intention to leave", "Protection transfers out"],
      units="people", doc="People displaced inside their country by violence or disasters (mechanism 5).",
      chart={"order": "11", "title": "Internally displaced", "title-es": "Desplazados internos", "units": "people", "units-es": "personas", "aggregate": "sum", "doc": "People forced from their homes who are still inside their own country, by violence, drought or storms. Displacement often comes before leaving the country.", "doc-es": "Personas obligadas a dejar su hogar que siguen dentro de su país, por la violencia, la sequía o las tormentas. El desplazamiento suele preceder a la salida del país."})
flow("Displacement", "Population_at_home * Displacement_rate_at_40_homicides * (Homicide_rate / Reference_homicide_rate) ^ Displacement_elasticity_to_violence * (1 + Drought_displacement_multiplier * Climate_shock + Hurricane_displacement_multiplier * Hurricane_shock)",
     units=P, doc="People forced from their homes by violence, drought and storms.")
flow("Return of displaced", "Internally_displaced / Displaced_return_time * (1 + Support_effect_on_return * Displaced_support_effective)", units=P, doc="Displaced people going home.")

# ================================================================ decision to leave
param("Violence elasticity", 0.25, "dmnl", "Elasticity of departures to the homicide rate: about 0.6 extra child apprehensions per extra homicide a year, an elasticity of roughly 0.2-0.3 (Clemens 2017, P1, D). Clemens measures it for unaccompanied children; applying it to families and adults is an assumption.", 0.2, 0.3)
param("Drought emigration effect", 0.707, "dmnl", "Rise in emigration per unit share of people hit by drought: 70.7% more emigration from localities with drier growing seasons (Linke et al. 2023, P9, F).", 0.4, 1)
param("Governance push elasticity", 0.3, "dmnl", "Elasticity of departures to eroding governance: political flight (assumption after Isaacs and Preston, S0, mechanism 13).", 0.1, 0.5)
aux("Violence push", "(Homicide_rate / Initial_homicide_rate) ^ Violence_elasticity", arr=True, doc="Push from violence relative to 2012 (mechanism 2; P1).")
aux("Food push", "1 + Drought_emigration_effect * MAX(0, Food_insecurity - Initial_food_insecurity)", arr=True, doc="Push from hunger after droughts and storms, one year late (mechanism 2; P9, P10).")
aux("Governance push", "(Initial_governance_capacity / MAX(Governance_floor, Governance_capacity)) ^ Governance_push_elasticity", arr=True, doc="Political flight as governance erodes (mechanism 13).")
aux("Push", "Violence_push * Food_push * Governance_push", arr=True, doc="Desperation relative to 2012: violence, hunger and bad government together.")

param("Hump elasticity", 0.5, "dmnl", "Elasticity of emigration to income while people are poor: +0.35 to all destinations, +0.74 to rich ones (Clemens 2020, P2, F).", 0.35, 0.74)
param("Hump turning point", 10000, "USD/person/year", "Means (PPP) at which emigration stops rising with income: about USD 10,000 PPP (Clemens 2020, P2, F; 6,000-8,000 in an earlier version, 8,000-10,000 in a donor brief).", 6000, 10000)
param("PPP factor", 2, "dmnl", "PPP income per head is roughly twice current-dollar income in these countries (project data section 2.1, A).", 1.8, 2.4)
aux("Household means", "PPP_factor * (Income_per_head + Remittances_per_capita)", arr=True, units="USD/person/year", doc="Income and remittances per head, PPP dollars.")
aux("Migration hump", "(Household_means / INIT(Household_means)) ^ Hump_elasticity * EXP(-Hump_elasticity * (Household_means - INIT(Household_means)) / Hump_turning_point)",
    arr=True, doc="Emigration first rises with means and falls past the turning point (Clemens 2020, P2; Selee, S4; mechanism 10). The form has elasticity Hump elasticity at low means and peaks at the turning point.")

param("Network elasticity", 0.5, "dmnl", "Elasticity of departures to the settled diaspora: relatives pay the smuggler's down payment and find the first job (Selee, S4, mechanism 9); 0.5-0.7 for bilateral flows (P11, A).", 0.5, 0.7)
param("Recent network elasticity", 0.2, "dmnl", "Elasticity of departures to recent arrivals: fresh ties carry a wave and keep it going after its cause fades (Clemens 2017, P1 and P11; size an assumption). Not fitted: fits over FY2012-19 drifted between 0.18 and 0.36 with small changes elsewhere, so the data do not pin it down; with the settled diaspora's elasticity it makes a loop that amplifies any lasting change.", 0.1, 0.4)
country_param("Initial recent migrants", [40000, 35000, 30000], "people", "People who got into the US in the few years before 2012 (assumption: about the 2010-2012 encounters).", 0.7, 1.3)
param("Ties ageing time", 3, "Year", "Time after which a recent arrival's ties count as the settled diaspora's (assumption).", 2, 5)
aux("Network effect", "(Diaspora_in_the_US / Initial_diaspora) ^ Network_elasticity * (Recent_migrants / Initial_recent_migrants) ^ Recent_network_elasticity",
    arr=True, doc="Relatives abroad lower the cost and risk of leaving (mechanism 9; P11).")
stock("Recent migrants", "Initial_recent_migrants", inflows=["Arrivals getting in"], outflows=["Ties ageing"], units="people",
      doc="An account, not a place: people who got into the US in the last few years (the same people are in the diaspora or the asylum backlog).")
flow("Arrivals getting in", "Unapprehended_arrivals + Released_at_the_border + Repeat_crossers_getting_in", units=P, doc="Arrivals who stay in the US, for now at least.")
flow("Ties ageing", "Recent_migrants / Ties_ageing_time", units=P, doc="Recent ties become old ones.")

param("Fee elasticity", 0.05, "dmnl", "Elasticity of departures to the smuggling fee relative to household means (assumption: the fee is one to three years of income, P12, but relatives abroad pay much of it, S4, and dearer crossings mostly show up as debt and smugglers' revenue, S0).", 0.02, 0.15)
aux("Cost effect", "((Smuggling_fee / INIT(Smuggling_fee)) / (Household_means / INIT(Household_means))) ^ (-Fee_elasticity)", arr=True, doc="A dearer crossing, relative to what a household has, keeps some at home (P12).")

# --- the perceived chance to stay, by group
param("Share of children and families who seek out Border Patrol", 0.95, "dmnl", "Unaccompanied children and families mostly give themselves up to Border Patrol to ask for protection (assumption after Selee and Ruiz Soto, S3; the data's child and family counts are nearly all surrenders).", 0.85, 1)
param("Apprehension probability at 2017 level", 0.6, "dmnl", "Share of single adults crossing between ports who are caught at the 2017 enforcement level (assumption: DHS estimates range from about half to four fifths).", 0.5, 0.8)
param("Route adaptation time", 2, "Year", "Time for smugglers and migrants to find routes around new enforcement (Massey, Durand and Pren 2016, P6; Isaacs and Preston, S0, mechanism 1; the time is an assumption).", 1, 4)
param("Route adaptation completeness", 0.9, "dmnl", "Share of a change in enforcement that smugglers' adapted routes eventually undo (assumption after P6: a fivefold enforcement increase did not stop the growth of the undocumented population, Massey, Durand and Pren 2016).", 0.7, 1)
stock("Adapted border routes", "Historical_border_enforcement", inflows=["Change in adapted border routes"], arr=False,
      doc="The enforcement level smugglers' routes are adapted to, 1 = 2017.")
flow("Change in adapted border routes", "(Border_enforcement_effective - Adapted_border_routes) / Route_adaptation_time", arr=False, units="1/year", doc="Smugglers adapt.")
aux("Effective border enforcement", "Border_enforcement_effective * MAX(1, Adapted_border_routes) ^ (-Route_adaptation_completeness)",
    doc="Enforcement as migrants meet it: a rise above the 2017 level bites at first and fades as routes adapt (mechanism 1); a cut is not undone.")
param("Enforcement floor", 0.05, "dmnl", "Lowest enforcement index used in ratios (numerical guard).", 0.05, 0.05)
aux("Apprehension probability",
    "Apprehension_probability_at_2017_level * Effective_border_enforcement / (Apprehension_probability_at_2017_level * Effective_border_enforcement + 1 - Apprehension_probability_at_2017_level)",
    doc="Share of single adults crossing who are caught.")
country_param("Asylum grant rate", [0.12, 0.15, 0.2], "dmnl", "Share of Northern Triangle asylum decisions that grant protection (assumption: US court grant rates by nationality are not in the project data; Salvadorans fare somewhat better).", 0.6, 1.6)
param("Removal share after denial", 0.3, "dmnl", "Share of people denied asylum who are actually removed; the rest stay without status (assumption: most removal orders are never carried out).", 0.15, 0.5)
param("Waiting horizon", 4, "Year", "Years of waiting that halve the weight a would-be migrant gives to an eventual denial: a long backlog is itself a pull (assumption).", 2, 8)
aux("Stay value of release", "1 - (1 - Asylum_grant_rate) * Removal_share_after_denial * Waiting_horizon / (Waiting_horizon + Backlog_years)", arr=True,
    doc="Chance a released person stays, discounted by the years before a decision.")
param("Retry share under Title 42", 0.7, "dmnl", "Share of people pushed back to Mexico without consequence who try again (D from P7: 38% of the people caught in the first year of Title 42 were caught again, against 7-12% under Title 8; with about nine in ten of those caught expelled and six in ten crossings caught, that takes about seven in ten trying again; TRAC: about 60% of Title 42 apprehensions had a prior one).", 0.5, 0.85)
for g, enc, rel in [("children", "Share_of_children_and_families_who_seek_out_Border_Patrol", "Child_release"),
                    ("families", "Share_of_children_and_families_who_seek_out_Border_Patrol", "Family_release"),
                    ("adults", "Apprehension_probability", "Adult_release")]:
    aux(f"Chance to stay {g}",
        f"((1 - {enc}) + {enc} * {rel} * Stay_value_of_release) / (1 - {enc} * (1 - {rel}) * Expulsion_share * Retry_share)",
        arr=True, doc=f"What happens to {g} who go: the chance of staying in the US after crossing, counting every further try after an expulsion without consequence (each try has the same chance, so the tries add up as a geometric series).")
param("Perception time", 1, "Year", "Time for news of what happened to those who went before to reach home once it is common knowledge (assumption: networks carry it within months, Selee, S4).", 0.5, 2)
param("Cases for common knowledge", 3000, "people/year", "Yearly cases of a group at which what happens to that group is common knowledge at home; with fewer, word travels slowly (assumption).", 2000, 20000)
param("News share of learning", 0.3, "dmnl", "Share of learning that comes from news, officials and smugglers' advertising rather than from people one knows (assumption).", 0.1, 0.5)
param("Initial perceived chance of families", 0.45, "dmnl", "In 2012 few families had gone: they judged their chances like those of adults (assumption).", 0.3, 0.6)
aux("Announcement history", "TIME",
    gf=([2012, 2016.95, 2017.1, 2017.4, 2017.7, 2019.35, 2019.5, 2020.15, 2020.45, 2020.95, 2021.1, 2021.5, 2021.8, 2025.0, 2025.05], [1, 1, 0.55, 0.55, 1, 1, 0.55, 0.55, 1, 1, 1.25, 1.25, 1, 1, 1]),
    doc="Expectations set by announcements rather than by experience: the new US administration's enforcement announcements of early 2017 (apprehensions fell to a 45-year low, then rebounded), the US-Mexico joint declaration of 7 June 2019 with Remain in Mexico for all and the transit-country asylum bar (the monthly data fall by four fifths over the summer and stay low until COVID-19; given the size of the 2017 shock, held while Remain in Mexico and the transit-country bar were in force until the COVID-19 closure took over in March 2020, then fading over a season), and the announcements of early 2021, read by many as an opening (policy_regimes.csv; sizes are assumptions).")
aux("Announcement effect", "Announcement_history * (1 - Policy_weight) + Policy_weight", doc="Announcements in force; none after the policy year.")
for g, init in [("children", "Chance_to_stay_children"), ("families", "Initial_perceived_chance_of_families"), ("adults", "Chance_to_stay_adults")]:
    stock(f"Perceived chance {g}", init, inflows=[f"Learning {g}"],
          doc=f"What people at home believe happens to {g} who go: learned from those who went before, through networks.")
    flow(f"Learning {g}", f"(Chance_to_stay_{g} - Perceived_chance_{g}) / Perception_time * (News_share_of_learning + (1 - News_share_of_learning) * Recent_cases_{g} / (Recent_cases_{g} + Cases_for_common_knowledge))",
         units="1/year", doc=f"Beliefs about {g} move toward experience as fast as cases make it known.")
    stock(f"Recent cases {g}", f"Initial_recent_cases_{g}", inflows=[f"Change in recent cases {g}"], units="people/year",
          doc=f"Encounters of {g} over the last year or so: how many stories come home.")
    flow(f"Change in recent cases {g}", f"(Encounters_of_{g}_first_attempts - Recent_cases_{g}) / Perception_time", units="people/year/year", doc="Smoothing.")
country_param("Initial recent cases children", [5000, 5000, 4000], "people/year", "Child apprehensions around 2012 (FY2013: Guatemala 8,068, Honduras 6,747, El Salvador 5,990, usbp_sw_uac_family_single_by_country_selected_years.csv, F; lower in 2012).", 0.7, 1.3)
country_param("Initial recent cases families", [1500, 500, 1200], "people/year", "Family-unit apprehensions around 2012 (Honduras 513 in FY2012, Bermeo and Leblang 2021, F; the others assumption).", 0.5, 2)
country_param("Initial recent cases adults", [25000, 24000, 15000], "people/year", "Single-adult apprehensions around 2012 (assumption: FY2012 totals less children and families, usbp_sw_border_encounters_by_citizenship_fy2000_2025.csv).", 0.8, 1.2)

param("Child chance threshold", 0.4, "dmnl", "Median chance to stay below which those who would send a child alone do not (assumption: children are sent when violence leaves no choice, Clemens 2017, P1).", 0.25, 0.55, calib="2012:2019")
country_param("Family chance threshold", [0.65, 0.65, 0.65], "dmnl", "Median chance to stay below which a parent does not take a child on the journey: families go when they expect to be let in (Selee and Ruiz Soto, S3). One per country: Salvadoran families came early (FY2016 counts), Guatemalan and Honduran ones in 2018-19 (usbp_sw_uac_family_single_by_country_selected_years.csv). Fitted with the family and child counts.", 0.35, 0.8, calib="2012:2019", relative=False)
param("Adult chance threshold", 0.3, "dmnl", "Median chance to stay below which a single adult does not go (assumption: adults cross expecting to be caught more than once, P7).", 0.15, 0.45)
param("Child threshold spread", 0.15, "dmnl", "Spread of children's thresholds across households (logistic scale; assumption).", 0.08, 0.25)
param("Family threshold spread", 0.05, "dmnl", "Spread of parents' thresholds: narrow, because families decide on the same news (logistic scale; assumption).", 0.03, 0.1)
param("Adult threshold spread", 0.15, "dmnl", "Spread of single adults' thresholds (logistic scale; assumption).", 0.08, 0.25)
param("Desperation damping", 1, "dmnl", "How fast thresholds fall as push rises: thresholds are divided by push to this power, so the more desperate go whatever their chances (Isaacs and Preston, S0: deterrence fails against desperation; size an assumption).", 0.5, 2)
aux("Threshold push factor", "MAX(1, Push) ^ (-Desperation_damping)", arr=True,
    doc="How much lower the chance thresholds are when people are more desperate than in 2012: deterrence deters less.")
for g in ["children", "families", "adults"]:
    G = {"children": "Child", "families": "Family", "adults": "Adult"}[g]
    aux(f"Attractiveness {g}", f"1 / (1 + EXP(({G}_chance_threshold * Threshold_push_factor - Perceived_chance_{g} * Announcement_effect) / {G}_threshold_spread))",
        arr=True, doc=f"Share of would-be {g} whose threshold the perceived chance to stay clears: thresholds differ across households (a logistic distribution).")
country_param("Child share of intending migrants", [0.12, 0.08, 0.14], "dmnl", "Weight of unaccompanied children when every kind of traveller expects to get in (D from FY2019 October-May apprehensions: Guatemala 24,638 children of 210,000, Honduras 14,785 of 175,600, El Salvador 8,272 of 57,900, project data section 1.2).", 0.7, 1.3)
country_param("Family share of intending migrants", [0.62, 0.64, 0.52], "dmnl", "Weight of families when every kind of traveller expects to get in (D from the same FY2019 counts, families 149,081, 129,186 and 35,412, with single adults counted at the apprehension probability).", 0.8, 1.2)
aux("Adult share of intending migrants", "1 - Child_share_of_intending_migrants - Family_share_of_intending_migrants", arr=True, doc="Weight of single adults when every kind of traveller expects to get in: the rest.")
aux("Opportunity", "Child_share_of_intending_migrants * Attractiveness_children + Family_share_of_intending_migrants * Attractiveness_families + Adult_share_of_intending_migrants * Attractiveness_adults",
    arr=True, doc="How open the way north looks, over all kinds of traveller.")

aux("Mobility history", "TIME", gf=([2012, 2020.15, 2020.25, 2020.45, 2020.75, 2021.2, 2025], [1, 1, 0.3, 0.3, 0.7, 1, 1]),
    doc="Mobility through Central America and Mexico: the COVID-19 closures of March 2020 and the reopening through mid-2021 (policy_regimes.csv; values an assumption).")
aux("Mobility", "Mobility_history * (1 - Policy_weight) + Policy_weight", doc="Mobility in force; open after the policy year.")

country_param("Base intention rate", [0.025, 0.03, 0.025], "1/year", "Intentions to leave formed per resident per year at 2012 push, means, networks and reference attractiveness. Fitted per country to USBP encounters in FY2012-FY2019.", 0.8, 1.2, calib="2012:2019")
param("Departure timing elasticity", 0.5, "dmnl", "How far would-be migrants wait when the way looks shut rather than switch to another way of going: 0 they only switch (a parent who cannot bring a child sends the child alone or goes alone), 1 they only wait (assumption).", 0.2, 0.8)
param("Opportunity floor", 0.01, "dmnl", "Lowest opportunity used as a divisor (numerical guard).", 0.01, 0.01)
param("Departure delay", 0.5, "Year", "Time from deciding to leave to leaving: saving, borrowing, arranging a smuggler (assumption).", 0.25, 1)
param("Giving up time", 3, "Year", "Time after which those who cannot leave give up the plan (assumption).", 2, 5)
param("Displaced departure multiplier", 3, "dmnl", "How much more often displaced people decide to leave (Isaacs and Preston, S0: displacement comes first and often leads abroad; size an assumption).", 1.5, 5)
param("Displaced support effect", 0.5, "dmnl", "Share of displaced people's departures avoided at full support (assumption).", 0.3, 0.7)
aux("Intention rate", "Base_intention_rate * Push * Migration_hump * Network_effect * Cost_effect * Opportunity", arr=True, units="1/year",
    doc="Intentions formed per resident per year.")
stock("Intending to leave", "Initial_intending_to_leave", inflows=["Forming an intention to leave", "Displaced forming an intention to leave"],
      outflows=["Departures of children", "Departures of families", "Departures of adults", "Giving up", "Seasonal recruits from intending migrants"],
      units="people", doc="Residents who have decided to go north and are saving, arranging a smuggler or waiting for a better moment.")
aux("Initial intending to leave",
    "(Population_at_home + Internally_displaced * Displaced_departure_multiplier * (1 - Displaced_support_effect * Displaced_support_effective)) * Intention_rate / (MAX(Opportunity_floor, Opportunity) ^ Departure_timing_elasticity / Departure_delay + 1 / Giving_up_time)",
    arr=True, units="people",
    doc="Would-be migrants in 2012: the pool in balance with 2012's intentions, departures and giving up, so the run starts from the record rather than from an assumed pool.")
flow("Forming an intention to leave", "(Population_at_home - Seasonal_workers_between_seasons) * Intention_rate", units=P,
     doc="Residents deciding to leave; seasonal workers with a job to go back to do not (P5).")
flow("Displaced forming an intention to leave", "Internally_displaced * Intention_rate * Displaced_departure_multiplier * (1 - Displaced_support_effect * Displaced_support_effective)", units=P, doc="Displaced people deciding to leave (mechanism 5).")
flow("Giving up", "Intending_to_leave / Giving_up_time", units=P, doc="People who give up the plan.")
for g in ["children", "families", "adults"]:
    share = {"children": "Child_share_of_intending_migrants", "families": "Family_share_of_intending_migrants", "adults": "Adult_share_of_intending_migrants"}[g]
    flow(f"Departures of {g}", f"Intending_to_leave / Departure_delay * Mobility * {share} * Attractiveness_{g} / MAX(Opportunity_floor, Opportunity) ^ (1 - Departure_timing_elasticity)",
         units=P, doc=f"Would-be migrants leaving as {g}. When the way looks shut they wait, and leave together when it opens.")

# ================================================================ transit and Mexico
param("Transit time", 0.15, "Year", "Time on the way north: about one to three months (assumption).", 0.08, 0.25)
param("Mexico interdiction ceiling", 0.7, "dmnl", "Largest share of journeys Mexico can stop (assumption).", 0.6, 0.8)
param("Mexico capacity at 2017 level", 220000, "people/year", "Mexico's capacity to stop and return Northern Triangle migrants in 2017, the reference for route adaptation, fees, deaths and cost (D from the capacity history).", 180000, 260000)
stock("Adapted Mexico routes", "Mexico_enforcement_history / Mexico_capacity_at_2017_level", inflows=["Change in adapted Mexico routes"], arr=False, doc="The Mexican enforcement level smugglers' routes are adapted to, relative to 2017.")
flow("Change in adapted Mexico routes", "(Mexico_enforcement_effective / Mexico_capacity_at_2017_level - Adapted_Mexico_routes) / Route_adaptation_time", arr=False, units="1/year", doc="Smugglers adapt.")
aux("Effective Mexico enforcement", "Mexico_enforcement_effective * MAX(1, Adapted_Mexico_routes) ^ (-Route_adaptation_completeness)", units="people/year",
    doc="Mexico's capacity as migrants meet it: a rise above the 2017 level bites at first and fades as routes adapt.")
aux("Mexico interdiction share", f"Mexico_interdiction_ceiling * Effective_Mexico_enforcement / (Mexico_interdiction_ceiling * {total('Leaving transit')} + Effective_Mexico_enforcement)", doc="Share of journeys stopped in Mexico and returned home: near the ceiling when few come, falling when more come than Mexico can stop (a capacity, P13).")
param("Mexico settling base share", 0.02, "dmnl", "Share of journeys that end with people staying in Mexico when the US is open (assumption).", 0.01, 0.04)
param("Mexico settling when the US is closed", 0.06, "dmnl", "Extra share staying in Mexico when asylum in the US is closed: more than 30,000 Hondurans applied for asylum in Mexico in 2019 through September (Selee, S4, F; size an assumption).", 0.03, 0.1)
aux("Mexico settling share", "Mexico_settling_base_share + Mexico_settling_when_the_US_is_closed * (1 - Family_release)", doc="Share of journeys that end in Mexico.")
param("Transit death share at 2017 level", 0.0006, "dmnl", "Deaths per journey at 2017 enforcement (assumption: a few hundred deaths a year among hundreds of thousands of journeys).", 0.0003, 0.0012)
param("Death elasticity to enforcement", 0.8, "dmnl", "Elasticity of deaths per journey to enforcement the routes are adapted to: enforcement pushes routes into deserts and rivers (Isaacs and Preston, S0; size an assumption).", 0.4, 1.2)
param("Death elasticity to Mexican enforcement", 0.4, "dmnl", "Elasticity of deaths per journey to Mexican enforcement routes are adapted to: smaller than at the US border (assumption).", 0.2, 0.6)
aux("Transit death share", "Transit_death_share_at_2017_level * MAX(Enforcement_floor, Adapted_border_routes) ^ Death_elasticity_to_enforcement * MAX(Enforcement_floor, Adapted_Mexico_routes) ^ Death_elasticity_to_Mexican_enforcement",
    doc="Deaths per journey.")
aux("Irregular departures", "Departures_of_children + Departures_of_families + Departures_of_adults + \"Re-migration of deportees\"", arr=True, units=P, doc="People setting out north irregularly.")
for g, expr in [("children", "Departures_of_children"), ("families", "Departures_of_families"), ("adults", "Departures_of_adults + \"Re-migration of deportees\"")]:
    aux(f"Share of {g} in transit", f"ZIDZ({expr}, Irregular_departures)", arr=True, doc=f"Share of {g} among those on the way (the mix of the last two months).")
stock("In transit", "Initial_in_transit", inflows=["Departures of children", "Departures of families", "Departures of adults", "Re-migration of deportees"],
      outflows=["Returns from Mexico", "Settling in Mexico", "Deaths in transit", "Unapprehended arrivals", "Released at the border", "Expelled to Mexico", "Border removals"],
      units="people", doc="Irregular migrants on the way north.")
aux("Initial in transit", "Irregular_departures * Transit_time", arr=True, units="people",
    doc="People on the way north in 2012: 2012's departures over the time a journey takes.")
aux("Leaving transit", "In_transit / Transit_time", arr=True, units=P, doc="People reaching the end of the journey, wherever it ends.")
flow("Returns from Mexico", "Leaving_transit * Mexico_interdiction_share", units=P, doc="People stopped in Mexico and sent home.")
flow("Settling in Mexico", "Leaving_transit * Mexico_settling_share", units=P, doc="People who stay in Mexico.")
flow("Deaths in transit", "Leaving_transit * Transit_death_share", units=P, doc="Deaths on the way.",
     chart={"order": "4", "title": "Deaths on the way north", "title-es": "Muertes en el camino al norte", "units": "people a year", "units-es": "personas al año", "aggregate": "sum", "doc": "People who die on the way north, in Mexico or crossing the border. Enforcement pushes routes into deserts and rivers, so deaths per journey rise with it.", "doc-es": "Personas que mueren en el camino al norte, en México o al cruzar la frontera. El control empuja las rutas hacia desiertos y ríos, y las muertes por viaje suben con él."})
aux("Irregular arrivals", "Leaving_transit * (1 - Mexico_interdiction_share - Mexico_settling_share - Transit_death_share)", arr=True, units=P,
    doc="People reaching the US border between ports of entry.",
    chart={"order": "2", "title": "Irregular arrivals", "title-es": "Llegadas irregulares", "units": "people a year", "units-es": "personas al año", "aggregate": "sum", "doc": "People reaching the US southwest border between ports of entry, whether Border Patrol meets them or not: the journeys Mexico did not stop.", "doc-es": "Personas que llegan a la frontera suroeste de EE. UU. entre los puertos de entrada, las encuentre o no la Patrulla Fronteriza: los viajes que México no detuvo."})
for g, enc, rel in [("children", "Share_of_children_and_families_who_seek_out_Border_Patrol", "Child_release"),
                    ("families", "Share_of_children_and_families_who_seek_out_Border_Patrol", "Family_release"),
                    ("adults", "Apprehension_probability", "Adult_release")]:
    aux(f"Encounters of {g} first attempts", f"Irregular_arrivals * Share_of_{g}_in_transit * {enc}", arr=True, units=P,
        doc=f"{g.capitalize()} met by Border Patrol on arrival.")
    aux(f"Released {g}", f"Encounters_of_{g}_first_attempts * {rel}", arr=True, units=P, doc=f"{g.capitalize()} released into the US with a court date.")
    aux(f"Encountered not released {g}", f"Encounters_of_{g}_first_attempts * (1 - {rel})", arr=True, units=P, doc=f"{g.capitalize()} encountered and not released.")
flow("Unapprehended arrivals", "Irregular_arrivals - Encounters_of_children_first_attempts - Encounters_of_families_first_attempts - Encounters_of_adults_first_attempts", units=P,
     doc="Arrivals who cross without being caught.")
flow("Released at the border", "Released_children + Released_families + Released_adults", units=P, doc="People released into the US with a court date.")
flow("Expelled to Mexico", "(Encountered_not_released_children + Encountered_not_released_families + Encountered_not_released_adults) * Expulsion_share", units=P,
     doc="People pushed back to Mexico without consequence: Title 42 expulsions, Remain in Mexico.")
flow("Border removals", "(Encountered_not_released_children + Encountered_not_released_families + Encountered_not_released_adults) * (1 - Expulsion_share)", units=P, doc="People removed home under Title 8.")

# waiting at the border after an expulsion
aux("Title 42 share of expulsions history", "TIME", gf=([2012, 2020.2, 2020.22, 2023.35, 2023.37], [0, 0, 1, 1, 0]),
    doc="Share of the pushes back to Mexico made under Title 42 (20 March 2020 - 11 May 2023) rather than under Remain in Mexico (policy_regimes.csv).")
aux("Title 42 share of expulsions", "Title_42_share_of_expulsions_history * (1 - Policy_weight)", doc="Title 42 in force; none after the policy year.")
param("Retry share under Remain in Mexico", 0.2, "dmnl", "Share of people returned to Mexico to await a hearing who cross again irregularly instead (assumption: most waited for their hearing or went home; about 60,000 were returned in the first year, P8).", 0.1, 0.4)
aux("Retry share", "Title_42_share_of_expulsions * Retry_share_under_Title_42 + (1 - Title_42_share_of_expulsions) * Retry_share_under_Remain_in_Mexico",
    doc="Share of those pushed back to Mexico who try again: most under Title 42, which had no consequence, few under Remain in Mexico, where a hearing was to come.")
param("Retry rate after expulsion", 4, "1/year", "How fast people pushed back to Mexico try again or give up: within a quarter of a year on average (assumption: under Title 42 many tried again within days or weeks, P7; under Remain in Mexico people waited months for their hearings, P8).", 2, 12)
stock("Waiting in Mexico", "0", inflows=["Expelled to Mexico"], outflows=["Repeat crossers getting in", "Repeat removals", "Going home from the border"],
      units="people", doc="People expelled or returned to Mexico who wait near the border (P7, P8).")
aux("Repeat attempts", "Waiting_in_Mexico * Retry_rate_after_expulsion * Retry_share", arr=True, units=P, doc="Second and later crossings.")
aux("Repeat encounters", "Repeat_attempts * Apprehension_probability", arr=True, units=P, doc="Encounters of people caught before: events, not new people (P7).")
flow("Repeat crossers getting in", "Repeat_attempts * (1 - Apprehension_probability + Apprehension_probability * Adult_release)", units=P, doc="Repeat crossers who get through or are released.")
flow("Repeat removals", "Repeat_encounters * (1 - Adult_release) * (1 - Expulsion_share)", units=P, doc="Repeat crossers removed home under Title 8.")
flow("Going home from the border", "Waiting_in_Mexico * Retry_rate_after_expulsion * (1 - Retry_share)", units=P, doc="People who give up at the border and go home.")

# ================================================================ asylum system
param("Claim filing share", 0.55, "dmnl", "Share of people released at the border who file an asylum claim; the others wait for court without one (D: 321,900 pending Northern Triangle claims in 2019 and about 500,000 asylum seekers in 2021-22, asylum_displacement.csv, F, against the releases of 2014-2019).", 0.35, 0.75)
stock("Asylum backlog", "Initial_asylum_backlog", inflows=["Asylum claims"], outflows=["Asylum grants", "Asylum denials"], units="people",
      doc="People waiting for a US asylum decision.",
      chart={"order": "14", "title": "Asylum backlog", "title-es": "Casos de asilo pendientes", "units": "people", "units-es": "personas", "aggregate": "sum", "doc": "People in the US waiting for an immigration court to decide their asylum claim. A long wait is itself a pull: it is time in the US.", "doc-es": "Personas en EE. UU. que esperan que un tribunal de inmigración decida su solicitud de asilo. Una espera larga atrae por sí misma: es tiempo en EE. UU."})
country_param("Initial asylum backlog", [10000, 8000, 12000], "people", "Pending claims in 2012 (D: 44,000 pending Northern Triangle claims in 2014, asylum_displacement.csv, F).", 0.7, 1.3)
flow("Asylum claims", "Released_at_the_border * Claim_filing_share", units=P, doc="Released people who file a claim.")
aux("Released without a claim", "Released_at_the_border * (1 - Claim_filing_share)", arr=True, units=P, doc="Released people who wait without filing.")
param("Shortest decision time", 0.5, "Year", "Fastest an asylum case is decided (assumption).", 0.3, 1)
aux("Share of the asylum backlog", f"ZIDZ(Asylum_backlog, {total('Asylum backlog')})", arr=True, doc="Each country's share of the region's asylum backlog: its share of court time.")
aux("Asylum decisions", "MIN(Asylum_backlog / Shortest_decision_time, Court_capacity_effective * Share_of_the_asylum_backlog)",
    arr=True, units=P, doc="Asylum decisions per year, limited by court capacity shared by backlog.")
aux("Court wait history", "TIME", units="Year", gf=([2012, 2016, 2019, 2023, 2024], [1.7, 3.0, 3.6, 3.8, 4.5]),
    doc="Years a new case waits in the immigration courts, all nationalities: pending cases over completions, about 325,000 over 190,000 in 2012, 520,000 over 175,000 in 2016, 1 million over 275,000 in 2019, 2 million over 520,000 in 2023 (assumption: EOIR workload statistics, not in the project data). Northern Triangle claimants queue with everyone else.")
aux("Backlog years", "Court_wait_history * Court_capacity_history / MAX(One_case_per_year, Court_capacity_effective)", units="Year",
    doc="Years a new claimant waits for a decision: the courts' queue, shorter or longer as the chosen court capacity is above or below its history.")
aux("One case per year", 1, units="people/year", doc="Numerical guard.")
flow("Asylum grants", "Asylum_decisions * Asylum_grant_rate", units=P, doc="Protection granted.")
flow("Asylum denials", "Asylum_decisions * (1 - Asylum_grant_rate)", units=P, doc="Claims denied.")
aux("Removals after denial", "Asylum_denials * Removal_share_after_denial", arr=True, units=P, doc="Denied claimants removed.")

# ================================================================ diaspora and returns
country_param("Initial diaspora", [900000, 550000, 1250000], "people", "Migrants of each nationality in the US in 2012, with and without papers (assumption: about the foreign-born counts of that year).", 0.85, 1.15)
stock("Diaspora in the US", "Initial_diaspora",
      inflows=["Unapprehended arrivals", "Staying without status", "Asylum grants", "Protection transfers out", "Repeat crossers getting in"],
      outflows=["Interior removals by country", "Voluntary return", "Deaths in the US"], units="people",
      doc="Migrants settled in the US, with and without papers. It sends remittances and lowers the cost of coming for others.",
      chart={"order": "6", "title": "Diaspora in the US", "title-es": "Diáspora en EE. UU.", "units": "people", "units-es": "personas", "aggregate": "sum", "doc": "People from the three countries living in the US, with and without papers. They send remittances and make the journey cheaper and safer for relatives.", "doc-es": "Personas de los tres países que viven en EE. UU., con y sin papeles. Envían remesas y hacen el viaje más barato y seguro para sus familiares."})
flow("Staying without status", "Released_without_a_claim + Asylum_denials - Removals_after_denial", units=P,
     doc="Released people who never file and denied claimants who are not removed: they stay without papers.")
flow("Deaths in the US", "Diaspora_in_the_US * Death_rate_in_the_US", units=P, doc="Deaths in the diaspora.")
aux("Share of the diaspora", f"ZIDZ(Diaspora_in_the_US, {total('Diaspora in the US')})", arr=True, doc="Each nationality's share of the three diasporas.")
flow("Interior removals by country", "MIN(Interior_removals_effective * Share_of_the_diaspora, Diaspora_in_the_US * Undocumented_share_of_the_diaspora * Largest_removal_share)",
     units=P, doc="Removals from inside the US, shared by the size of each diaspora.")
param("Largest removal share", 0.05, "1/year", "Most of the undocumented diaspora ICE can find and remove in a year (assumption: removals from the interior never exceeded a few percent of the undocumented population).", 0.03, 0.1)
param("Free circulation return rate", 0.45, "1/year", "Yearly return of migrants when crossing back and forth is easy: 0.4-0.5 in the early 1980s (Massey, Durand and Pren 2016, P6, A).", 0.4, 0.5)
param("Settlement exponent", 4.5, "dmnl", "How fast return falls as crossing gets harder: with the 2017 apprehension probability it leaves about 0.7% a year (D from P6: 0.4-0.5 a year in the early 1980s, near zero by 2010, Massey, Durand and Pren 2016).", 3.5, 6)
param("Undocumented share of the diaspora", 0.5, "dmnl", "Share of the diaspora without legal status, whose return depends on how hard it is to come back (assumption: the project data hold no status split; P6 says return by documented migrants did not change with enforcement).", 0.35, 0.65)
param("Documented return rate", 0.005, "1/year", "Yearly return of migrants with legal status (assumption: small and unaffected by enforcement, P6).", 0.002, 0.01)
flow("Voluntary return", "Diaspora_in_the_US * (Undocumented_share_of_the_diaspora * Free_circulation_return_rate * (1 - Apprehension_probability) ^ Settlement_exponent + (1 - Undocumented_share_of_the_diaspora) * Documented_return_rate)", units=P,
     doc="Migrants going home of their own accord; enforcement that makes coming back hard keeps them in the US (mechanism 1; P6).")

param("Reintegration time", 1, "Year", "Time for a deportee without support to settle back in or leave again (assumption).", 0.5, 2)
param("Reintegration support effect", 2, "dmnl", "Faster reintegration at full support (assumption).", 1, 3)
param("Deportee retry rate", 0.2, "1/year", "Share of recent deportees a year who try again without support (P7: 7-12% of Title 8 apprehensions were repeats in FY2016-19, 20-28% in FY2007-11; people returned by Mexico retry more; D/assumption).", 0.1, 0.35)
param("Support effect on retrying", 0.7, "dmnl", "Share of re-migration avoided at full reintegration support (assumption after Isaacs and Preston, S0).", 0.4, 0.9)
country_param("Initial recent deportees", [40000, 35000, 15000], "people", "People returned from the US or Mexico in the months before 2012 (assumption).", 0.7, 1.3)
stock("Recent deportees", "Initial_recent_deportees",
      inflows=["Border removals", "Repeat removals", "Returns from Mexico", "Asylum removals", "Interior removals by country", "Going home from the border"],
      outflows=["Reintegration of deportees", "Re-migration of deportees"], units="people",
      doc="People returned from the US or Mexico, who either settle back in or try again (mechanism 6).")
flow("Asylum removals", "Removals_after_denial", units=P, doc="Denied claimants removed home.")
flow("Reintegration of deportees", "Recent_deportees / Reintegration_time * (1 + Reintegration_support_effect * Reintegration_support_effective)", units=P, doc="Deportees settling back home.")
flow("Re-migration of deportees", "Recent_deportees * Deportee_retry_rate * (1 - Support_effect_on_retrying * Reintegration_support_effective) * Attractiveness_adults * Mobility",
     units=P, doc="Deportees trying again (mechanism 6).",
     chart={"order": "13", "title": "Re-migration of deportees", "title-es": "Nueva migración de deportados", "units": "people a year", "units-es": "personas al año", "aggregate": "sum", "doc": "Deported people who set out again. Without reintegration support many return poorer and in danger, and try again.", "doc-es": "Personas deportadas que vuelven a salir. Sin apoyo a la reintegración muchas regresan más pobres y en peligro, y lo intentan de nuevo."})

# ================================================================ legal pathways
country_param("Seasonal visa share", [0.553, 0.238, 0.209], "dmnl", "Each country's share of seasonal visas (D: FY2018-FY2024 H-2A and H-2B issuances summed, 114,149 visas, h2_visas_issued_by_nationality_fy2017_2025.csv).", 0.8, 1.2)
history_by_country("Other seasonal programmes", [2010, 2016, 2018, 2020], [[4000, 6000, 9825, 9907], [0, 0, 0, 0], [0, 0, 0, 0]], "people/year",
                   "Temporary work outside the US, mainly Guatemalans in Canada (guatemala_temporary_workers_canada_other.csv, F).")
param("Employer uptake", 0.85, "dmnl", "Share of visa slots employers fill at today's labour demand (assumption).", 0.7, 1)
param("Protection gain in uptake", 0.15, "dmnl", "Extra take-up at full worker protection (assumption after Selee, S4).", 0.05, 0.25)
param("Largest seasonal share of residents", 0.05, "dmnl", "Most of the home population that can be away on seasonal work (numerical guard).", 0.05, 0.05)
param("Legal substitution at 2017 enforcement", 1, "dmnl", "Share of seasonal recruits drawn from people already intending to go north irregularly, at 2017 enforcement: H-2 workers come from the same communities and households as irregular migrants (Clemens and Gough 2018, P5). Not every would-be migrant would have crossed (some give up, some are stopped in Mexico), so each extra seasonal worker avoids 0.3-0.45 irregular arrivals in the model, inside P5's 0.3-1.0 fewer crossings per visa conditional on enforcement (D).", 0.6, 1)
param("Seasonal season length", 0.6, "Year", "Time a seasonal worker is away (assumption: H-2A contracts of about seven months).", 0.4, 0.8)
aux("Seasonal uptake", "MIN(1, Employer_uptake * US_labour_demand * (1 - Protection_gain_in_uptake + Protection_gain_in_uptake * Worker_protection_effective))",
    doc="Share of visa slots filled.")
aux("Workers per visa", 1, units="people/visa", doc="Unit conversion: one worker per visa.")
aux("Seasonal demand", "MIN((Seasonal_visas_effective * Workers_per_visa * Seasonal_visa_share + Other_seasonal_programmes) * Seasonal_uptake, Population_at_home * Largest_seasonal_share_of_residents / Seasonal_season_length)",
    arr=True, units=P, doc="Seasonal workers leaving per year.")
aux("Legal substitution", "MIN(1, Legal_substitution_at_2017_enforcement * Apprehension_probability / Apprehension_probability_at_2017_level)",
    doc="Share of seasonal workers drawn from would-be irregular migrants: legal routes substitute only alongside enforcement (P5).")
flow("Seasonal recruits from intending migrants", "MIN(Seasonal_demand * Legal_substitution, Intending_to_leave / Departure_delay)", units=P,
     doc="Would-be irregular migrants who take a legal seasonal job instead: out of the pool at once (mechanism 7; P5).")
flow("Seasonal departures", "Seasonal_demand - Seasonal_recruits_from_intending_migrants", units=P, doc="Other residents leaving on seasonal visas.")
aux("Seasonal workers between seasons", "MIN(Population_at_home * Largest_seasonal_share_of_residents, Seasonal_demand * MAX(0, One_year - Seasonal_season_length))",
    arr=True, units="people", doc="Seasonal workers at home between seasons, with a job to go back to: they do not plan an irregular journey (Clemens and Gough 2018, P5).")
stock("Seasonal workers abroad", "Initial_seasonal_workers_abroad", inflows=["Seasonal departures", "Seasonal recruits from intending migrants"],
      outflows=["Seasonal return"], units="people", doc="Legal temporary workers away for the season.")
country_param("Initial seasonal workers abroad", [4500, 400, 400], "people", "Seasonal workers away in 2012 (assumption from 5,000 visas and Guatemalans in Canada).", 0.7, 1.3)
flow("Seasonal return", "Seasonal_workers_abroad / Seasonal_season_length", units=P, doc="Seasonal workers coming home.")
param("Largest protection transfer rate", 2, "1/year", "Most of the displaced that can be moved in a year (numerical guard).", 2, 2)
aux("Share of the displaced", f"ZIDZ(Internally_displaced, {total('Internally displaced')})", arr=True, doc="Each country's share of the region's internally displaced.")
flow("Protection transfers out", "MIN(Protection_transfers_effective * Share_of_the_displaced, Internally_displaced * Largest_protection_transfer_rate)",
     units=P, doc="People in danger moved to legal status in the US.")

# ================================================================ smuggling
param("Initial smuggling fee", 6000, "USD/person", "Smuggling fee per crossing around 2012: USD 4,000-10,000 (AP 2014, P12, F).", 4000, 10000)
param("Fee real growth", 0.04, "1/year", "Yearly growth of the fee before enforcement effects, including inflation (D: about 10% real rise 2008-2019 plus inflation, P12; USD 10,000-15,000 commonly cited for 2021-23, P12, and by Selee, S4).", 0.02, 0.06)
param("Fee elasticity to border enforcement", 0.5, "dmnl", "Elasticity of the fee to the enforcement routes are adapted to (assumption: enforcement raises prices rather than stopping crossings, P6, P12).", 0.3, 0.8)
param("Fee elasticity to Mexico enforcement", 0.25, "dmnl", "Elasticity of the fee to Mexican enforcement (assumption: transit through Mexico alone costs USD 3,000-4,000, P12).", 0.1, 0.4)
param("Fee adjustment time", 1, "Year", "Time for fees to follow costs (assumption).", 0.5, 2)
param("Fee base year", 2012, "Year", "Year of the initial fee and of the 2012 remittance per migrant: the model's start (AP 2014 and remittances.csv figures are scaled to it).", 2012, 2012)
aux("Smuggling fee target", "Initial_smuggling_fee * EXP(Fee_real_growth * (TIME - Fee_base_year)) * MAX(Enforcement_floor, Adapted_border_routes) ^ Fee_elasticity_to_border_enforcement * MAX(Enforcement_floor, Adapted_Mexico_routes) ^ Fee_elasticity_to_Mexico_enforcement",
    units="USD/person", doc="The fee smugglers' costs point to.")
stock("Smuggling fee", "Initial_smuggling_fee", inflows=["Change in fee"], units="USD/person", doc="US dollars per crossing.")
flow("Change in fee", "(Smuggling_fee_target - Smuggling_fee) / Fee_adjustment_time", units="USD/person/year", doc="Fees follow costs.")

# ================================================================ remittances
country_param("Remittance per migrant 2012", [5314, 5255, 3104], "USD/person/year", "Remittances per migrant in 2012 (A: remittances.csv, approximate rows, over the assumed 2012 diaspora).", 0.8, 1.2)
param("Remittance growth", 0.06, "1/year", "Yearly growth of remittances per migrant (D: remittances 2015-2023, remittances.csv).", 0.03, 0.08)
aux("Remittance per migrant", "Remittance_per_migrant_2012 * EXP(Remittance_growth * (TIME - Fee_base_year))", arr=True, units="USD/person/year", doc="Remittances sent per migrant.")
aux("Remittances", "Diaspora_in_the_US * Remittance_per_migrant", arr=True, units="USD/year", doc="Remittances home.",
    chart={"order": "7", "title": "Remittances", "title-es": "Remesas", "units": "US dollars a year", "units-es": "dólares al año", "aggregate": "sum", "doc": "Money sent home by the diaspora and by seasonal workers, in current US dollars.", "doc-es": "Dinero que envían a casa la diáspora y los trabajadores temporales, en dólares corrientes."})
aux("Remittances per capita", "Remittances / Population_at_home", arr=True, units="USD/person/year", doc="Remittances per resident.")
aux("Remittances share of GDP", "Remittances / (Income_per_head * Population_at_home)", arr=True, doc="Remittances over GDP.")

# ================================================================ outputs
aux("Encounters of children", "Encounters_of_children_first_attempts", arr=True, units="events/year", doc="Encounters of unaccompanied children.",
    chart={"order": "16", "title": "Encounters of children", "title-es": "Encuentros de niños solos", "units": "events a year", "units-es": "eventos al año", "aggregate": "sum", "doc": "Times Border Patrol met a child travelling without a parent. Children are mostly referred to the refugee office and released to relatives.", "doc-es": "Veces que la Patrulla Fronteriza encontró a un niño que viajaba sin sus padres. La mayoría pasa a la oficina de refugiados y se entrega a familiares."})
aux("Encounters of families", "Encounters_of_families_first_attempts", arr=True, units="events/year", doc="Encounters of people in families.",
    chart={"order": "17", "title": "Encounters of families", "title-es": "Encuentros de familias", "units": "events a year", "units-es": "eventos al año", "aggregate": "sum", "doc": "Times Border Patrol met parents travelling with children. Families mostly set out when they expect to be let in to ask for asylum: with asylum shut at the border, as in the January 2025 regime the baseline keeps, almost none go.", "doc-es": "Veces que la Patrulla Fronteriza encontró a padres que viajaban con hijos. Las familias salen sobre todo cuando esperan que las dejen entrar a pedir asilo: con el asilo cerrado en la frontera, como en el régimen de enero de 2025 que mantiene la referencia, casi ninguna sale."})
aux("Encounters of single adults", "Encounters_of_adults_first_attempts + Repeat_encounters", arr=True, units="events/year", doc="Encounters of single adults, repeats included.",
    chart={"order": "18", "title": "Encounters of single adults", "title-es": "Encuentros de adultos solos", "units": "events a year", "units-es": "eventos al año", "aggregate": "sum", "doc": "Times Border Patrol met adults travelling alone, repeat tries included: under Title 42 many were pushed back to Mexico and tried again.", "doc-es": "Veces que la Patrulla Fronteriza encontró a adultos que viajaban solos, con los reintentos: con el Título 42 muchos fueron devueltos a México y lo intentaron de nuevo."})
aux("Unique people encountered", "Encounters_of_children_first_attempts + Encounters_of_families_first_attempts + Encounters_of_adults_first_attempts", arr=True, units=P,
    doc="People encountered, each once.",
    chart={"order": "19", "title": "Unique people encountered", "title-es": "Personas encontradas", "units": "people a year", "units-es": "personas al año", "aggregate": "sum", "doc": "People Border Patrol met, each counted once however many times they tried: encounters less repeat tries.", "doc-es": "Personas que encontró la Patrulla Fronteriza, cada una contada una vez aunque lo intentara varias veces: los encuentros menos los reintentos."})
aux("Encounters", "Unique_people_encountered + Repeat_encounters", arr=True, units="events/year",
    doc="USBP Southwest-border encounters: events, repeats included (the calibration target).",
    chart={"order": "1", "title": "Encounters at the border", "title-es": "Encuentros en la frontera", "units": "events a year", "units-es": "eventos al año", "aggregate": "sum", "shown": "1",
           "data": "../history/usbp_sw_border_encounters_by_citizenship_fy2000_2025.csv", "data-time": "fiscal_year", "data-element": "country", "data-value": "usbp_sw_border_encounters", "data-offset": "0.25", "doc": "Times US Border Patrol stopped someone from the country between ports of entry on the southwest border; a person caught twice counts twice. The dots are Border Patrol's yearly counts (fiscal years, October to September), which the model was fitted to for 2012-2019.", "doc-es": "Veces que la Patrulla Fronteriza de EE. UU. detuvo a alguien del país entre los puertos de entrada de la frontera suroeste; quien es detenido dos veces cuenta dos veces. Los puntos son los recuentos anuales de la Patrulla Fronteriza (años fiscales, de octubre a septiembre), a los que se ajustó el modelo para 2012-2019."})
for name, x, u in [("Total encounters", "Encounters", "events/year"), ("Total irregular arrivals", "Irregular arrivals", P),
                   ("Total unique people encountered", "Unique people encountered", P)]:
    aux(name, total(x), units=u, doc=f"{x}, the three countries.")
aux("Legal entries", "Seasonal_demand + Protection_transfers_out + Asylum_grants", arr=True, units=P, doc="People entering the US legally, plus Guatemalans' temporary work in Canada (counted with seasonal work).",
    chart={"order": "3", "title": "Legal entries", "title-es": "Entradas legales", "units": "people a year", "units-es": "personas al año", "aggregate": "sum", "shown": "1", "doc": "People entering the US legally each year: seasonal work visas, protection transfers and asylum granted from the region, plus Guatemalans' temporary work in Canada.", "doc-es": "Personas que entran legalmente en EE. UU. cada año: visas de trabajo temporal, traslados de protección y asilo concedido desde la región, más el trabajo temporal de guatemaltecos en Canadá."})
aux("Total legal entries", total("Legal entries"), units=P, doc="Legal entries, the three countries.")
aux("Total deaths in transit", total("Deaths in transit"), units=P, doc="Deaths in transit, the three countries.")
aux("Smuggler revenue", "Irregular_departures * Smuggling_fee", arr=True, units="USD/year", doc="Fees paid to smugglers.",
    chart={"order": "5", "title": "Smugglers' revenue", "title-es": "Ingresos de los traficantes", "units": "US dollars a year", "units-es": "dólares al año", "aggregate": "sum", "shown": "1", "doc": "What people pay smugglers in a year: journeys times the fee, which rises with enforcement.", "doc-es": "Lo que la gente paga a los traficantes en un año: viajes por tarifa, que sube con el control."})
aux("Total smuggler revenue", total("Smuggler revenue"), units="USD/year", doc="Smuggler revenue, the three countries.")
aux("Deportations from the US", "Border_removals + Repeat_removals + Removals_after_denial + Interior_removals_by_country", arr=True, units=P, doc="Removals from the US.")
aux("Deportations", "Deportations_from_the_US + Returns_from_Mexico", arr=True, units=P, doc="Returns from the US and Mexico.",
    chart={"order": "12", "title": "Deportations from the US and Mexico", "title-es": "Deportaciones desde EE. UU. y México", "units": "people a year", "units-es": "personas al año", "aggregate": "sum", "doc": "People returned home in a year by the US (from the border and the interior) and by Mexico.", "doc-es": "Personas devueltas a su país en un año por EE. UU. (desde la frontera y el interior) y por México."})
aux("Total deportations", total("Deportations"), units=P, doc="Deportations, the three countries.")
aux("Total re-migration of deportees", total("Re-migration of deportees"), units=P, doc="Re-migration, the three countries.")
aux("Total asylum backlog", total("Asylum backlog"), units="people", doc="Asylum backlog, the three countries.")
aux("Total diaspora", total("Diaspora in the US"), units="people", doc="Diaspora, the three countries.")
aux("Total remittances", total("Remittances"), units="USD/year", doc="Remittances, the three countries.")
aux("Total internally displaced", total("Internally displaced"), units="people", doc="Displaced, the three countries.")
aux("Total voluntary return", total("Voluntary return"), units=P, doc="Voluntary return, the three countries.")
aux("Total returns from Mexico", total("Returns from Mexico"), units=P, doc="Returns from Mexico, the three countries.")
aux("Average smuggling fee", f"{total('Smuggler revenue')} / MAX(One_case_per_year, {total('Irregular departures')})", units="USD/person", doc="Fee per crossing, averaged over the three countries.")

stock("Cumulative births", "0", inflows=["Births"], units="people", doc="Births since 2012, for the check that every person is counted.")
stock("Cumulative natural deaths", "0", inflows=["Natural deaths at home", "Deaths in the US"], units="people", doc="Deaths at home and in the US since 2012.")
stock("Cumulative deaths in transit", "0", inflows=["Deaths in transit"], units="people", doc="Deaths on the way north since 2012.")
stock("Settled in Mexico", "0", inflows=["Settling in Mexico"], units="people",
      doc="People who stayed in Mexico since 2012. More than 30,000 Hondurans applied for asylum in Mexico in 2019 (Selee, S4, F).")
aux("People accounted for",
    "Population_at_home + Intending_to_leave + Internally_displaced + In_transit + Waiting_in_Mexico + Asylum_backlog + Diaspora_in_the_US + Recent_deportees + Seasonal_workers_abroad + Cumulative_natural_deaths + Cumulative_deaths_in_transit + Settled_in_Mexico - Cumulative_births",
    arr=True, units="people", doc="Every stock of people plus the dead less the born: constant if no one is created or lost.")

# public cost
param("Border enforcement cost at 2017 level", 4e9, "USD/year", "Yearly cost of Border Patrol enforcement at the 2017 level attributed to the southwest border (assumption: the project data hold no CBP budget series).", 3e9, 6e9)
param("Mexico enforcement support cost", 1e8, "USD/year", "US support to Mexican enforcement at the 2017 level (assumption).", 5e7, 2e8)
param("Visa administration cost", 1000, "USD/visa", "Administration and recruitment oversight per seasonal visa (assumption).", 500, 2000)
param("Cost per asylum decision", 2500, "USD/person", "Court cost per asylum decision (assumption).", 1500, 5000)
param("Reintegration cost per deportee", 2000, "USD/person", "Reintegration programme cost per deportee reached (assumption).", 1000, 4000)
param("Displaced support cost", 300, "USD/person/year", "Support per displaced person reached per year (assumption).", 150, 600)
param("Protection transfer cost", 10000, "USD/person", "In-country processing and resettlement per person (assumption).", 5000, 20000)
param("Interior removal cost", 10000, "USD/person", "Arrest, detention and removal per interior removal (assumption).", 7000, 15000)
aux("Public cost",
    f"Aid_budget_effective * USD_per_million + Border_enforcement_cost_at_2017_level * Border_enforcement_effective + Mexico_enforcement_support_cost * Mexico_enforcement_effective / Mexico_capacity_at_2017_level + Visa_administration_cost * Seasonal_visas_effective + Cost_per_asylum_decision * {total('Asylum decisions')} + Reintegration_cost_per_deportee * Reintegration_support_effective * {total('Deportations')} + Displaced_support_cost * Displaced_support_effective * Total_internally_displaced + Protection_transfer_cost * {total('Protection transfers out')} + Interior_removal_cost * {total('Interior removals by country')}",
    units="USD/year", doc="Public cost to the US of the policy mix.",
    chart={"order": "15", "title": "Public cost to the US", "title-es": "Costo público para EE. UU.", "units": "US dollars a year", "units-es": "dólares al año", "aggregate": "none", "doc": "What the policy mix costs the US government a year: aid, visas, border and Mexico enforcement, detention, courts and removals.", "doc-es": "Lo que la combinación de políticas cuesta al gobierno de EE. UU. al año: ayuda, visas, control fronterizo y en México, detención, tribunales y deportaciones."})
