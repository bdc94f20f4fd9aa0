"""What the bot says outside its direct replies, and what each transport must remember.

`outbox` is the transactional outbox of DESIGN §5 (offers, reminders, notices, digests), `seen` the
platform events already handled (Slack retries, Matrix replays), `state` small per-transport values
such as Matrix's sync token.
"""
