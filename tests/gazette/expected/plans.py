"""The annual land-supply plans the three shared gazettes print: none. Read through for 供应计划, 供地计划, 土地供应,
用地计划 and 计划供应: they hold parcel approvals, reclamation figures in 公顷 and a disclosure list naming the
土地出让计划 as a kind of information, but no plan with a total and categories. The invented plans of other counties
and their expected values are in tests/gazette/test_extract_plans.py."""

# (document, year, total_ha, ((category, area_ha), …)) per plan.
PLANS = []
