"""The schools' Expression of Interest: a school tells The Difference it would like to host a
Difference Leader. Model, page, form, answers, the Partnerships team's register and demo data."""
