"""
Reader feedback: "Was this helpful?" and "Report a mistake" on every item (guide, service,
partner, event) of the website, the kiosk and the widget, through the API's mutations.

- ``models``: one row per rating or report, with no personal data;
- ``submit``: what the mutations call (public items only, validation, hourly limits);
- ``owners``: who hears of a report (the owner of the item's source-language page);
- ``tasks``: the e-mail to the owner per report, and the deletion after resolution;
- ``views``: the dashboard's reader reports and "not helpful" shares, and "resolved".
"""
