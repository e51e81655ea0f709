"""
The loading steps, one module per area. Each ``create_*`` function is idempotent: it looks
objects up by their demo key and only makes what is missing, and it returns how many
objects it made so the command can report progress.
"""
