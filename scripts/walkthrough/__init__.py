"""The RASSO walkthrough content compiler.

Turns the YAML content (stages/, support_services.yml, glossary.yml, victims_code.yml) into a
validated, typed model and then into page files that any MkDocs-compatible builder can build.
It never imports MkDocs: MkDocs reaches it through hooks/compile_content.py only.
"""
