"""The Slack transport (DESIGN §1, §7): Bolt receives, `bot.render.blockkit` renders, handlers decide.

`settings` checks the environment at start, `bolt_app` wires Bolt's listeners to the dispatcher,
`events` turns Slack payloads into neutral messages, `posting` sends replies, modals and updates,
`delivery` sends the outbox rows addressed to Slack, `home` draws App Home, `http` is the threaded
HTTP front (with `/healthz`), `cli` the `epnbot serve slack` command.
"""
