"""Pure helpers for the app's screens: files to download, pictures, and safe text for display.

Nothing here imports Streamlit; app.py calls these with values from a Result (mostly the masked
`Result.to_json()` dict) and shows what they return.
"""
