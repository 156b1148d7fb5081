import sys
from lib import *

S0 = "Isaacs and Preston, Washington Post column on the 2018 caravan (S0)"
S1 = "the Made by History essay on US aid (S1)"
S2 = "Bermeo, How to Actually Tackle the Root Causes (S2)"
S3 = "Selee and Ruiz Soto, Building a New Regional Migration System (S3)"
S4 = "Selee, To Solve the Border Crisis, Look Beyond the Border (S4)"
REG = "dates from policy_regimes.csv in the project data"


def lever(name, default, units, doc, rng, history, meta, hist_doc=None):
    aux(name, default, units=units, doc=doc, rng=rng, lever=meta)
    aux(f"{name} effective", f"{history} * (1 - Policy_weight) + {name.replace(' ', '_')} * Policy_weight",
        units=units,
        doc=f"{name} in force: its history before the policy year, then a linear move to the lever's value over the phase-in years.")


# ---------------------------------------------------------------- policy time
aux("Policy start year", 2026, units="Year", rng=(2012, 2045),
    doc="The year the sliders take over from history. Before it every lever follows its historical path (US aid obligations, H-2 visas, the border regime of the day); from it on, each lever moves to its chosen value over the phase-in years. Default: the current year.",
    lever={"doc-es": "El año en que los controles toman el relevo de la historia. Antes de él cada control sigue su trayectoria histórica (obligaciones de ayuda de EE. UU., visas H-2, el régimen fronterizo de cada momento); desde él, cada control pasa a su valor elegido en los años de transición. Por defecto, el año en curso.",
           "label-es": "Año de inicio de la política", "group-order": "5", "group-title": "Context", "group-title-es": "Contexto", "group-doc": "When the sliders take over from history", "group-doc-es": "Cuándo los controles toman el relevo de la historia",
           "group": "Context", "step": "1", "default": "2026", "format": "%.0f", "order": "0", "role": "policy-year"})
aux("Years to phase in", 3, units="Year", rng=(0, 10),
    doc="Years over which a lever moves from its historical value to the chosen one after the policy year: budgets, hiring, visa programmes and agreements take time to build (assumption: US appropriations and programme start-up take one to five years; 0 means overnight).",
    lever={"doc-es": "Años en que un control pasa de su valor histórico al elegido después del año de la política: presupuestos, contrataciones, programas de visas y acuerdos tardan en montarse (supuesto: de uno a cinco años; 0 significa de un día para otro).",
           "label-es": "Años de transición", "format-es": "%.0f años", "group": "Context", "step": "1", "default": "3", "format": "%.0f years", "order": "1"})
aux("Policy weight",
    "IF TIME < Policy_start_year THEN 0 ELSE (IF Years_to_phase_in <= 0 THEN 1 ELSE MIN(1, (TIME - Policy_start_year) / Years_to_phase_in))",
    doc="How far the levers have moved from history to their chosen values: 0 before the policy year, 1 once the phase-in is over.")

# ---------------------------------------------------------------- aid levers
aux("Aid budget history", "TIME", units="USD million/year",
    gf=([2012.25, 2013.25, 2014.25, 2015.25, 2016.25, 2017.25, 2018.25, 2019.25, 2020.25, 2021.25, 2022.25, 2023.25, 2024.25],
        [274.8, 293.5, 343.2, 603.9, 499.1, 557.9, 459.7, 313.3, 342.6, 640.7, 607, 534.1, 534.1]),
    doc="US foreign assistance obligations to Guatemala, Honduras and El Salvador by fiscal year (ForeignAssistance.gov, us_foreign_assistance_by_country_fy1990_2024.csv, F). FY2024 is incomplete in that vintage, so FY2023 is held. Regional (CARSI) lines are not included.")
