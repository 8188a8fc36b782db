"""E-mail: the transactional outbox, its delivery over SMTP (Flask-Mailman), the letters."""
