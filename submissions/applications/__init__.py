"""The teacher application: cohorts, the eligibility check, a multi-step application with save
and return, check your answers, equal-opportunities monitoring, the Recruitment team's
registers and demo data."""
