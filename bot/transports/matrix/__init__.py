"""The Matrix transport (matrix-nio): rooms and direct chats become `Message`s, replies HTML in threads.

`settings` checks the environment, `events` reads Matrix events into neutral messages and actions,
`client` runs the sync loop and sends, `cli` is `epnbot serve matrix`. Rendering lives in
`bot/render/matrix_html.py`.
"""
