/**
 * Job postings the browser tests paste into Roles. Looker Studio is the one requirement of the
 * data analyst posting the sample portfolio has no evidence for (her work as a Data Analyst
 * implies the rest), so a plan made for it has a step to take; its skills come with reasons of
 * different lengths (the layout test checks they are not cut).
 */
export const DATA_ANALYST_POSTING = `Data Analyst – Retail Insights

About the role
You will turn sales data into decisions for our merchandising team.

Requirements
- 3+ years writing SQL against large warehouses
- Python for data cleaning and analysis
- Building dashboards in Tableau
- Strong stakeholder communication: explaining findings to non-technical teams
- Self-serve reporting in Looker Studio

Nice to have
- dbt for data modelling
- Apache Airflow for scheduling pipelines
`