lever("Aid budget", 534, "USD million/year",
      "Total US aid to the three countries per year after the policy year. About USD 500 million in 2017, roughly 1% of the foreign-aid budget (Isaacs and Preston, S0, F); obligations were USD 558 million in FY2017 and USD 534 million in FY2023 (project data, F). The Root Causes pledge was USD 4 billion over four years (Bermeo, S2; Selee, S4).",
      (0, 6000), "Aid_budget_history",
      {"doc-es": "Ayuda total de EE. UU. a los tres países por año desde el año de la política. Unos 500 millones de dólares en 2017, cerca del 1% del presupuesto de ayuda exterior (Isaacs y Preston, S0, F); las obligaciones fueron 558 millones en el año fiscal 2017 y 534 millones en 2023 (datos del proyecto, F). El compromiso de la estrategia de causas de fondo fue de 4.000 millones en cuatro años (Bermeo, S2; Selee, S4).",
       "label-es": "Presupuesto de ayuda", "format-es": "%.0f millones de USD/año", "group-order": "1", "group-title": "Aid", "group-title-es": "Ayuda", "group-doc": "US assistance to Guatemala, Honduras and El Salvador", "group-doc-es": "Asistencia de EE. UU. a Guatemala, Honduras y El Salvador",
           "essential": "1", "group": "Aid", "step": "10", "default": "534", "format": "USD %.0f million/year", "order": "1",
       "large-from": "1000", "large-scale": "0.001", "large-format": "USD %.2f billion/year", "large-format-es": "%.2f mil millones de USD/año",
       "large-unit": "billion", "large-unit-es": "mil millones"})
aux("Aid share local history", "TIME", gf=([2012.25, 2018.25, 2021.25, 2022.25, 2023.25], [0.042, 0.044, 0.072, 0.102, 0.096]),
    doc="USAID-wide direct local-partner share: 4.2% FY2012, 4.4% FY2018, 7.2% FY2021, 10.2% FY2022, 9.6% FY2023 (aid_program_milestones.csv, F); no Northern Triangle figure exists.")
lever("Aid share local", 0.096, "dmnl",
      "Share of aid given directly to local organisations and firms. Under 10% (Bermeo, S2, F); USAID-wide direct local share 4.2% (FY2012) to 10.2% (FY2022) (project data, F).",
      (0, 1), "Aid_share_local_history",
      {"doc-es": "Parte de la ayuda entregada directamente a organizaciones y empresas locales. Menos del 10% (Bermeo, S2, F); para toda USAID, del 4,2% (2012) al 10,2% (2022) (datos del proyecto, F).",
       "label-es": "Parte de la ayuda vía organizaciones locales", "group": "Aid", "step": "0.01", "default": "0.096", "format": "%.0f%% of aid", "format-es": "%.0f%% de la ayuda", "scale": "100", "order": "2"})
param("Historical security share of aid", 0.2, "dmnl",
      "Share of aid spent on security, border and drug control, including military training: about 20% (Isaacs and Preston, S0, F).", 0.15, 0.5)
lever("Aid share security", 0.2, "dmnl",
      "Share of aid spent on security, border and drug control, including military training: about 20% (Isaacs and Preston, S0, F); CRS describes the Strategy for Engagement as split roughly evenly between bilateral programmes and CARSI (aid_program_milestones.csv, F).",
      (0, 1), "Historical_security_share_of_aid",
      {"doc-es": "Parte de la ayuda dedicada a seguridad, fronteras y control de drogas, incluido el entrenamiento militar: cerca del 20% (Isaacs y Preston, S0, F).",
       "label-es": "Parte de la ayuda en seguridad", "group": "Aid", "step": "0.01", "default": "0.2", "format": "%.0f%% of aid", "format-es": "%.0f%% de la ayuda", "scale": "100", "order": "3"})
param("Historical reintegration reach", 0.05, "dmnl", "Share of deportees reached by reintegration programmes before the policy year (assumption: small pilot programmes; Isaacs and Preston, S0, describe deportees returning with nothing).", 0.0, 0.15)
lever("Reintegration support", 0.05, "dmnl",
      "Share of returned deportees reached by reintegration programmes (jobs, protection, debt relief). Deportees without support return poorer and in danger and try again (Isaacs and Preston, S0, mechanism 6).",
      (0, 1), "Historical_reintegration_reach",
      {"doc-es": "Parte de los deportados que reciben apoyo para reintegrarse (empleo, protección, alivio de deudas). Sin apoyo vuelven más pobres y en peligro, y lo intentan de nuevo (Isaacs y Preston, S0, mecanismo 6).",
       "label-es": "Apoyo a la reintegración", "group": "Aid", "step": "0.05", "default": "0.05", "format": "%.0f%% of deportees", "format-es": "%.0f%% de los deportados", "scale": "100", "order": "4"})
