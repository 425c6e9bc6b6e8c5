"""Vietnam's calendar: the lunar calendar for UTC+7, public holidays and working days
(no Django)."""
