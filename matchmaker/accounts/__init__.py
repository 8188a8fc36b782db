"""Accounts and privacy: consent to the privacy notice, a member's data export and account
deletion, the audit log of staff and admin actions, and each member's read state of notes."""