param("Historical displaced reach", 0.05, "dmnl", "Share of internally displaced people reached by protection and support before the policy year (assumption: few programmes; Isaacs and Preston, S0).", 0.0, 0.15)
lever("Displaced support", 0.05, "dmnl",
      "Share of internally displaced people reached by protection and support. Displacement often comes before international migration (Isaacs and Preston, S0, mechanism 5).",
      (0, 1), "Historical_displaced_reach",
      {"doc-es": "Parte de los desplazados internos que reciben protección y apoyo. El desplazamiento suele preceder a la migración internacional (Isaacs y Preston, S0, mecanismo 5).",
       "label-es": "Apoyo a los desplazados", "group": "Aid", "step": "0.05", "default": "0.05", "format": "%.0f%% of the displaced", "format-es": "%.0f%% de los desplazados", "scale": "100", "order": "5"})
param("Historical remittance leverage", 0.05, "dmnl", "How far remittances were channelled into investment before the policy year (assumption: low; Selee, S4, describes the untapped potential).", 0.0, 0.15)
lever("Remittance leverage", 0.05, "dmnl",
      "How far remittances are channelled into investment: credit unions, diaspora investment, purchases from cooperatives (Selee, S4, mechanism 11).",
      (0, 1), "Historical_remittance_leverage",
      {"doc-es": "Cuánto de las remesas se canaliza hacia la inversión: cooperativas de ahorro, inversión de la diáspora, compras a cooperativas (Selee, S4, mecanismo 11).",
       "label-es": "Aprovechamiento de las remesas", "group": "Aid", "step": "0.05", "default": "0.05", "format": "%.0f%% invested", "format-es": "%.0f%% invertido", "scale": "100", "order": "6"})

# ---------------------------------------------------------------- visas
aux("Seasonal visas history", "TIME", units="visas/year",
    gf=([2012.25, 2017.25, 2018.25, 2019.25, 2020.25, 2021.25, 2022.25, 2023.25, 2024.25],
        [5000, 5000, 9122, 7113, 5501, 9897, 19198, 28232, 31122]),
    doc="H-2A plus H-2B visas issued to the three nationalities by fiscal year, FY2018-FY2024 (h2_visas_issued_by_nationality_fy2017_2025.csv, F); 4,000-6,000 Guatemalans a year before that (Selee, S4, F), taken as 5,000 for the three countries (A).")
lever("Seasonal visas", 31000, "visas/year",
      "Seasonal and temporary US work visas (H-2A, H-2B) for the three nationalities per year after the policy year. About 31,000 were issued in FY2024 (project data, F); Mexico receives more than 250,000 a year (Selee, S4, F); Root Causes added 6,000 (Bermeo, S2, F).",
      (0, 300000), "Seasonal_visas_history",
      {"doc-es": "Visas de trabajo temporal en EE. UU. (H-2A, H-2B) para las tres nacionalidades por año. Unas 31.000 en el año fiscal 2024 (datos del proyecto, F); México recibe más de 250.000 al año (Selee, S4, F); la estrategia de causas de fondo añadió 6.000 (Bermeo, S2, F).",
       "label-es": "Visas de trabajo temporal", "format-es": "%.0f visas/año", "group-order": "2", "group-title": "Visas", "group-title-es": "Visas", "group-doc": "Legal ways to come and work or find protection", "group-doc-es": "Vías legales para venir a trabajar o encontrar protección",
           "essential": "1", "group": "Visas", "step": "1000", "default": "31000", "format": "%.0f visas/year", "order": "1"})
param("Historical worker protection", 0.2, "dmnl", "Worker protection before the policy year, 0 none to 1 full (assumption: recruitment abuse and debt are common; Selee, S4).", 0.1, 0.4)
lever("Worker protection", 0.2, "dmnl",
      "Recruitment rules, consular help and portable visas that keep seasonal workers from debt bondage and abuse, so more take part and more of their pay comes home (Selee, S4, mechanism 8). Shown in percent: 0% none, 100% full.",
      (0, 1), "Historical_worker_protection",
      {"doc-es": "Reglas de reclutamiento, ayuda consular y visas portables que protegen a los trabajadores temporales de deudas y abusos, para que participen más y traigan más de su salario (Selee, S4, mecanismo 8). Se muestra en porcentaje: 0% ninguna, 100% plena.",
       "label-es": "Protección de los trabajadores", "group": "Visas", "step": "0.05", "default": "0.2", "format": "%.0f%% of full", "format-es": "%.0f%% de la plena", "scale": "100", "order": "2"})
