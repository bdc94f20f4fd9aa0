"""Requests passed on to mediators, after DORA's orientation workflow (DESIGN §5).

`models` holds the tables, `states` the workflow's vocabulary, `people` who is who on which
platform, `matching` which mediator gets an offer, `workflow` every state change with its audit
log, timers and notices. Nothing here knows a chat platform or a French sentence: handlers render.
"""
