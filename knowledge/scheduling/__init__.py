"""Timers stored in the database (reminders, re-offers, expiry, purge): survive restarts, fire once."""