param("Historical protection transfers", 500, "people/year", "People moved straight to legal status before the policy year: a few hundred a year through in-country processing and the Protection Transfer Arrangement (Selee and Ruiz Soto, S3; Selee, S4, F).", 200, 2000)
lever("Protection transfers", 500, "people/year",
      "People in danger moved straight to legal status: in-country processing, the Protection Transfer Arrangement, resettlement (Selee and Ruiz Soto, S3; Selee, S4: a few hundred a year, F).",
      (0, 100000), "Historical_protection_transfers",
      {"doc-es": "Personas en peligro trasladadas directamente a un estatus legal: trámite en el país, acuerdo de traslado de protección, reasentamiento (Selee y Ruiz Soto, S3; Selee, S4: unos cientos al año, F).",
       "label-es": "Traslados de protección", "format-es": "%.0f personas/año", "group": "Visas", "step": "500", "default": "500", "format": "%.0f people/year", "order": "3"})

# ---------------------------------------------------------------- enforcement levers
param("Historical border enforcement", 1, "dmnl", "Border enforcement intensity before the policy year, 1 = the 2017 level (assumption: Border Patrol staffing changed little over 2012-2024; no budget series is in the project data).", 0.9, 1.1)
lever("Border enforcement", 1, "dmnl",
      "US border enforcement between ports of entry, shown in percent of the 2017 level (100% = 2017): agents, surveillance, barriers, prosecution (an index: the project data hold no Border Patrol staffing or budget series). Its cost is Border enforcement cost at 2017 level times the index. The US spends about ten times as much on border enforcement against child migrants as on security assistance to the region (Clemens, CGD 2018, project data, F).",
      (0, 3), "Historical_border_enforcement",
      {"doc-es": "Control de EE. UU. en la frontera entre los puertos de entrada, en porcentaje del nivel de 2017 (100% = 2017): agentes, vigilancia, barreras, procesamiento judicial (un índice: los datos del proyecto no tienen una serie de personal ni de presupuesto de la Patrulla Fronteriza). EE. UU. gasta unas diez veces más en control fronterizo contra niños migrantes que en asistencia de seguridad a la región (Clemens, CGD 2018, F).",
       "label-es": "Control fronterizo", "group-order": "3", "group-title": "Enforcement", "group-title-es": "Control", "group-doc": "Border, Mexico, asylum and removals", "group-doc-es": "Frontera, México, asilo y deportaciones",
           "essential": "1", "group": "Enforcement", "step": "0.05", "default": "1", "format": "%.0f%% of 2017", "format-es": "%.0f%% de 2017", "scale": "100", "order": "1"})
aux("Mexico enforcement history", "TIME", units="people/year",
    gf=([2012, 2013.5, 2014.5, 2015.5, 2016.5, 2017.5, 2018.5, 2019.3, 2019.7, 2020.5, 2021.5, 2022.5, 2024.5],
        [160000, 175000, 215000, 370000, 300000, 200000, 135000, 200000, 280000, 220000, 170000, 150000, 150000]),
    doc="Mexico's capacity to stop and return Northern Triangle migrants a year (D: set so that the returns the model gives follow the recorded ones: 77,876 in 2012, 107,199 in 2014, 158,789 in 2015 under Programa Frontera Sur, 138,839 in 2016, 98,133 in 2018, 133,058 in 2019 with the June 2019 agreement, 100,641 in 2022; mexico_deportations_ntca.csv, F; policy_regimes.csv for the dates). The model's returns come within a fifth of each recorded year; after 2022, for which no count is in the project data, the 2022 capacity is held.")
lever("Mexico enforcement", 190000, "people/year",
      "Mexico's capacity to stop Northern Triangle migrants in transit and return them, people a year. Mexico returned 100,000-160,000 a year in 2014-2022 (project data, F) and 52.8-63.9% of all deported Northern Triangle nationals (IOM, P13, F). When more people come than it can stop, a smaller share is stopped.",
      (0, 500000), "Mexico_enforcement_history",
      {"doc-es": "Capacidad de México para detener a migrantes del Triángulo Norte en tránsito y devolverlos, personas al año. México devolvió entre 100.000 y 160.000 al año en 2014-2022 (datos del proyecto, F) y entre el 52,8% y el 63,9% de los deportados del Triángulo Norte (OIM, P13, F). Cuando llegan más de los que puede detener, detiene una parte menor.",
       "label-es": "Control en México", "format-es": "%.0f personas/año", "essential": "1", "group": "Enforcement", "step": "5000", "default": "190000", "format": "%.0f people/year", "order": "2"})

# Border regime of the day (policy_regimes.csv); the values are assumptions about what each regime did.
aux("Family release history", "TIME",
    gf=([2012, 2014.4, 2014.5, 2015.5, 2015.6, 2018.25, 2018.3, 2018.45, 2018.5, 2019.0, 2019.6, 2019.9, 2020.2, 2020.25, 2021.0, 2021.2, 2022.5, 2023.35, 2023.4, 2024.4, 2024.45, 2025.0, 2025.05],
        [0.75, 0.75, 0.35, 0.35, 0.85, 0.85, 0.5, 0.5, 0.9, 0.9, 0.75, 0.45, 0.45, 0.25, 0.25, 0.55, 0.6, 0.6, 0.7, 0.7, 0.5, 0.5, 0.1]),
    doc="Share of families encountered at the border who are released into the US with a court date, by regime (policy_regimes.csv): detention of families June 2014 - July 2015, release under the Flores settlement from July 2015, zero tolerance April-June 2018, Remain in Mexico (MPP) from 2019, Title 42 expulsions March 2020 - May 2023 (families partly exempt from 2021), the lawful-pathways rule from May 2023, the June 2024 proclamation, asylum shut in January 2025. The dates are from the regime table; the shares are assumptions (no release series by group is in the project data).")
aux("Child release history", "TIME",
    gf=([2012, 2020.2, 2020.25, 2021.0, 2021.1, 2025.0, 2025.05], [0.95, 0.95, 0.4, 0.4, 0.95, 0.95, 0.8]),
    doc="Share of unaccompanied children encountered who are referred to the refugee office and released to sponsors: the norm under the 2008 trafficking law, except for Title 42 expulsions of children from March 2020 until the exemption of early 2021 (policy_regimes.csv; shares are assumptions).")
aux("Adult release history", "TIME",
    gf=([2012, 2019.0, 2020.2, 2021.0, 2021.5, 2023.35, 2023.4, 2024.4, 2024.45, 2025.0, 2025.05],
        [0.05, 0.05, 0.05, 0.05, 0.12, 0.12, 0.2, 0.2, 0.1, 0.1, 0.03]),
    doc="Share of single adults encountered who are released into the US to pursue a claim: few before 2021, more from 2021 as capacity ran out, fewer after the June 2024 proclamation and January 2025 (policy_regimes.csv; shares are assumptions).")
aux("Expulsion share history", "TIME",
    gf=([2012, 2019.0, 2019.4, 2019.9, 2020.15, 2020.25, 2021.0, 2022.0, 2023.0, 2023.35, 2023.4, 2025.0, 2025.05],
        [0, 0, 0.1, 0.3, 0.3, 0.9, 0.85, 0.65, 0.55, 0.55, 0, 0, 0.3]),
    doc="Share of those encountered and not released who are pushed back to Mexico without consequence rather than removed home under Title 8: Remain in Mexico (MPP) from January 2019 (about 60,000 in its first year, P8), Title 42 expulsions from 20 March 2020 to 11 May 2023, Remain in Mexico restarted in January 2025 (policy_regimes.csv, enforcement_recidivism_mpp.csv; shares are assumptions).")
lever("Asylum access", 0.1, "dmnl",
      "Access to asylum for those who reach the border, shown in percent, from 0% (closed: no one released to pursue a claim) to 100% (fair and open: every family and child who asks is let in to pursue a claim). It scales the release of families and children and of adults who ask for protection. 10% is the January 2025 regime (policy_regimes.csv); 75-90% is the 2016-2018 Flores regime. A layered protection system serves those in imminent danger (Selee and Ruiz Soto, S3; Selee, S4, mechanism 14).",
      (0, 1), "Family_release_history",
      {"doc-es": "Acceso al asilo para quien llega a la frontera, en porcentaje, de 0% (cerrado: nadie entra a seguir su solicitud) a 100% (justo y abierto: toda familia y todo niño que lo pide entra a seguir su solicitud). 10% es el régimen de enero de 2025; 75-90% el régimen de Flores de 2016-2018. Un sistema de protección por capas sirve a quienes corren peligro inminente (Selee y Ruiz Soto, S3; Selee, S4, mecanismo 14).",
       "label-es": "Acceso al asilo", "essential": "1", "group": "Enforcement", "step": "0.05", "default": "0.1", "format": "%.0f%% let in", "format-es": "%.0f%% admitidos", "scale": "100", "order": "3"})
aux("Family release", "Asylum_access_effective",
    doc="Share of encountered families released with a court date.")
aux("Child release",
    "Child_release_history * (1 - Policy_weight) + Policy_weight * MAX(Child_protection_floor, Asylum_access)",
    doc="Share of encountered unaccompanied children released to sponsors.")
param("Child protection floor", 0.8, "dmnl", "Share of unaccompanied children released to sponsors whatever the asylum policy, under the 2008 trafficking law's screening (assumption; Title 42 expelled children in 2020 until the exemption, policy_regimes.csv).", 0.5, 0.95)
aux("Adult release",
    "Adult_release_history * (1 - Policy_weight) + Policy_weight * Adult_release_at_open_access * Asylum_access",
    doc="Share of encountered single adults released to pursue a claim.")
param("Adult release at open access", 0.25, "dmnl", "Share of single adults released to pursue a claim when asylum is fully open (assumption: most single adults are economic migrants who do not pass credible-fear screening).", 0.1, 0.4)
param("Expulsion share after policy year", 0.3, "dmnl", "Share of those encountered and not released who are returned to Mexico without consequence after the policy year: the 2025 regime (Remain in Mexico restarted; assumption).", 0, 0.6)
aux("Expulsion share",
    "Expulsion_share_history * (1 - Policy_weight) + Policy_weight * Expulsion_share_after_policy_year",
    doc="Share of those encountered and not released who are pushed back to Mexico without consequence.")

aux("Court capacity history", "TIME", units="cases/year",
    gf=([2012, 2019, 2024], [10000, 30000, 60000]),
    doc="Immigration court asylum decisions available for Northern Triangle cases per year (assumption: a share of all court completions, rising with the number of judges; the backlog grew from 44,000 pending claims in 2014 to 321,900 in 2019, UNHCR via asylum_displacement.csv, F).")
lever("Court capacity", 60000, "cases/year",
      "Asylum cases the immigration courts can decide per year for the three nationalities.",
      (0, 1000000), "Court_capacity_history",
      {"doc-es": "Casos de asilo que los tribunales de inmigración pueden resolver por año para las tres nacionalidades.",
       "label-es": "Capacidad de los tribunales", "format-es": "%.0f casos/año", "group": "Enforcement", "step": "5000", "default": "60000", "format": "%.0f cases/year", "order": "4"})
aux("Interior removals history", "TIME", units="people/year",
    gf=([2012, 2016, 2019, 2020.5, 2024], [35000, 25000, 30000, 15000, 25000]),
    doc="Removals from inside the US of the three nationalities (assumption: about a quarter of ICE removals, which were 94,729 in FY2018 and 115,700 in FY2019 for the three countries, us_ice_removals_by_country.csv, F).")
lever("Interior removals", 25000, "people/year",
      "Removals from inside the US of settled migrants of the three nationalities per year.",
      (0, 500000), "Interior_removals_history",
      {"doc-es": "Deportaciones desde el interior de EE. UU. de migrantes asentados de las tres nacionalidades, por año.",
       "label-es": "Deportaciones desde el interior", "format-es": "%.0f personas/año", "group": "Enforcement", "step": "5000", "default": "25000", "format": "%.0f people/year", "order": "5"})

# ---------------------------------------------------------------- assumptions
aux("Economic growth", 0.03, units="1/year", rng=(-0.03, 0.08),
    doc="Underlying growth of income per head in current US dollars after the policy year, before the effects of aid, remittances and seasonal work. 2012-2019 growth was 2.4-4.6% a year (World Bank, population_gdp_worldbank_2000_2024.csv, D).",
    lever={"doc-es": "Crecimiento del ingreso por habitante en dólares corrientes desde el año de la política, antes de los efectos de la ayuda, las remesas y el trabajo temporal. Entre 2012 y 2019 fue del 2,4% al 4,6% anual (Banco Mundial, D).",
           "label-es": "Crecimiento económico", "format-es": "%.1f%%/año", "group-order": "4", "group-title": "Assumptions", "group-title-es": "Supuestos", "group-doc": "Conditions no one policy controls", "group-doc-es": "Condiciones que ninguna política controla",
           "group": "Assumptions", "step": "0.005", "default": "0.03", "format": "%.1f%%/year", "scale": "100", "order": "1"},
    unc={"distribution": "triangular", "min": "0", "mode": "0.03", "max": "0.05"})
aux("US labour demand", 1, rng=(0.5, 2),
    doc="Demand for migrant labour in the US, in percent of today's. It sets how many seasonal slots employers fill (assumption).",
    lever={"doc-es": "Demanda de mano de obra migrante en EE. UU., en porcentaje de la actual. Decide cuántas plazas temporales se cubren (supuesto).",
           "label-es": "Demanda de mano de obra en EE. UU.", "group": "Assumptions", "step": "0.05", "default": "1", "format": "%.0f%% of today", "format-es": "%.0f%% de la actual", "scale": "100", "order": "2"},
    unc={"distribution": "uniform", "min": "0.8", "max": "1.2"})
aux("Trafficking pressure", 1, rng=(0.5, 2),
    doc="Drug and gun trafficking through the region after the policy year, in percent of today's. Trafficking fuels the gangs behind the violence (Bermeo, S2; Made by History, S1, mechanism 4).",
    lever={"doc-es": "Tráfico de drogas y armas por la región, en porcentaje del actual. Alimenta a las pandillas detrás de la violencia (Bermeo, S2; ensayo de Made by History, S1, mecanismo 4).",
           "label-es": "Presión del narcotráfico", "group": "Assumptions", "step": "0.05", "default": "1", "format": "%.0f%% of today", "format-es": "%.0f%% de la actual", "scale": "100", "order": "3"},
    unc={"distribution": "uniform", "min": "0.8", "max": "1.25"})
aux("Corruption trend", 0, units="1/year", rng=(-0.05, 0.05),
    doc="Erosion (positive) or repair (negative) of governance capacity each year after the policy year: captured governments, democratic backsliding (Isaacs and Preston, S0, mechanism 13).",
    lever={"doc-es": "Erosión (positiva) o recuperación (negativa) de la capacidad de gobierno cada año desde el año de la política: gobiernos capturados, retroceso democrático (Isaacs y Preston, S0, mecanismo 13).",
           "label-es": "Tendencia de la corrupción", "format-es": "%.1f%%/año", "group": "Assumptions", "step": "0.005", "default": "0", "format": "%.1f%%/year", "scale": "100", "order": "4"},
    unc={"distribution": "uniform", "min": "-0.01", "max": "0.02"})
aux("Future shock severity", 1, rng=(0, 3),
    doc="Severity of the droughts that recur in the Dry Corridor after the policy year, in percent of the 2015 and 2018-19 droughts (Linke et al. 2023, P9).",
    lever={"doc-es": "Gravedad de las sequías que vuelven al Corredor Seco después del año de la política, en porcentaje de las de 2015 y 2018-19 (Linke y otros, 2023, P9).",
           "label-es": "Gravedad de las sequías futuras", "group": "Assumptions", "step": "0.1", "default": "1", "format": "%.0f%% of 2015", "format-es": "%.0f%% de 2015", "scale": "100", "order": "5"},
    unc={"distribution": "uniform", "min": "0.5", "max": "2"})
aux("Drought recurrence", 5, units="Year", rng=(2, 20),
    doc="Years between severe Dry Corridor droughts after the policy year (assumption: 2014-15 and 2018-19 were four years apart).",
    lever={"doc-es": "Años entre sequías graves en el Corredor Seco después del año de la política (supuesto: 2014-15 y 2018-19 estuvieron a cuatro años).",
           "label-es": "Años entre sequías", "format-es": "%.0f años", "group": "Assumptions", "step": "1", "default": "5", "format": "%.0f years", "order": "6"})
aux("Hurricane year", 0, units="Year", rng=(0, 2045),
    doc="A year in which a hurricane like Eta and Iota (November 2020) strikes after the policy year, or none (0).",
    lever={"doc-es": "Un año en que un huracán como Eta e Iota (noviembre de 2020) golpea después del año de la política; 0 si ninguno.",
           "label-es": "Año de un huracán", "group": "Assumptions", "step": "1", "default": "0", "format": "%.0f", "order": "7", "kind": "year", "none": "0"})

exec(open(__file__.replace("model.py", "core.py")).read())
sys.stdout.write("".join(out))
